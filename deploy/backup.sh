#!/usr/bin/env bash
# Back up Linkrete: the database (pg_dump, custom format) and the uploaded files, into DIR.
#
#   DATABASE_URL=postgres://linkrete:secret@db/linkrete deploy/backup.sh /var/backups/linkrete
#
# Writes linkrete-<UTC time>.dump, and media-<UTC time>.tar.gz when MEDIA_ROOT and
# PRIVATE_MEDIA_ROOT exist; each file appears only once complete. Keeps the last KEEP_DAYS days
# (default 14) of files in DIR. The dump holds personal data (bookings, families): keep DIR as
# private as the database, and FIELD_KEYS apart from it (the psychologists' notes are encrypted
# with them). PG_BIN names the folder of pg_dump when the one on PATH is not of the server's
# major version.
set -euo pipefail
dir=${1:?usage: deploy/backup.sh DIR}
: "${DATABASE_URL:?DATABASE_URL names the database to back up}"
mkdir -p "$dir"
umask 077
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dump="$dir/linkrete-$stamp.dump"

"${PG_BIN:+$PG_BIN/}pg_dump" --format=custom --no-owner --no-privileges \
  --dbname="$DATABASE_URL" --file="$dump.partial"
mv "$dump.partial" "$dump"
echo "database: $dump"

media=()
for folder in "${MEDIA_ROOT:-media}" "${PRIVATE_MEDIA_ROOT:-private-media}"; do
  [ -d "$folder" ] && media+=("$folder")
done
if ((${#media[@]})); then
  tar -czf "$dir/media-$stamp.tar.gz.partial" "${media[@]}"
  mv "$dir/media-$stamp.tar.gz.partial" "$dir/media-$stamp.tar.gz"
  echo "files: $dir/media-$stamp.tar.gz"
fi

find "$dir" -maxdepth 1 \( -name 'linkrete-*.dump' -o -name 'media-*.tar.gz' \) \
  -mtime "+${KEEP_DAYS:-14}" -delete
