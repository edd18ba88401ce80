#!/usr/bin/env bash
# The web pages as users meet them, measured from outside the process with wrk, on a generated register.
#
#   scripts/bench-web.sh [--count N] [--duration S] [--connections C] [--db PATH] [--port P] [--provider PostgreSql]
#
# With --provider PostgreSql the register is the database portal_bench_N on the server in PORTAL_BENCH_POSTGRES
# or PORTAL_TEST_POSTGRES (a connection string without a database; scripts/postgres-cluster.sh start prints one),
# kept for later runs like the SQLite file; samples are read with psql.
#
# 1. makes (or reuses) a register of N institutions (default 1,000,000) with its certificate history;
# 2. starts the portal in Release as a separate process, in Production behind a "proxy" (wrk sends the
#    X-Forwarded-Proto and Host headers nginx would), and waits until start-up work has settled;
# 3. table 1: requests/s, p50, p99 and errors per page at C connections (default 64; the search mix at 8); then the verify
#    page, the home page and a deep register page one request at a time (1 connection);
# 4. the verify page against /health/live, alternated three times, medians and their ratio;
# 5. table 2: the same while the open-data export and the annual-report job run (both forced to start
#    during the table), and each page's slow-down against table 1.
# Rate limits are raised for the run (one address sends everything). Needs apt-get for wrk and sqlite3 (psql for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=1000000 DURATION=10 CONNECTIONS=64 DB="" PORT=5180 PROVIDER=Sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --provider) PROVIDER=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release src/Portal.Web -nologo -v q >/dev/null
DLL=src/Portal.Web/bin/Release/net10.0/Portal.Web.dll

if [ "$PROVIDER" = PostgreSql ]; then
  SERVER=${PORTAL_BENCH_POSTGRES:-${PORTAL_TEST_POSTGRES:?set PORTAL_BENCH_POSTGRES (or PORTAL_TEST_POSTGRES) to a PostgreSQL connection string without a database}}
  pg() { # key of the connection string -> value
    tr ';' '\n' <<< "$SERVER" | awk -F= -v k="$1" 'tolower($1) == tolower(k) {print substr($0, length($1) + 2)}'
  }
  export PGHOST=$(pg Host) PGPORT=$(pg Port) PGUSER=$(pg Username) PGPASSWORD=$(pg Password)
  PGDATABASE=portal_bench_$COUNT; export PGDATABASE
  DIR=/tmp/portal-bench-pg-$COUNT
  mkdir -p "$DIR"
  SETTINGS=("--Database:Provider=PostgreSql" "--ConnectionStrings:Portal=$SERVER;Database=$PGDATABASE" "--CertificateSigning:KeyDirectory=$DIR/keys"
    "--Portal:PublicBaseUrl=https://portal.bench" "--Logging:LogLevel:Default=Warning" "--Logging:LogLevel:Portal=Information")
  sql() { psql -qAt -c "$1"; }
  exists() { [ "$(psql -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$PGDATABASE'")" = 1 ] && [ -f "$DIR/generated" ]; }
  GENERATE_EXTRA=("--Database:MigrateOnStartup=true" "--Database:SeedDemoData=true")
else
  DIR=$(dirname "${DB:-/tmp/portal-bench-$COUNT/portal.db}")
  DB=${DB:-$DIR/portal.db}
  mkdir -p "$DIR"
  SETTINGS=("--ConnectionStrings:Portal=Data Source=$DB" "--CertificateSigning:KeyDirectory=$DIR/keys" "--Portal:PublicBaseUrl=https://portal.bench"
    "--Logging:LogLevel:Default=Warning" "--Logging:LogLevel:Portal=Information")
  sql() { sqlite3 "$DB" "$1"; }
  exists() { [ -f "$DB" ]; }
  GENERATE_EXTRA=()
fi

if ! exists; then
  echo "Generating a register of $COUNT institutions into ${DB:-$PGDATABASE} …"
  start=$(date +%s)
  if [ "$PROVIDER" = PostgreSql ]; then
    psql -d postgres -qAt -c "DROP DATABASE IF EXISTS $PGDATABASE" -c "CREATE DATABASE $PGDATABASE"
  fi
  dotnet "$DLL" generate-register --count "$COUNT" --environment=Development "${SETTINGS[@]}" "${GENERATE_EXTRA[@]}" | grep -E "Wrote|…" | tail -3
  echo "  (generate-register took $(( $(date +%s) - start )) s)"
  touch "$DIR/generated"
fi

# Samples: 1,000 certificate tokens and 20,000 codes at random (profiles are output-cached: most requests must miss), a mix of common 2–6 character queries.
sql "SELECT '/v/' || \"Token\" FROM \"Certificates\" ORDER BY random() LIMIT 1000" > "$DIR/verify.txt"
sql "SELECT \"Code\" FROM \"Institutions\" ORDER BY random() LIMIT 20000" > "$DIR/codes.txt"
sed 's|^|/register/|' "$DIR/codes.txt" > "$DIR/profile.txt"
sed 's|^|/api/v1/institutions/|' "$DIR/codes.txt" > "$DIR/api.txt"
for q in 卫生 小学 中学 文化 医院 卫生院 幼儿园 文化站 中心小学 初级中学 便民服务 农业技术 卫生服务中心 义乌市 东阳市; do
  printf '/register?q=%s\n' "$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$q")"
