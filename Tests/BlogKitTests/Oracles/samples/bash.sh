#!/usr/bin/env bash
# backup.sh - rotate and upload Postgres backups.
# From "Boring, reliable backups with 80 lines of Bash".
set -euo pipefail
IFS=$'\n\t'

readonly SCRIPT_NAME="${0##*/}"
readonly BACKUP_DIR="${BACKUP_DIR:-/var/backups/postgres}"
readonly KEEP_DAYS=${KEEP_DAYS:-14}
readonly BUCKET="s3://example-backups/$(hostname -s)"
declare -a DATABASES=("blog" "analytics")
declare -A SIZES=()
VERBOSE=0

log() {
    local level="$1"; shift
    printf '%s [%-5s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$level" "$*" >&2
}

die() { log ERROR "$@"; exit 1; }

usage() {
    cat <<EOF
Usage: $SCRIPT_NAME [-v] [-d DB]...

Options:
  -d DB   back up only this database (repeatable)
  -v      verbose output
  -h      show this help

Backups older than ${KEEP_DAYS} days are deleted from $BACKUP_DIR.
EOF
}

cleanup() {
    local rc=$?
    [[ -n "${TMP_DIR:-}" && -d "$TMP_DIR" ]] && rm -rf -- "$TMP_DIR"
    (( rc != 0 )) && log ERROR "aborted with exit code $rc"
    exit "$rc"
}
trap cleanup EXIT
trap 'die "interrupted"' INT TERM

while getopts ':d:vh' opt; do
    case "$opt" in
        d) DATABASES=("$OPTARG") ;;
        v) VERBOSE=1 ;;
        h) usage; exit 0 ;;
        :) die "option -$OPTARG requires an argument" ;;
        *) die "unknown option: -$OPTARG" ;;
    esac
done
shift $((OPTIND - 1))

command -v pg_dump >/dev/null 2>&1 || die "pg_dump not found in PATH"
mkdir -p "$BACKUP_DIR"
TMP_DIR=$(mktemp -d)

for db in "${DATABASES[@]}"; do
    stamp=$(date +%Y%m%d-%H%M%S)
    file="$BACKUP_DIR/${db}-${stamp}.sql.gz"
    log INFO "dumping $db -> $file"

    if ! pg_dump --no-owner --format=plain "$db" | gzip -9 > "$TMP_DIR/dump.gz"; then
        die "pg_dump failed for '$db'"
    fi
    mv "$TMP_DIR/dump.gz" "$file"
    SIZES[$db]=$(stat -c %s "$file")

    if (( VERBOSE )); then
        log DEBUG "$(printf '%s is %d bytes' "$db" "${SIZES[$db]}")"
    fi

    aws s3 cp --only-show-errors "$file" "$BUCKET/${file##*/}" \
        || log WARN "upload failed for $file, will retry next run"
done

# Rotate: delete local dumps older than KEEP_DAYS.
deleted=0
while IFS= read -r -d '' old; do
    rm -f -- "$old"
    ((deleted++)) || true
done < <(find "$BACKUP_DIR" -name '*.sql.gz' -mtime +"$KEEP_DAYS" -print0)

total=0
for db in "${!SIZES[@]}"; do
    total=$(( total + SIZES[$db] ))
done
log INFO "done: ${#DATABASES[@]} databases, $((total / 1024)) KiB, $deleted old dumps removed"
[[ $total -gt 0 && $deleted -ge 0 ]] && echo "ok" || echo 'nothing backed up'
