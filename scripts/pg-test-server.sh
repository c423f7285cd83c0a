#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (trust auth, 127.0.0.1 only, fsync off).
#   pg-test-server.sh start DIR PORT   creates DIR, starts the server, creates database shanhai_test
#                                      and prints its URL: postgresql://postgres@127.0.0.1:PORT/shanhai_test
#   pg-test-server.sh stop DIR         stops the server and removes DIR
# DIR must be new, empty, or left behind by an earlier run of this script (it carries a marker file);
# any other directory is refused so a typo cannot wipe real data. The postgres OS user must be able to
# reach DIR (e.g. somewhere under /tmp).
set -euo pipefail

readonly PGBIN=/usr/lib/postgresql/15/bin
readonly MARKER=.shanhai-pg-test

die() { echo "pg-test-server: $*" >&2; exit 1; }

usage() {
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
}

# initdb and postgres refuse to run as root.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_installed() {
  [ -x "$PGBIN/initdb" ] && return
  echo "pg-test-server: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y postgresql >&2; then
    apt-get update >&2
    apt-get install -y postgresql >&2
  fi
  [ -x "$PGBIN/initdb" ] || die "PostgreSQL 15 not found in $PGBIN after installing"
}

# Stops a server left running in DIR (if any) and removes DIR, but only if DIR is ours.
remove_dir() {
  local dir=$1
  [ -e "$dir" ] || return 0
  [ -d "$dir" ] || die "$dir exists and is not a directory"
  if [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/$MARKER" ]; then
    die "$dir is not empty and was not made by this script; refusing to remove it"
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir"
}

start() {
  local dir=$1 port=$2
  [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number: $port"
  ensure_installed
  remove_dir "$dir"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)  # absolute: it goes into postgresql.conf
  touch "$dir/$MARKER"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi

  as_postgres "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  cat >"$dir/data/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF

  if ! as_postgres "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    tail -n 20 "$dir/server.log" >&2 || true
    die "server did not start (is port $port in use?)"
  fi
  as_postgres "$PGBIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt \
    -c "CREATE DATABASE shanhai_test" >/dev/null
  echo "postgresql://postgres@127.0.0.1:$port/shanhai_test"
}

case "${1:-}" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop)  [ $# -eq 2 ] || usage; remove_dir "$2" ;;
  *) usage ;;
esac
