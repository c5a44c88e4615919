#!/usr/bin/env bash
# Restore a dump made by deploy/backup.sh into an EMPTY database, in one transaction: either
# everything is restored or nothing is.
#
#   createdb -h db -U linkrete linkrete_restored
#   DATABASE_URL=postgres://linkrete:secret@db/linkrete_restored deploy/restore.sh linkrete-….dump
#
# Then run `manage.py migrate` (it applies only what is newer than the dump), and start the site
# on that DATABASE_URL with the same FIELD_KEYS as when the dump was made. Uploaded files:
# `tar -xzf media-….tar.gz` in the project folder (or where MEDIA_ROOT and PRIVATE_MEDIA_ROOT
# point). PG_BIN names the folder of pg_restore when the one on PATH is not of the server's
# major version.
set -euo pipefail
dump=${1:?usage: deploy/restore.sh DUMP}
: "${DATABASE_URL:?DATABASE_URL names the empty database to restore into}"
"${PG_BIN:+$PG_BIN/}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$dump"
echo "restored $dump"
