#!/usr/bin/env bash
# Runs the official TypeScript SDK (npm recallbricks 2.1.0) against this service, end to end:
#   1. builds the service jar if it is not there (./mvnw package, tests skipped: they run in the Maven build);
#   2. starts a PostgreSQL 15 of its own on a temporary data directory and a free loopback port, unless
#      SDK_TESTS_DATABASE_URL names one (an empty database, or one this service migrated; a separate variable so
#      that a DATABASE_URL set for other tests is never written to by accident);
#   3. starts the jar on a free loopback port with a throw-away operator key, keyword-only (EMBEDDING_PROVIDER=none);
#   4. creates a tenant, installs axios (npm ci) and the SDK tarball (install-sdk.sh), runs `node --test`;
#   5. stops everything it started and deletes its temporary files, on success, failure or interrupt.
# Needs: JDK 17, Node.js 18+ with npm, curl, and PostgreSQL 15 server binaries (Debian postgresql-15; PGBIN to
# point elsewhere) when SDK_TESTS_DATABASE_URL is not set. The service and PostgreSQL log to files under $WORK,
# printed on failure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

WORK=$(mktemp -d /tmp/rb-sdk-tests.XXXXXX)
SERVICE_PID=""
PG_STARTED=""
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

log() { printf '==> %s\n' "$*"; }

cleanup() {
  local status=$?
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_STARTED" ]; then
    as_pg "$PGBIN/pg_ctl -D $WORK/pgdata -m fast -w stop" >/dev/null 2>&1 || true
  fi
  if [ "$status" -ne 0 ]; then
    for file in "$WORK/service.log" "$WORK/pgdata/server.log"; do
      [ -f "$file" ] && { echo "---- last lines of $file"; tail -n 60 "$file"; }
    done
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

# PostgreSQL refuses to run as root: as root, run its commands as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

JAR=$(ls service/target/recallbricks-service-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)
if [ -z "$JAR" ]; then
  log "Building the service jar"
  ./mvnw -q -B -ntp -pl service -am package -DskipTests
  JAR=$(ls service/target/recallbricks-service-*.jar | grep -v '/original-' | head -n 1)
fi

if [ -n "${SDK_TESTS_DATABASE_URL:-}" ]; then
  log "Using the PostgreSQL of SDK_TESTS_DATABASE_URL"
  DB_URL=$SDK_TESTS_DATABASE_URL
else
  log "Starting PostgreSQL 15 on a temporary data directory"
  PG_PORT=$(free_port)
  mkdir -p "$WORK/pgdata"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$WORK"
  as_pg "$PGBIN/initdb -D $WORK/pgdata -U postgres --auth=trust -E UTF8" >/dev/null
  as_pg "$PGBIN/pg_ctl -D $WORK/pgdata -o '-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1' -w -l $WORK/pgdata/server.log start" >/dev/null
  PG_STARTED=1
  DB_URL="postgresql://postgres:unused@127.0.0.1:$PG_PORT/postgres"
fi

log "Starting the service ($JAR)"
PORT=$(free_port)
ADMIN_KEY="sdk-tests-admin-$(node -e "console.log(require('crypto').randomBytes(16).toString('hex'))")"
PORT=$PORT HOST=127.0.0.1 DATABASE_URL=$DB_URL ADMIN_API_KEY=$ADMIN_KEY OPENAI_API_KEY='' OPENAI_BASE_URL='' EMBEDDING_PROVIDER=none \
  java -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service exited during startup"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null

log "Creating a tenant"
API_KEY=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/admin/users" -H "X-API-Key: $ADMIN_KEY" \
  -H 'Content-Type: application/json' -d '{"name":"sdk-tests"}' \
  | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).api_key));")

log "Installing axios and the SDK"
cd "$ROOT/sdk-tests/typescript"
npm ci --no-audit --no-fund --loglevel=error
sh ./install-sdk.sh

log "Running the TypeScript SDK tests"
RB_BASE_URL="http://127.0.0.1:$PORT/api/v1" RB_API_KEY=$API_KEY RB_ADMIN_KEY=$ADMIN_KEY node --test test/
