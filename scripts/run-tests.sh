#!/usr/bin/env bash
# Runs every test with CTest against SQLite and a throwaway PostgreSQL server started
# here (and always stopped), so storage and API tests cover both databases.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
pg_dir=/tmp/shanhai-test-pg-$$
pg_port=${SHANHAI_TEST_PG_PORT:-$((54000 + $$ % 1000))}

cleanup() { scripts/pg-test-server.sh stop "$pg_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT

url=$(scripts/pg-test-server.sh start "$pg_dir" "$pg_port")
echo "test PostgreSQL: $url"
export SHANHAI_TEST_PG_URL="$url"
export SHANHAI_BINARY="$PWD/$build_dir/shanhai"
# GoogleTest cases are listed when CTest starts, and the PostgreSQL ones exist only when the URL is
# set: drop lists cached by an earlier run without it, so every run has both backends.
find "$build_dir" -name '*\[1\]_tests.cmake' -delete
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
