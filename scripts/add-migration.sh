#!/usr/bin/env bash
# Adds the same migration to the three providers and regenerates the SQL Server and PostgreSQL scripts.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet build src/Portal.Web -v q -nologo >/dev/null
dotnet ef migrations add "$name" --no-build --project src/Portal.Migrations.Sqlite --startup-project src/Portal.Web --output-dir Migrations -- --Database:Provider=Sqlite
dotnet ef migrations add "$name" --no-build --project src/Portal.Migrations.SqlServer --startup-project src/Portal.Web --output-dir Migrations -- --Database:Provider=SqlServer "--ConnectionStrings:Portal=Server=localhost;Database=Portal;Trusted_Connection=True;TrustServerCertificate=True"
dotnet ef migrations add "$name" --no-build --project src/Portal.Migrations.PostgreSql --startup-project src/Portal.Web --output-dir Migrations -- --Database:Provider=PostgreSql "--ConnectionStrings:Portal=Host=localhost;Database=portal;Username=portal"
# The new migration must be compiled before the script can include it.
dotnet build src/Portal.Web -v q -nologo >/dev/null
scripts/sqlserver-script.sh
scripts/postgresql-script.sh