done > "$DIR/search.txt"
echo "/register?status=Registered&page=100000" > "$DIR/deep.txt"
echo "/" > "$DIR/home.txt"; echo "/health/live" > "$DIR/live.txt"; echo "/announcements" > "$DIR/announcements.txt"; echo "/reports" > "$DIR/reports.txt"

if ! grep -q client_secret "$DIR/api-client.txt" 2>/dev/null; then
  dotnet "$DLL" api-clients add --name "web benchmark" --scope register.read --environment=Development "${SETTINGS[@]}" > "$DIR/api-client.new"
  grep -E "^client_" "$DIR/api-client.new" > "$DIR/api-client.txt" || { cat "$DIR/api-client.new"; exit 1; }
fi
CLIENT_ID=$(grep client_id "$DIR/api-client.txt" | cut -d= -f2); CLIENT_SECRET=$(grep client_secret "$DIR/api-client.txt" | cut -d= -f2)

PID=""
stop_portal() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi; }
trap stop_portal EXIT
start_portal() { # extra settings…
  dotnet "$DLL" --urls "http://127.0.0.1:$PORT" --environment=Production "${SETTINGS[@]}" --ForwardedHeaders:KnownProxies:0=127.0.0.1 \
    --RateLimits:VerifyPerMinute=100000000 --RateLimits:PublicPerMinute=100000000 --RateLimits:ApiPerFiveMinutes=100000000 "$@" > "$DIR/portal.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null -H "Host: portal.bench" -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/health/ready"; then return 0; fi
    sleep 1
  done
  echo "The portal did not become ready:"; tail -20 "$DIR/portal.log"; exit 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
settle() { # until the process uses under 5% of one core over 5 s (start-up work done), at most 15 minutes
  local before after
  for _ in $(seq 1 180); do
    before=$(cpu_ticks); sleep 5; after=$(cpu_ticks)
    if [ $(( after - before )) -lt $(( $(getconf CLK_TCK) / 4 )) ]; then return 0; fi
  done
}
token() {
  curl -sf -H "Host: portal.bench" -H "X-Forwarded-Proto: https" -d grant_type=client_credentials -d client_id="$CLIENT_ID" -d client_secret="$CLIENT_SECRET" \
    "http://127.0.0.1:$PORT/connect/token" | python3 -c "import json,sys; print(json.load(sys.stdin)['access_token'])"
}
run() { # paths-file connections seconds [bearer] -> "rps p50 p99 errors requests"
  wrk -t"$(( $2 < 2 ? $2 : 2 ))" -c"$2" -d"$3"s --timeout 10s -s scripts/bench/paths.lua "http://127.0.0.1:$PORT" -- "$1" "${4:-}" | grep '^RESULT' | cut -d' ' -f2-
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

PAGES=("/health/live|live|$CONNECTIONS" "/v/{token} (1,000 tokens)|verify|$CONNECTIONS" "/ (home)|home|$CONNECTIONS"
  "/register?q= (15 queries)|search|8" "/register/{code} (20,000 codes)|profile|$CONNECTIONS" "/announcements|announcements|$CONNECTIONS"
  "/reports|reports|$CONNECTIONS" "GET /api/v1/institutions/{code}|api|$CONNECTIONS")
declare -A FIRST
table() { # title
  echo; echo "$1"
  echo "| page | connections | requests/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  local bearer; bearer=$(token)
  for page in "${PAGES[@]}"; do
    IFS='|' read -r label file conns <<< "$page"
    local auth=""; [ "$file" = "api" ] && auth=$bearer # only the API gets the token: a page request with one is never output-cached
    run "$DIR/$file.txt" "$conns" 3 "$auth" >/dev/null # warm-up
    read -r rps p50 p99 errors requests <<< "$(run "$DIR/$file.txt" "$conns" "$DURATION" "$auth")"
    local note=""
    if [ -n "${FIRST[$file]:-}" ]; then
      read -r p50a p99a <<< "${FIRST[$file]}"
      note=" (×$(python3 -c "print(f'{max($p50/$p50a, $p99/$p99a):.2f}')") of table 1)"
    else
      FIRST[$file]="$p50 $p99"
    fi
    printf '| %s | %s | %.0f | %.2f | %.2f%s | %s of %s |\n' "$label" "$conns" "$rps" "$p50" "$p99" "$note" "$errors" "$requests"
  done
}

echo "Register ($PROVIDER): $(sql 'SELECT count(*) FROM "Institutions"') institutions, $(sql 'SELECT count(*) FROM "Certificates"') certificates; $(nproc) cores; wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
start_portal
echo "Waiting for start-up work to settle …"; settle
table "Table 1: after start-up has settled (${DURATION} s per page)"

echo; echo "One request at a time (1 connection, ${DURATION} s each):"
echo "| page | requests/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|"
for spec in "/v/{token} (1,000 tokens)|verify" "/ (home)|home" "/register?status=Registered&page=100000|deep"; do
  IFS='|' read -r label file <<< "$spec"
  read -r rps p50 p99 errors requests <<< "$(run "$DIR/$file.txt" 1 "$DURATION")"
  printf '| %s | %.0f | %.2f | %.2f | %s of %s |\n' "$label" "$rps" "$p50" "$p99" "$errors" "$requests"
done

echo; echo "Verify page against /health/live, alternated three times (${DURATION} s each, $CONNECTIONS connections):"
for i in 1 2 3; do
  read -r live _ <<< "$(run "$DIR/live.txt" "$CONNECTIONS" "$DURATION")"; echo "$live" >> "$DIR/live.rps"
  read -r verify _ vp99 _ <<< "$(run "$DIR/verify.txt" "$CONNECTIONS" "$DURATION")"; echo "$verify" >> "$DIR/verify.rps"; echo "$vp99" >> "$DIR/verify.p99"
  echo "  round $i: /health/live $live requests/s, /v/{token} $verify requests/s (p99 $vp99 ms)"
done
live=$(median < "$DIR/live.rps"); verify=$(median < "$DIR/verify.rps"); vp99=$(median < "$DIR/verify.p99"); rm -f "$DIR"/*.rps "$DIR/verify.p99"
echo "  medians: /health/live $live, /v/{token} $verify requests/s, p99 $vp99 ms; ratio $(python3 -c "print(f'{$verify/$live:.3f}')") (goal ≥ 0.25, p99 ≤ 10 ms)"
stop_portal

# Table 2: today's open-data file removed and both daily jobs moved to the next minute, so they run during it.
today=$(TZ=Asia/Shanghai date +%Y-%m-%d)
# (Today's file becomes yesterday's: the register still has open data, and today's is due at $at.)
if [ "$PROVIDER" = PostgreSql ]; then
  sql "DELETE FROM \"OpenDataChunks\" WHERE \"FileId\" IN (SELECT \"Id\" FROM \"OpenDataFiles\" WHERE \"Day\" < '$today');
    DELETE FROM \"OpenDataFiles\" WHERE \"Day\" < '$today'; UPDATE \"OpenDataFiles\" SET \"Day\" = \"Day\" - 1;
    DELETE FROM \"AbnormalList\"; UPDATE \"JobLeases\" SET \"LeaseUntilUtc\" = '0001-01-01 00:00:00';"
else
  sqlite3 "$DB" "DELETE FROM OpenDataChunks WHERE FileId IN (SELECT Id FROM OpenDataFiles WHERE Day < '$today');
    DELETE FROM OpenDataFiles WHERE Day < '$today'; UPDATE OpenDataFiles SET Day = date(Day, '-1 day');
    DELETE FROM AbnormalList; UPDATE JobLeases SET LeaseUntilUtc = '0001-01-01 00:00:00';"
fi
at=$(TZ=Asia/Shanghai date -d '+2 minutes' +%H:%M)
start_portal "--Jobs:open-data-export:At=$at" "--Jobs:report-cycle:At=$at" --Registry:PublishAbnormalList=true
echo; echo "Warming up, then waiting for the jobs to start at $at (China time) …"
for page in "${PAGES[@]}"; do IFS='|' read -r _ file conns <<< "$page"; run "$DIR/$file.txt" "$conns" 3 "$([ "$file" = api ] && token)" >/dev/null; done
until grep -q "Background job open-data-export started" "$DIR/portal.log"; do sleep 2; done
table "Table 2: while the open-data export and the annual-report job run (${DURATION} s per page)"
for job in open-data-export report-cycle; do
  if grep -q "Background job $job finished" "$DIR/portal.log"; then
    echo "  $job: $(grep "Background job $job finished" "$DIR/portal.log" | tail -1 | sed 's/.*finished/finished/') — it ended before the table did"
  else
    echo "  $job: still running when the table ended"
  fi
done
stop_portal
