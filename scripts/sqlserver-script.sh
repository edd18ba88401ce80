#!/usr/bin/env bash
# Regenerates db/sqlserver/portal.sql (idempotent) from the SQL Server migrations, or writes it to $1.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-db/sqlserver/portal.sql}
dotnet ef migrations script --idempotent --no-build --project src/Portal.Migrations.SqlServer --startup-project src/Portal.Web \
  --output "$out" -- --Database:Provider=SqlServer "--ConnectionStrings:Portal=Server=localhost;Database=Portal;Trusted_Connection=True;TrustServerCertificate=True"
