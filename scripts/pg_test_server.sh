#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests and benchmarks (never for real data:
# fsync is off).
#
#   scripts/pg_test_server.sh start DIR [PORT]   initdb in DIR (if new), start; prints the test URL
#   scripts/pg_test_server.sh stop DIR           stop it (DIR stays; remove it yourself)
#
# Uses Debian's server binaries (/usr/lib/postgresql/<version>/bin, apt-get install postgresql).
# Run as root, the cluster belongs to the `postgres` user; as anyone else, to that user.
# Then: export MSFOOD_TEST_PG_URL=<the printed URL>; the tests run against SQLite and PostgreSQL.
set -euo pipefail

action=${1:?start or stop}
dir=${2:?data directory}
port=${3:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    # runuser lives in /usr/sbin, which a minimal PATH (cron, env -i) leaves out
    "$(command -v runuser || echo /usr/sbin/runuser)" -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres: "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U msfood -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    mkdir -p "$dir/socket"
    if [ "$(id -u)" = "0" ]; then chown postgres: "$dir/socket"; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-p $port -c listen_addresses=127.0.0.1 -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U msfood -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'msfood_test'" | grep -q 1; then
      as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U msfood msfood_test
    fi
    echo "postgresql+psycopg://msfood@127.0.0.1:$port/msfood_test"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
