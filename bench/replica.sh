#!/bin/sh
# Two local PostgreSQL 15 clusters, a primary and its streaming standby, with the demo loaded:
# the read replica of the public search (linkrete/read_replica.py) shown and measured on one
# machine (bench/README.md, "A read replica and two instances").
#
#   bench/replica.sh up             # build both clusters, load the demo into the primary
#   bench/replica.sh status         # replication lag; transactions and rows read on each cluster
#   bench/replica.sh stop-standby   # the standby stopped (the search must go on)
#   bench/replica.sh start-standby
#   bench/replica.sh down           # stop both and delete their data
#
# Run as root (the clusters run as the postgres user, through runuser). Then:
#   DATABASE_URL=postgres://postgres@127.0.0.1:54361/linkrete \
#   DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:54362/linkrete  <gunicorn or bench/journey.py>
set -eu
ROOT=${REPLICA_ROOT:-/tmp/scale17-pg}
PRIMARY_PORT=${PRIMARY_PORT:-54361}
STANDBY_PORT=${STANDBY_PORT:-54362}
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
HERE=$(cd "$(dirname "$0")/.." && pwd)
as_pg() { runuser -u postgres -- "$@"; }
ctl() { # ctl DIR PORT start|stop
    as_pg "$BIN/pg_ctl" -D "$ROOT/$1" -w -l "$ROOT/$1.log" \
        -o "-p $2 -k $ROOT -c listen_addresses=127.0.0.1" "$3"
}
sql() { # sql PORT QUERY
    "$BIN/psql" -X -At -h 127.0.0.1 -p "$1" -U postgres -d linkrete -c "$2"
}

case "${1:-}" in
up)
    mkdir -p "$ROOT" && chown postgres "$ROOT"
    as_pg "$BIN/initdb" -D "$ROOT/primary" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$ROOT/primary/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
hot_standby = on
track_counts = on
shared_buffers = 128MB
CONF
    ctl primary "$PRIMARY_PORT" start
    # The standby: a base backup of the primary, -R writes its primary_conninfo and standby.signal.
    as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$ROOT/standby" -R -X stream
    ctl standby "$STANDBY_PORT" start
    "$BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres linkrete
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/linkrete" DEBUG=1 \
        SECRET_KEY=linkrete-benchmark-key-not-secret \
        FIELD_KEYS=YmVuY2htYXJrLWZpZWxkLWtleS1ub3Qtc2VjcmV0MDA=
    cd "$HERE"
    .venv/bin/python manage.py migrate --no-input -v 0
    .venv/bin/python manage.py seed_demo >/dev/null
    .venv/bin/python manage.py seed_cases >/dev/null
    sql "$PRIMARY_PORT" "ANALYZE"
    "$0" status
    ;;
status)
    echo "primary: $(sql "$PRIMARY_PORT" "SELECT application_name || ' ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication")"
    echo "standby: in recovery $(sql "$STANDBY_PORT" "SELECT pg_is_in_recovery()"), behind $(sql "$STANDBY_PORT" "SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())") bytes, last replayed commit $(sql "$STANDBY_PORT" "SELECT round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 1)") s ago"
    for port in "$PRIMARY_PORT" "$STANDBY_PORT"; do
        echo "$port linkrete: $(sql "$port" "SELECT 'transactions ' || xact_commit || ', rows read ' || (tup_returned + tup_fetched) FROM pg_stat_database WHERE datname = 'linkrete'")"
    done
    ;;
stop-standby) ctl standby "$STANDBY_PORT" stop ;;
start-standby) ctl standby "$STANDBY_PORT" start ;;
down)
    ctl standby "$STANDBY_PORT" stop || true
    ctl primary "$PRIMARY_PORT" stop || true
    rm -rf "$ROOT"
    ;;
*)
    sed -n '2,16p' "$0"
    exit 2
    ;;
esac
