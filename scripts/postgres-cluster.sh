#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: initdb into a temporary folder (run as the postgres user),
# listening on 127.0.0.1 only, on a free port, with a generated password.
#
#   eval "$(scripts/postgres-cluster.sh start)"   # prints the exports: PORTAL_TEST_POSTGRES, PORTAL_PG_DIR
#   scripts/postgres-cluster.sh stop "$PORTAL_PG_DIR"
#
# Installs postgresql with apt-get when its binaries are missing.
set -euo pipefail
action=${1:?start or stop}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ "$action" = stop ]; then
  dir=${2:?folder}
  [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ] && su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

if [ -z "$bin" ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
chmod 755 "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
printf '%s\n' "$password" > "$dir/pw"
chown -R postgres "$dir"
# C.UTF-8: the ctype treats Chinese characters as letters (trigrams, text-search words); ordering is by code point.
su postgres -s /bin/sh -c "'$bin/initdb' -D '$dir/data' -U postgres --pwfile='$dir/pw' --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pw"
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w start" >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
echo "export PORTAL_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=$password'"
echo "export PORTAL_PG_DIR='$dir'"
