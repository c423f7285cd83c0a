#!/usr/bin/env bash
# HTTP load check on loopback with wrk: our server against its peer, a bare Beast server
# with the same threading model and a fixed body.
#
#   bench/http_bench.sh [URL [COOKIE]]
#
# URL     the endpoint to measure, e.g. http://127.0.0.1:8080/api/v1/funds/projects
#         (the server must already be running). Without it the script starts
#         http_core_server (our HttpServer + Router, same fixed body) if built, else it
#         measures the bare server against itself.
# COOKIE  sent as the Cookie header, e.g. "shanhai_session=..." for an authenticated list.
#
# Environment: BUILD_DIR (where bench/bare_beast_server is; default: newest build*/),
# DURATION (default 10s), CONNS (64), THREADS (2), HOLD_CONNS (2000; 0 skips that phase),
# HOLD_DURATION (10s), SERVER_THREADS (threads for the servers this script starts; default: all cores).
#
# Prints, for each target, requests/s, p50/p99 latency, the error count (socket errors
# + non-2xx responses) and its kinds (connect/read/write/timeout/non-2xx) at CONNS
# connections, then the same while holding HOLD_CONNS connections, and the ratio
# real/bare. Exit status 1 if wrk is missing or a server does not come up.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
duration="${DURATION:-10s}"
conns="${CONNS:-64}"
threads="${THREADS:-2}"
hold_conns="${HOLD_CONNS:-2000}"
hold_duration="${HOLD_DURATION:-10s}"
server_threads="${SERVER_THREADS:-$(nproc)}"
# shellcheck source=lib.sh
source "$here/lib.sh"
bare_port="$(free_port 18090)"
core_port="$(free_port $((bare_port + 1)))"
url="${1:-}"
cookie="${2:-}"

ensure_tools wrk || exit 1
if [[ -z "${BUILD_DIR:-}" ]]; then
  BUILD_DIR="$(ls -td "$root"/build*/ 2>/dev/null | while read -r d; do
    [[ -x "$d/bench/bare_beast_server" ]] && { echo "$d"; break; }; done)"
fi
bare_bin="${BUILD_DIR%/}/bench/bare_beast_server"
core_bin="${BUILD_DIR%/}/bench/http_core_server"
[[ -x "$bare_bin" ]] || { echo "bare_beast_server not built (ninja -C <build> bare_beast_server)" >&2; exit 1; }

# wrk and the servers each need a descriptor per connection.
ulimit -n "$(ulimit -Hn)"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for_port() {
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "server on port $1 did not come up" >&2
  exit 1
}

start_server() {  # binary port
  "$1" "$2" "$server_threads" >/dev/null 2>/dev/null &
  pids+=($!)
  wait_for_port "$2"
  # The port was free a moment ago; make sure the server answering is the one just started.
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "$1 exited (port $2 taken?)" >&2; exit 1; }
}

# run_wrk label url connections duration → one line: label rps p50 p99 errors
run_wrk() {
  local label="$1" target="$2" c="$3" d="$4" out
  local -a header=()
  [[ -n "$cookie" && "$label" != bare* ]] && header=(-H "Cookie: $cookie")
  out="$(wrk -t"$threads" -c"$c" -d"$d" --timeout 5s --latency "${header[@]}" "$target" 2>&1)" || true
  awk -v label="$label" -v conns="$c" '
    BEGIN { errors = 0; c = r = w = t = n = 0 }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Socket errors:/ { gsub(",", ""); c = $4; r = $6; w = $8; t = $10; errors += c + r + w + t }
    /Non-2xx or 3xx responses:/ { n = $5; errors += n }
    END {
      if (rps == "") { rps = 0; p50 = "-"; p99 = "-"; errors = "wrk-failed" }
      printf "%-14s %7s %12.0f %10s %10s %10s  %s\n", label, conns, rps, p50, p99, errors, c "/" r "/" w "/" t "/" n
    }' <<<"$out"
}

start_server "$bare_bin" "$bare_port"
bare_url="http://127.0.0.1:$bare_port/api/v1/bench/items"
real_label="real"
if [[ -z "$url" ]]; then
  if [[ -x "$core_bin" ]]; then
    start_server "$core_bin" "$core_port"
    url="http://127.0.0.1:$core_port/api/v1/bench/items"
    real_label="core"
  else
    url="$bare_url"
    real_label="bare-again"
  fi
fi

echo "wrk: $threads threads, $conns connections for $duration$( ((hold_conns > 0)) && echo ", then $hold_conns for $hold_duration")"
echo "bare: $bare_url"
echo "$real_label: $url${cookie:+ (with Cookie)}"
echo
printf "%-14s %7s %12s %10s %10s %10s  %s\n" target conns "requests/s" p50 p99 errors "c/r/w/timeout/non-2xx"
rows=()
rows+=("$(run_wrk bare "$bare_url" "$conns" "$duration")");               echo "${rows[-1]}"
rows+=("$(run_wrk "$real_label" "$url" "$conns" "$duration")");           echo "${rows[-1]}"
if ((hold_conns > 0)); then
  rows+=("$(run_wrk bare "$bare_url" "$hold_conns" "$hold_duration")");     echo "${rows[-1]}"
  rows+=("$(run_wrk "$real_label" "$url" "$hold_conns" "$hold_duration")"); echo "${rows[-1]}"
fi

ratio() { awk -v a="$(awk '{print $3}' <<<"$1")" -v b="$(awk '{print $3}' <<<"$2")" \
  'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo
echo "ratio $real_label/bare requests/s: $(ratio "${rows[1]}" "${rows[0]}") at $conns connections" \
     "$( ((hold_conns > 0)) && echo ", $(ratio "${rows[3]}" "${rows[2]}") at $hold_conns connections")"
