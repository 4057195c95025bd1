#!/usr/bin/env bash
# Logical backup of the RecallBricks database: pg_dump custom format (compressed, restorable table by table),
# written to a temporary name and renamed only when complete and readable, then old backups pruned.
# Environment: PGHOST, PGPORT, PGUSER, PGDATABASE (password via ~/.pgpass), BACKUP_DIR, RETENTION_DAYS.
# Optional: BACKUP_UPLOAD_COMMAND, run with the finished file as its argument (e.g. "aws s3 cp --quiet").
set -euo pipefail

: "${PGDATABASE:?set PGDATABASE}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/recallbricks}"
RETENTION_DAYS="${RETENTION_DAYS:-30}"

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
final="$BACKUP_DIR/${PGDATABASE}_${stamp}.dump"
partial="$final.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-owner --file="$partial" "$PGDATABASE"
# A dump that pg_restore cannot list is not a backup.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$final"
trap - EXIT

if [[ -n "${BACKUP_UPLOAD_COMMAND:-}" ]]; then
    # shellcheck disable=SC2086 # the command is meant to be split into words
    $BACKUP_UPLOAD_COMMAND "$final"
fi

find "$BACKUP_DIR" -maxdepth 1 -name "${PGDATABASE}_*.dump" -mtime +"$RETENTION_DAYS" -delete
echo "backup ok: $final ($(stat -c %s "$final") bytes)"
