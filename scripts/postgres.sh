#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (make test, .ci/run) and the
# benchmarks: one cluster per directory, listening on 127.0.0.1 only.
#
#   scripts/postgres.sh start DIR   create (first time) and start a cluster in DIR;
#                                   prints its URL on stdout, e.g.
#                                   postgres://postgres@127.0.0.1:55432/ipgraph_test?sslmode=disable
#   scripts/postgres.sh stop DIR    stop it (DIR is kept; rm -rf it yourself)
#   scripts/postgres.sh url DIR     print the URL of the running cluster
#   scripts/postgres.sh status DIR  exit 0 when it runs
#
# `start` on a running cluster only prints its URL; on a stopped one it
# starts it again (same port when free). `stop` on a stopped or missing
# cluster is not an error.
#
# For tests only: trust authentication (any local user may connect as
# postgres, without a password, from 127.0.0.1 or the socket in DIR), and
# fsync, synchronous_commit and full_page_writes off, so a crash of the
# machine can lose or corrupt the cluster. Never point this at data you keep.
#
# Needs Debian's postgresql (initdb, pg_ctl under /usr/lib/postgresql/N/bin,
# or PG_BIN=DIR). As root, the server runs as the `postgres` OS user (initdb
# refuses root); as any other user, as that user.
#
# Environment: PG_TEST_PORT  first port to try (default 55432; the first
#                            free one up to PG_TEST_PORT+99 is taken, so
#                            clusters of other jobs on the machine do not clash)
#              PG_TEST_DB    database to create (default ipgraph_test)
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }
say() { echo "postgres.sh: $*" >&2; }

usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -eq 2 ] || usage
cmd=$1
[ -n "$2" ] || usage
dir=$(realpath -m -- "$2") # absolute: the server runs as another user, elsewhere

db=${PG_TEST_DB:-ipgraph_test}
first_port=${PG_TEST_PORT:-55432}
[[ $first_port =~ ^[0-9]+$ ]] || die "PG_TEST_PORT=$first_port is not a port number"
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || die "PG_TEST_DB=$db: use lower-case letters, digits and _"

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/pg_ctl" ] || die "PG_BIN=$PG_BIN has no pg_ctl"
    echo "$PG_BIN"
    return
  fi
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$b" ] && [ -x "$b/pg_ctl" ]; then
    echo "$b"
    return
  fi
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  die "PostgreSQL server binaries not found: apt-get install postgresql (or set PG_BIN)"
}

# as_pg runs a command as the user that owns the cluster.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no postgres user (apt-get install postgresql creates it)"
  as_pg() { runuser -u postgres -- "$@"; }
  pg_user=postgres
else
  as_pg() { "$@"; }
  pg_user=$(id -un)
fi

# port_busy reports whether something listens on 127.0.0.1:$1.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

data=$dir/data
sock=$dir/sock
log=$dir/server.log

url_of() {
  echo "postgres://postgres@127.0.0.1:$1/$db?sslmode=disable"
}

running() { [ -f "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

current_port() {
  [ -f "$data/ipgraph-port.conf" ] || return 0
  sed -n 's/^port = \([0-9]*\).*/\1/p' "$data/ipgraph-port.conf" | tail -n 1
}

# psql_pg runs psql as the cluster owner over the socket in DIR.
psql_pg() {
  as_pg "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$(current_port)" -U postgres "$@"
}

init_cluster() {
  # DIR is made the cluster owner's and private: only a new or empty one.
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir is not empty; give a new or empty directory (e.g. mktemp -d)"
  fi
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_pg test -w "$dir" || die "$pg_user cannot write $dir (is a parent directory private? use a directory under /tmp)"
  say "initdb $data (trust auth, 127.0.0.1 only, fsync off: for tests only)"
  as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed (log above)"; }
  as_pg mkdir -p "$sock"
  # Only the socket in DIR and 127.0.0.1; trust is fine there and nowhere else.
  as_pg tee "$data/pg_hba.conf" >/dev/null <<EOF
# written by scripts/postgres.sh: a throwaway test cluster
local all all                trust
host  all all 127.0.0.1/32   trust
EOF
  as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF

# scripts/postgres.sh: a throwaway test cluster. fsync, synchronous_commit and
# full_page_writes off trade crash safety for speed; never use it for data you keep.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
logging_collector = off
include_if_exists = 'ipgraph-port.conf'
EOF
}

start_cluster() {
  local port ok=
  port=$(current_port)
  [ -n "$port" ] || port=$first_port
  for ((try = 0; try < 100; try++)); do
    if port_busy "$port"; then
      port=$((port + 1))
      [ "$port" -le $((first_port + 99)) ] || port=$first_port
      continue
    fi
    echo "port = $port" | as_pg tee "$data/ipgraph-port.conf" >/dev/null
    if as_pg "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 2>&1; then
      ok=1
      break
    fi
    # Lost a race for the port with another job, or a real failure.
    if grep -q "could not bind\|Address already in use" "$log" 2>/dev/null; then
      port=$((port + 1))
      continue
    fi
    tail -n 20 "$log" >&2 || true
    die "pg_ctl start failed (log: $log)"
  done
  [ -n "$ok" ] || die "no free port in $first_port..$((first_port + 99)) on 127.0.0.1"
  say "started on 127.0.0.1:$port (data $data, log $log)"
}

ensure_db() {
  local have
  have=$(psql_pg -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
  if [ "$have" != 1 ]; then
    psql_pg -d postgres -c "CREATE DATABASE $db" || die "CREATE DATABASE $db failed"
  fi
}

bin=$(find_bin)

case $cmd in
start)
  if [ -e "$data" ] && [ ! -f "$data/PG_VERSION" ]; then
    die "$data exists but is not a PostgreSQL cluster; remove it or use another DIR"
  fi
  [ -f "$data/PG_VERSION" ] || init_cluster
  running || start_cluster
  ensure_db
  url_of "$(current_port)"
  ;;
stop)
  if ! [ -f "$data/PG_VERSION" ]; then
    say "no cluster in $dir; nothing to stop"
    exit 0
  fi
  if running; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null || die "pg_ctl stop failed (log: $log)"
    say "stopped $data"
  else
    say "$data is not running"
  fi
  ;;
url)
  running || die "no running cluster in $dir (scripts/postgres.sh start $dir)"
  url_of "$(current_port)"
  ;;
status)
  running
  ;;
*)
  usage
  ;;
esac
