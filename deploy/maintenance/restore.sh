#!/usr/bin/env bash
# Restores a backup.sh dump into a NEW database, checks it, and only then (with --swap) renames it into place.
#   restore.sh <file.dump> [--swap]
# Without --swap the restored copy stays as <PGDATABASE>_restored for inspection. With --swap the service must be
# stopped first (systemctl stop recallbricks on every instance): the rename needs no open connections.
# Environment: PGHOST, PGPORT, PGUSER, PGDATABASE (password via ~/.pgpass).
set -euo pipefail

dump="${1:?usage: restore.sh <file.dump> [--swap]}"
swap="${2:-}"
: "${PGDATABASE:?set PGDATABASE}"
restored="${PGDATABASE}_restored"
previous="${PGDATABASE}_before_restore_$(date -u +%Y%m%dT%H%M%SZ)"

pg_restore --list "$dump" > /dev/null
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS \"$restored\";"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$restored\";"
pg_restore --no-owner --exit-on-error --jobs=2 --dbname="$restored" "$dump"

# Integrity checks: the schema history is there and the core tables answer.
psql -X -q -v ON_ERROR_STOP=1 -d "$restored" -c \
  "SELECT count(*) AS migrations FROM flyway_schema_history WHERE success;" \
  -c "SELECT count(*) AS memories FROM memories;" \
  -c "SELECT count(*) AS api_keys FROM api_keys;"

if [[ "$swap" != "--swap" ]]; then
    echo "restored into $restored; run again with --swap (service stopped) to put it in place"
    exit 0
fi

psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "ALTER DATABASE \"$PGDATABASE\" RENAME TO \"$previous\";" \
  -c "ALTER DATABASE \"$restored\" RENAME TO \"$PGDATABASE\";"
echo "restored $dump as $PGDATABASE; the previous database is kept as $previous"
echo "start the service again and check: curl -fsS http://127.0.0.1:8080/health/ready"
