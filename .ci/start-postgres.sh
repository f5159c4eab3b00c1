#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-55432} and prints the DATABASE_URL to use.
# Usage: eval "$(.ci/start-postgres.sh)"; ... ; "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop
set -euo pipefail
PORT="${PGPORT:-55432}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DATA=$(mktemp -d /tmp/kn-pgdata.XXXXXX)
SOCK=$(mktemp -d /tmp/kn-pgsock.XXXXXX)
chown postgres:postgres "$DATA" "$SOCK"
su postgres -c "$PGBIN/initdb -D $DATA -U postgres --auth=trust -E UTF8 --no-locale" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $DATA -l $SOCK/log -w -o '-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off -c max_connections=500' start" >/dev/null
psql -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE ROLE kn LOGIN PASSWORD 'kn'" -c "CREATE DATABASE kn OWNER kn" >/dev/null
echo "export PGBIN=$PGBIN PGDATA_DIR=$DATA KNIGONOSHA_TEST_POSTGRES_URL=postgres://kn:kn@127.0.0.1:$PORT/kn"
