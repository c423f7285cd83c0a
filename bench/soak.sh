#!/usr/bin/env bash
# Soak test: a mix of reads and writes (bench/soak.lua: 9 lists to 1 create) against a running
# `shanhai serve` for SOAK_SECONDS, sampling the server's resident memory and open file descriptors
# every SOAK_SAMPLE seconds, then comparing the first minute with the last.
#
#   bench/soak.sh BASE_URL COOKIE CSRF_TOKEN SERVER_PID PAIR
#
# Environment: SOAK_SECONDS (default 600), SOAK_SAMPLE (5), SOAK_CONNS (32), SOAK_WINDOW (seconds
# compared at each end, default 60, at most a third of the run), SOAK_DIR (where samples go,
# default a temp directory).
# Prints wrk's figures, then one line per figure and a last line
#   soak: <s> s, <req/s>, errors <n>; RSS first <MB> last <MB> (max <MB>); fds first <n> last <n>; flat: yes|no
# "flat": the last window's mean RSS is within 10 % (+ 8 MB) of the first's and the mean count of
# open descriptors within 5 % (+ 4). Exit status 1 if wrk fails or the server dies during the soak.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"
base="$1" cookie="$2" csrf="$3" pid="$4" pair="$5"
seconds="${SOAK_SECONDS:-600}"
every="${SOAK_SAMPLE:-5}"
# Comparing first and last needs a few samples: a short soak samples more often.
((seconds >= every * 4)) || every=$(( seconds / 4 > 0 ? seconds / 4 : 1 ))
conns="${SOAK_CONNS:-32}"
window="${SOAK_WINDOW:-60}"
((window * 3 <= seconds)) || window=$((seconds / 3))
dir="${SOAK_DIR:-$(mktemp -d)}"
samples="$dir/soak-samples.txt"
ensure_tools wrk || exit 1
: >"$samples"

# The first sample once wrk's connections are open (they are descriptors of the server too).
(sleep "$every" && sample_process "$pid" "$every" "$samples") &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT
out="$(SOAK_COOKIE="$cookie" SOAK_CSRF="$csrf" SOAK_PAIR="$pair" \
  wrk -t2 -c"$conns" -d"${seconds}s" --timeout 10s -s "$here/soak.lua" "$base/api/v1/exchange/visits" 2>&1)" ||
  { printf '%s\n' "$out" >&2; echo "soak: wrk failed" >&2; exit 1; }
kill "$sampler" 2>/dev/null || true
printf '%s\n' "$out"
[[ -d "/proc/$pid" ]] || { echo "soak: the server died during the soak" >&2; exit 1; }

awk -v window="$window" -v out="$out" '
  { t[NR] = $1; rss[NR] = $2; fds[NR] = $3 }
  END {
    if (NR < 2) { print "soak: too few samples (raise SOAK_SECONDS or lower SOAK_SAMPLE)"; exit 1 }
    first_end = t[1] + window; last_start = t[NR] - window
    for (i = 1; i <= NR; i++) {
      if (t[i] <= first_end) { fr += rss[i]; ff += fds[i]; fn++ }
      if (t[i] >= last_start) { lr += rss[i]; lf += fds[i]; ln++ }
      if (rss[i] > max) max = rss[i]
    }
    fr /= fn; ff /= fn; lr /= ln; lf /= ln
    n = split(out, lines, "\n"); rps = "?"; errors = 0
    for (i = 1; i <= n; i++) {
      if (lines[i] ~ /Requests\/sec:/) { split(lines[i], w, " "); rps = w[2] }
      if (lines[i] ~ /Socket errors:/) { gsub(",", "", lines[i]); split(lines[i], w, " "); errors += w[4] + w[6] + w[8] + w[10] }
      if (lines[i] ~ /Non-2xx or 3xx responses:/) { split(lines[i], w, " "); errors += w[5] }
    }
    flat = (lr <= fr * 1.10 + 8192 && lf <= ff * 1.05 + 4) ? "yes" : "no"
    printf "samples: %d every few seconds over %d s (%s)\n", NR, t[NR] - t[1], FILENAME
    printf "soak: %d s, %s req/s, errors %d; RSS first %.1f MB last %.1f MB (max %.1f MB); fds first %.0f last %.0f; flat: %s\n",
      t[NR] - t[1], rps, errors, fr / 1024, lr / 1024, max / 1024, ff, lf, flat
  }' "$samples"
