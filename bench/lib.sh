# Helpers sourced by run.sh and http_bench.sh.

# bench_build_dir ROOT → the build directory the bench uses: BUILD_DIR (relative to ROOT) or ROOT/build.
bench_build_dir() {
  local dir="${BUILD_DIR:-build}"
  [[ "$dir" = /* ]] || dir="$1/$dir"
  echo "$dir"
}

# free_port BASE → prints the first port from BASE up on which nothing listens on 127.0.0.1.
# Our servers bind with SO_REUSEPORT, so binding would "succeed" next to someone else's
# server and the kernel would split the connections between the two: look before binding.
free_port() {
  local p="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

# ensure_tools TOOL... → installs the bench's tools (scripts/setup.sh --bench: wrk, curl, GNU time,
# exceljs) when one of the tools is missing, then fails naming any tool still missing. A fresh
# machine has no wrk.
ensure_tools() {
  local tool missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  echo "bench: ${missing[*]} missing, running scripts/setup.sh --bench" >&2
  "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh" --bench >&2 || return 1
  for tool in "${missing[@]}"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool not found after setup" >&2; return 1; }
  done
}

# sample_process PID SECONDS FILE → until PID exits (or is killed), appends every SECONDS a line
# "unix_time rss_kb open_fds" of process PID to FILE. Run it in the background and kill it after.
sample_process() {
  local pid="$1" every="$2" file="$3" rss fds
  while [[ -d "/proc/$pid" ]]; do
    rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" || break
    fds="$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
    [[ -n "$rss" ]] && printf '%s %s %s\n' "$(date +%s)" "$rss" "$fds" >>"$file"
    sleep "$every"
  done
}
