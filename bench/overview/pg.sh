#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for bench/overview/run.ts, the way .ci/run starts one: initdb + pg_ctl as the
# postgres user (root may not run the server), trust auth on 127.0.0.1 only, data in a temp folder.
#
#   bench/overview/pg.sh start [port]   → prints the DATABASE_URL (database "confer", owner "confer")
#   bench/overview/pg.sh restart        → stop + start (empties shared buffers: the next query runs cold)
#   bench/overview/pg.sh stop           → stops the server and deletes the folder
#
# Default postgresql.conf apart from max_wal_size (the 10M-row bulk load would otherwise checkpoint every few
# seconds); nothing that changes how the timed queries are planned or cached.
set -euo pipefail
dir=/tmp/confer-bench-overview-pg
port_file=$dir/port
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_server() {
  as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -o "-p $(cat "$port_file") -c listen_addresses=127.0.0.1 -k $dir -c max_wal_size=8GB" \
    -l "$dir/log" -w start >/dev/null
}
case "${1:-}" in
  start)
    port=${2:-54359}
    if [ -d "$dir/data" ]; then echo "already there: $dir (run stop first)" >&2; exit 1; fi
    mkdir -p "$dir" && chown postgres "$dir"
    echo "$port" >"$port_file"
    as_postgres "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
    start_server
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE confer LOGIN CREATEDB PASSWORD 'confer'" -c "CREATE DATABASE confer OWNER confer"
    echo "postgresql://confer:confer@127.0.0.1:$port/confer"
    ;;
  restart)
    as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    start_server
    ;;
  stop)
    [ -d "$dir/data" ] && as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start [port] | restart | stop" >&2; exit 2 ;;
esac
