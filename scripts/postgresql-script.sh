#!/usr/bin/env bash
# Regenerates db/postgresql/portal.sql (idempotent) from the PostgreSQL migrations, or writes it to $1.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-db/postgresql/portal.sql}
mkdir -p "$(dirname "$out")"
dotnet ef migrations script --idempotent --no-build --project src/Portal.Migrations.PostgreSql --startup-project src/Portal.Web \
  --output "$out" -- --Database:Provider=PostgreSql "--ConnectionStrings:Portal=Host=localhost;Database=portal;Username=portal"
