#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: `scripts/pg_server.sh start DIR` creates a cluster in
# DIR (initdb), starts it listening on a Unix socket in DIR only (no TCP port, so it never clashes
# with another server on the machine) and prints its URL; `scripts/pg_server.sh stop DIR` stops it.
# Uses Debian's `postgresql` package (apt-get install postgresql). initdb refuses to run as root, so
# as root the cluster belongs to the `postgres` user. Durability is switched off: test data only.
set -euo pipefail
cmd=${1:?usage: pg_server.sh start|stop|url DIR}
dir=$(realpath -m "${2:?usage: pg_server.sh start|stop|url DIR}")
bindir=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bindir/pg_ctl" ] || { echo "error: PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
url="postgresql+psycopg://postgres@/postgres?host=$dir"
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
    fi
    opts="-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off"
    opts="$opts -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null
    echo "$url"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  url) echo "$url" ;;
  *) echo "usage: pg_server.sh start|stop|url DIR" >&2; exit 2 ;;
esac
