#!/usr/bin/env bash
# The benchmarks of Shanhai against named peers, measured in the same run on this machine
# (loopback only). See bench/README.md for what each one measures and why that peer.
#
#   bench/run.sh            (or: make bench)
#   bench/run.sh matching   the matching engine part alone (bench/matching.sh; PEOPLE, JOBS, SAMPLE)
#
# Environment:
#   BUILD_DIR   build directory with (or for) shanhai, gen_people, read_table, bare_beast_server
#               (default: build, as the Makefile; the targets are built if missing)
#   BENCH_DIR   scratch directory for the generated files and databases (default: var/bench)
#   ROWS        people ledger rows (default 1000000)
#   REPORT_RUNS runs of each report measurement, the median is taken (default 7)
#   DURATION / HOLD_DURATION   wrk durations for http_bench.sh (default 10s each)
#   SOAK_SECONDS  length of the mixed read/write soak (bench/soak.sh; default 600)
#   PG_ROWS     rows of the PostgreSQL import comparison (default ROWS; the first PG_ROWS rows of the CSV)
#   STEP_TIMEOUT  seconds any one step may take (default 900)
#   KEEP=1      keep BENCH_DIR afterwards (default: the databases are deleted, the files kept)
#
# Prints every figure as it is measured, then the summary table, which also goes to
# bench/results.md. Exit status 0 whether or not the goals are met (the table says so);
# 1 if a step fails.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [[ "${1:-}" = matching ]]; then exec "$here/matching.sh"; fi
[[ $# -eq 0 ]] || { printf 'usage: bench/run.sh [matching]\n' >&2; exit 2; }
work="${BENCH_DIR:-$root/var/bench}"
rows="${ROWS:-1000000}"
report_runs="${REPORT_RUNS:-7}"
pair="440111-522727"
# shellcheck source=lib.sh
source "$here/lib.sh"
build="$(bench_build_dir "$root")"
port="$(free_port 18092)"
results="$here/results.md"
shanhai="$build/shanhai"
step_timeout="${STEP_TIMEOUT:-900}"  # no single step may hang the run (seconds)

log() { printf '%s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }                      # wall clock; differences of two reads are what we use
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
calc() { awk "BEGIN { $1 }"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---------------------------------------------------------------------------------------
# 0. Tools and inputs
ensure_tools sqlite3 psql node npm wrk curl awk /usr/bin/time || die "a tool is missing (scripts/setup.sh --bench installs wrk, curl and time)"
if [[ ! -x "$shanhai" || ! -x "$build/bench/gen_people" || ! -x "$build/bench/read_table" ||
      ! -x "$build/bench/bare_beast_server" || ! -x "$build/bench/http_core_server" ]]; then
  log "building shanhai and the bench tools in $build ..."
  [[ -f "$build/build.ninja" || -f "$build/Makefile" ]] ||
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target shanhai gen_people read_table bare_beast_server http_core_server >/dev/null
fi
if [[ ! -d "$here/node/node_modules/exceljs" ]]; then
  log "installing exceljs into bench/node (npm ci) ..."
  npm ci --prefix "$here/node" --no-audit --no-fund >/dev/null
fi
mkdir -p "$work"
server_pid=""
pg_dir=""
cleanup() {
  [[ -n "$server_pid" ]] && { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  [[ -n "$pg_dir" ]] && { "$root/scripts/pg-test-server.sh" stop "$pg_dir" >/dev/null 2>&1 || true; }
  [[ "${KEEP:-0}" = 1 ]] || rm -f "$work"/*.db "$work"/*.db-wal "$work"/*.db-shm "$work"/*.db.key
}
trap cleanup EXIT

started_all="$(now)"
load_start="$(loadavg)"
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)"
log "== Shanhai benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(uname -m)), load average $load_start"
log "   build: $build (${build_type:-?}); rows: $rows; scratch: $work"
log "   $(sqlite3 --version | cut -d' ' -f1) (sqlite3 shell), node $(node --version), exceljs $(node -p "require('$here/node/node_modules/exceljs/package.json').version")"

csv="$work/people-$rows.csv"
xlsx="$work/people-$rows.xlsx"
if [[ ! -s "$csv" || ! -s "$xlsx" ]]; then
  t="$(now)"
  "$shanhai" template people -o "$work/people-template.xlsx" >/dev/null
  timeout "$step_timeout" "$build/bench/gen_people" --template "$work/people-template.xlsx" --rows "$rows" \
    --csv "$csv" --xlsx "$xlsx" --pair "$pair" --county 522727
  log "generated $rows people in $(since "$t") s: $(du -h "$csv" | cut -f1) csv, $(du -h "$xlsx" | cut -f1) xlsx"
else
  log "reusing $csv and $xlsx (delete them to regenerate)"
fi

# A database ready for the people import: schema, the admin account, and the demo data
# (which holds the pair 440111-522727 and other ledgers, so the report and the HTTP list
# have real work to do). Prints the admin password.
fresh_db() {
  rm -f "$1" "$1-wal" "$1-shm" "$1.key"
  local out
  out="$("$shanhai" init --db "$1")"
  "$shanhai" demo --db "$1" >/dev/null
  sed -n 's/.*user: admin  password: \([^ ]*\).*/\1/p' <<<"$out"
}

# timed LABEL COMMAND... → runs it (output to $work/LABEL.log) under GNU time; the wall, user and
# system seconds and the peak resident memory (KB) go to $work/LABEL.time, read by wall/cpu/rss_mb.
timed() {
  local label="$1" status=0
  shift
  timeout "$step_timeout" /usr/bin/time -f '%e %U %S %M' -o "$work/$label.time" "$@" >"$work/$label.log" 2>&1 ||
    status=$?
  ((status == 0)) || { cat "$work/$label.log" >&2; die "$label failed (exit $status)"; }
}
wall() { awk '{ printf "%.3f", $1 }' "$work/$1.time"; }
cpu() { awk '{ printf "%.3f", $2 + $3 }' "$work/$1.time"; }
rss_mb() { awk '{ printf "%.0f", $4 / 1024 }' "$work/$1.time"; }

rate() { calc "printf \"%.0f\", $rows / $1"; }

# ---------------------------------------------------------------------------------------
# 1. Import: CSV against the sqlite3 shell's .import, XLSX against exceljs's streaming reader.
log ""
log "== (a) import of $rows people (load average $(loadavg))"
rm -f "$work/sqlite-peer.db"
timed sqlite-import sqlite3 "$work/sqlite-peer.db" ".import --csv '$csv' people"
sqlite_s="$(wall sqlite-import)"; sqlite_cpu="$(cpu sqlite-import)"
sqlite_rows="$(sqlite3 "$work/sqlite-peer.db" 'SELECT COUNT(*) FROM people')"
[[ "$sqlite_rows" = "$rows" ]] || die "sqlite3 .import stored $sqlite_rows rows, expected $rows"
log "sqlite3 .import csv (plain table, no validation): $sqlite_s s wall, $sqlite_cpu s CPU, $(rate "$sqlite_s") rows/s"

timed read-csv "$build/bench/read_table" "$csv"
timed read-xlsx "$build/bench/read_table" "$xlsx"
read_csv_s="$(wall read-csv)"; read_xlsx_s="$(wall read-xlsx)"; read_xlsx_cpu="$(cpu read-xlsx)"
log "our reader alone (read_table, no validation/storage): csv $read_csv_s s, xlsx $read_xlsx_s s wall ($read_xlsx_cpu s CPU)"

admin_password="$(fresh_db "$work/csv.db")"
[[ -n "$admin_password" ]] || die "shanhai init printed no admin password"
timed import-csv "$shanhai" import people "$csv" --db "$work/csv.db"
csv_s="$(wall import-csv)"; csv_cpu="$(cpu import-csv)"
grep -q "写入 stored $rows" "$work/import-csv.log" || { cat "$work/import-csv.log" >&2; die "csv import did not store $rows rows"; }
log "shanhai import people .csv (validation + encryption + SQLite): $csv_s s wall, $csv_cpu s CPU, $(rate "$csv_s") rows/s"

fresh_db "$work/xlsx.db" >/dev/null
timed import-xlsx "$shanhai" import people "$xlsx" --db "$work/xlsx.db"
xlsx_s="$(wall import-xlsx)"; xlsx_cpu="$(cpu import-xlsx)"
grep -q "写入 stored $rows" "$work/import-xlsx.log" || { cat "$work/import-xlsx.log" >&2; die "xlsx import did not store $rows rows"; }
log "shanhai import people .xlsx (validation + encryption + SQLite): $xlsx_s s wall, $xlsx_cpu s CPU, $(rate "$xlsx_s") rows/s"
rm -f "$work/xlsx.db" "$work/xlsx.db-wal" "$work/xlsx.db-shm" "$work/xlsx.db.key"

timed exceljs node "$here/node/read_xlsx.mjs" "$xlsx"
exceljs_s="$(wall exceljs)"; exceljs_cpu="$(cpu exceljs)"
exceljs_rows="$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' "$work/exceljs.log")"
[[ "$exceljs_rows" = "$rows" ]] || die "exceljs read $exceljs_rows rows, expected $rows"
log "exceljs WorkbookReader, iterating rows only: $exceljs_s s wall, $exceljs_cpu s CPU, $(rate "$exceljs_s") rows/s"

# ---------------------------------------------------------------------------------------
# 1b. The same CSV into PostgreSQL: our import (COPY) against psql's \copy into a plain table of
# text columns, both on one throwaway server (scripts/pg-test-server.sh, as the tests use).
log ""
pg_rows="${PG_ROWS:-$rows}"
pg_csv="$csv"
if ((pg_rows < rows)); then
  pg_csv="$work/people-$pg_rows-of-$rows.csv"
  head -n "$((pg_rows + 1))" "$csv" >"$pg_csv"
fi
log "== (a) import of $pg_rows people into PostgreSQL (load average $(loadavg))"
pg_dir="/tmp/shanhai-bench-pg-$$"
pg_url="$("$root/scripts/pg-test-server.sh" start "$pg_dir" "$(free_port 55400)")" || die "PostgreSQL did not start"
pg_key="$work/postgres.key"
rm -f "$pg_key"
timed pg-init "$shanhai" init --db "$pg_url" --key "$pg_key"
timed pg-demo "$shanhai" demo --db "$pg_url" --key "$pg_key"
timed pg-import "$shanhai" import people "$pg_csv" --db "$pg_url" --key "$pg_key"
pg_s="$(wall pg-import)"; pg_cpu="$(cpu pg-import)"
grep -q "写入 stored $pg_rows" "$work/pg-import.log" || { cat "$work/pg-import.log" >&2; die "PostgreSQL import did not store $pg_rows rows"; }
log "shanhai import people .csv into PostgreSQL: $pg_s s wall, $pg_cpu s CPU (client), $(calc "printf \"%.0f\", $pg_rows / $pg_s") rows/s"
columns="$(head -1 "$csv" | awk -F, '{ for (i = 1; i <= NF; ++i) printf "%sc%d text", (i > 1 ? ", " : ""), i }')"
psql -qX "$pg_url" -c "CREATE TABLE people_peer ($columns)" >/dev/null
timed psql-copy psql -qX "$pg_url" -c "\\copy people_peer FROM '$pg_csv' WITH (FORMAT csv, HEADER true)"
psql_s="$(wall psql-copy)"
psql_rows="$(psql -qXAt "$pg_url" -c 'SELECT COUNT(*) FROM people_peer')"
[[ "$psql_rows" = "$pg_rows" ]] || die "psql \\copy stored $psql_rows rows, expected $pg_rows"
log "psql \\copy of the same CSV into a plain table: $psql_s s wall, $(calc "printf \"%.0f\", $pg_rows / $psql_s") rows/s"
"$root/scripts/pg-test-server.sh" stop "$pg_dir" >/dev/null 2>&1 || true
pg_dir=""

# ---------------------------------------------------------------------------------------
# 2. The report over the imported data (demo ledgers + the million people).
log ""
log "== (b) report --pair $pair over demo data + $rows people (load average $(loadavg))"
report_times=()
for _ in $(seq "$report_runs"); do
  timed report "$shanhai" report --db "$work/csv.db" --pair "$pair" --format json -o "$work/report.json"
  report_times+=("$(wall report)")
done
report_ms="$(printf '%s\n' "${report_times[@]}" | median | awk '{ printf "%.0f", $1 * 1000 }')"
grep -q '"people.registered"' "$work/report.json" || die "the report has no people.registered indicator"
startup_times=()
for _ in $(seq "$report_runs"); do timed version "$shanhai" --version; startup_times+=("$(wall version)"); done
startup_ms="$(printf '%s\n' "${startup_times[@]}" | median | awk '{ printf "%.0f", $1 * 1000 }')"
log "shanhai report --format json (whole process: start, open db + key, compute, render, write): median ${report_ms} ms of $report_runs (runs: ${report_times[*]} s)"
log "shanhai --version (bare process start, for scale): median ${startup_ms} ms"

# ---------------------------------------------------------------------------------------
# 2b. Export of the people ledger (masked, as a reader without reveal sees it) against the sqlite3
# shell dumping the raw table as CSV, in the same minute on the same database.
log ""
log "== (e) export of the people ledger (load average $(loadavg))"
people_rows="$(sqlite3 "$work/csv.db" 'SELECT COUNT(*) FROM people')"
timed sqlite-csv sqlite3 -csv "$work/csv.db" ".once '$work/peer-export.csv'" "SELECT * FROM people"
sqlite_csv_s="$(wall sqlite-csv)"
log "sqlite3 -csv SELECT * FROM people ($people_rows rows, ciphertexts and hashes as stored): $sqlite_csv_s s, $(du -h "$work/peer-export.csv" | cut -f1)"
timed export-csv "$shanhai" export people -o "$work/export.csv" --db "$work/csv.db"
grep -q "exported $people_rows " "$work/export-csv.log" || { cat "$work/export-csv.log" >&2; die "the csv export did not write $people_rows records"; }
export_csv_s="$(wall export-csv)"; export_csv_mb="$(rss_mb export-csv)"
log "shanhai export people .csv (decrypted, masked, labelled): $export_csv_s s, peak RSS $export_csv_mb MB, $(du -h "$work/export.csv" | cut -f1)"
timed export-xlsx "$shanhai" export people -o "$work/export.xlsx" --db "$work/csv.db"
grep -q "exported $people_rows " "$work/export-xlsx.log" || { cat "$work/export-xlsx.log" >&2; die "the xlsx export did not write $people_rows records"; }
export_xlsx_s="$(wall export-xlsx)"; export_xlsx_mb="$(rss_mb export-xlsx)"
log "shanhai export people .xlsx: $export_xlsx_s s, peak RSS $export_xlsx_mb MB, $(du -h "$work/export.xlsx" | cut -f1)"
rm -f "$work/peer-export.csv" "$work/export.csv" "$work/export.xlsx"

# ---------------------------------------------------------------------------------------
# 3. HTTP: shanhai serve on the same database, a logged-in session.
log ""
log "== (c) HTTP on 127.0.0.1:$port (load average $(loadavg))"
ulimit -n "$(ulimit -Hn)"
"$shanhai" serve --db "$work/csv.db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.1
done
kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; die "shanhai serve did not start"; }
login_body="$(curl -s -D "$work/login-headers.txt" -H 'Content-Type: application/json' \
  --data "{\"name\":\"admin\",\"password\":\"$admin_password\"}" "http://127.0.0.1:$port/api/v1/auth/login")"
cookie="$(sed -n 's/^[Ss]et-[Cc]ookie: \(shanhai_session=[^;]*\).*/\1/p' "$work/login-headers.txt" | tr -d '\r')"
csrf="$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$login_body")"
[[ -n "$cookie" && -n "$csrf" ]] || die "login failed (see $work/serve.log)"
# init's password must be changed before the session may do anything else.
curl -sf -o /dev/null -H 'Content-Type: application/json' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
  --data "{\"old_password\":\"$admin_password\",\"new_password\":\"Bench-${admin_password}-Z9\"}" \
  "http://127.0.0.1:$port/api/v1/auth/password" || die "admin's first password change failed"

# http_ms PATH → median wall ms of REPORT_RUNS requests (after one warm-up), status checked.
http_ms() {
  local url="http://127.0.0.1:$port$1" times=() code
  code="$(curl -s -o "$work/http-body.json" -w '%{http_code}' -H "Cookie: $cookie" "$url")"
  [[ "$code" = 200 ]] || { cat "$work/http-body.json" >&2; die "GET $1 → HTTP $code"; }
  for _ in $(seq "$report_runs"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$url")"); done
  printf '%s\n' "${times[@]}" | median | awk '{ printf "%.1f", $1 * 1000 }'
}
report_http_ms="$(http_ms "/api/v1/report?pair=$pair&format=json")"
indicators_http_ms="$(http_ms "/api/v1/indicators?pair=$pair")"
log "GET /api/v1/report?format=json (in-process, same report): median $report_http_ms ms"
log "GET /api/v1/indicators (values only): median $indicators_http_ms ms"
people_http_ms="$(http_ms "/api/v1/people/people?page_size=20")"
visits_http_ms="$(http_ms "/api/v1/exchange/visits?page_size=20")"
log "GET /api/v1/people/people?page_size=20 (first page of $rows+ people, with the total): median $people_http_ms ms"
log "GET /api/v1/exchange/visits?page_size=20 (one request alone): median $visits_http_ms ms"

list_path="/api/v1/exchange/visits?page_size=20"
: >"$work/hold-samples.txt"
sample_process "$server_pid" 1 "$work/hold-samples.txt" &
sampler_pid=$!
http_out="$(BUILD_DIR="$build" DURATION="${DURATION:-10s}" HOLD_DURATION="${HOLD_DURATION:-10s}" \
  timeout "$step_timeout" "$here/http_bench.sh" "http://127.0.0.1:$port$list_path" "$cookie")" ||
  { printf '%s\n' "$http_out" >&2; die "http_bench.sh failed"; }
printf '%s\n' "$http_out"
# Rows of http_bench.sh: label conns requests/s p50 p99 errors kinds (bare, real, bare, real).
field() { awk -v n="$1" -v k="$2" '$1 ~ /^(bare|real)$/ { i++; if (i == n) print $k }' <<<"$http_out"; }
bare_rps="$(field 1 3)"; bare_p50="$(field 1 4)"; bare_p99="$(field 1 5)"
real_rps="$(field 2 3)"; real_p50="$(field 2 4)"; real_p99="$(field 2 5)"; real_err="$(field 2 6)"
hold_bare_rps="$(field 3 3)"; hold_bare_err="$(field 3 6)"
hold_rps="$(field 4 3)"; hold_p99="$(field 4 5)"; hold_err="$(field 4 6)"; hold_kinds="$(field 4 7)"
hold_conns="${HOLD_CONNS:-2000}"
kill "$sampler_pid" 2>/dev/null || true
# Server memory and descriptors over the whole wrk run (64, then 2,000 connections): start, peak, end.
read -r rss_start rss_max rss_end fds_max < <(awk 'NR == 1 { s = $2 } { if ($2 > m) m = $2; if ($3 > f) f = $3; e = $2 }
  END { printf "%.0f %.0f %.0f %d\n", s / 1024, m / 1024, e / 1024, f }' "$work/hold-samples.txt")
log "server RSS during the wrk runs: ${rss_start} MB at the start, ${rss_max} MB at most, ${rss_end} MB at the end; at most ${fds_max} open descriptors"

# ---------------------------------------------------------------------------------------
# 3b. Soak: mixed reads and writes for SOAK_SECONDS, memory and descriptors first vs last minute.
log ""
log "== (d) soak of ${SOAK_SECONDS:-600} s, 9 reads : 1 write (load average $(loadavg))"
soak_out="$(SOAK_DIR="$work" timeout $((${SOAK_SECONDS:-600} + step_timeout)) \
  "$here/soak.sh" "http://127.0.0.1:$port" "$cookie" "$csrf" "$server_pid" "$pair")" ||
  { printf '%s\n' "$soak_out" >&2; die "soak.sh failed"; }
printf '%s\n' "$soak_out"
soak_line="$(grep '^soak:' <<<"$soak_out")"
soak_flat="$(sed -n 's/.*flat: \(.*\)$/\1/p' <<<"$soak_line")"
soak_errors="$(sed -n 's/.*errors \([0-9]*\);.*/\1/p' <<<"$soak_line")"
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

# Our HTTP core alone (HttpServer + Router, the bare server's fixed body, no app): shows
# whether a gap above is the core or the application work behind the route.
log ""
log "-- our HTTP core with the fixed body (http_core_server) against the bare server"
core_out="$(BUILD_DIR="$build" DURATION="${DURATION:-10s}" HOLD_CONNS=0 timeout "$step_timeout" "$here/http_bench.sh")" ||
  { printf '%s\n' "$core_out" >&2; die "http_bench.sh (core) failed"; }
printf '%s\n' "$core_out"
core_rps="$(awk '$1 == "core" { print $3 }' <<<"$core_out")"
core_p99="$(awk '$1 == "core" { print $5 }' <<<"$core_out")"
core_bare_rps="$(awk '$1 == "bare" { print $3 }' <<<"$core_out")"

# ---------------------------------------------------------------------------------------
# 4. The table.
to_ms() {  # wrk latency ("812.00us", "3.41ms", "1.02s") → ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; else { print "nan"; exit } printf "%.2f", n }'
}
yes_no() { calc "print ($1) ? \"yes\" : \"**no**\""; }
real_p99_ms="$(to_ms "$real_p99")"
import_ratio="$(calc "printf \"%.2f\", $csv_s / $sqlite_s")"
exceljs_ratio="$(calc "printf \"%.2f\", $exceljs_s / $xlsx_s")"
import_cpu_ratio="$(calc "printf \"%.1f\", $csv_cpu / $sqlite_cpu")"
exceljs_cpu_ratio="$(calc "printf \"%.2f\", $exceljs_cpu / $xlsx_cpu")"
# Said the way round it is: "2.1× faster" when we are, "exceljs 2.2× faster" when we are not.
xlsx_vs_exceljs="$(calc "r = $exceljs_s / $xlsx_s; c = $exceljs_cpu / $xlsx_cpu; if (r >= 1) printf \"%.2f× faster (CPU %.2f×)\", r, c; else printf \"exceljs %.2f× faster (CPU %.2f×)\", 1 / r, 1 / c")"
http_ratio="$(calc "printf \"%.2f\", $real_rps / $bare_rps")"
core_ratio="$(calc "printf \"%.2f\", $core_rps / $core_bare_rps")"
pg_ratio="$(calc "printf \"%.2f\", $pg_s / $psql_s")"
export_ratio="$(calc "printf \"%.2f\", $export_csv_s / $sqlite_csv_s")"
load_end="$(loadavg)"
total_s="$(since "$started_all")"

table="$(cat <<EOF
# Benchmark results

$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM,
build \`${build_type:-?}\`, $rows people rows; load average at start $load_start, at end $load_end
(other work on the machine shares these cores); whole run $(printf '%.0f' "$total_s") s.
Times are wall seconds of whole processes (GNU \`time\`); CPU = user + system of all the process's threads,
which the other load on the machine disturbs less. See bench/README.md.

| benchmark | Shanhai | peer | ratio | goal | met? |
|---|---|---|---|---|---|
| (a) import $rows people, .csv, full validation + encryption | ${csv_s} s ($(rate "$csv_s") rows/s; CPU ${csv_cpu} s) | sqlite3 \`.import\` into a plain table: ${sqlite_s} s ($(rate "$sqlite_s") rows/s; CPU ${sqlite_cpu} s) | ${import_ratio}× the peer's time (CPU ${import_cpu_ratio}×) | ≤ 2× | $(yes_no "$import_ratio <= 2") |
| (a) import $rows people, .xlsx, full validation + encryption | ${xlsx_s} s ($(rate "$xlsx_s") rows/s; CPU ${xlsx_cpu} s) | exceljs streaming reader, rows only: ${exceljs_s} s ($(rate "$exceljs_s") rows/s; CPU ${exceljs_cpu} s) | ${xlsx_vs_exceljs} | ≥ 3× faster | $(yes_no "$exceljs_ratio >= 3") |
| (b) \`shanhai report --format json\`, whole process, median of $report_runs | ${report_ms} ms | — (process start alone: $( ((startup_ms > 0)) && echo "${startup_ms} ms" || echo "< 10 ms, below GNU time's resolution")) | — | < 200 ms | $(yes_no "$report_ms < 200") |
| (b) same report in-process, \`GET /api/v1/report\`, median of $report_runs | ${report_http_ms} ms | — (\`GET /api/v1/indicators\`: ${indicators_http_ms} ms) | — | < 200 ms | $(yes_no "$report_http_ms < 200") |
| (a) import $pg_rows people into PostgreSQL, .csv, full validation + encryption | ${pg_s} s ($(calc "printf \"%.0f\", $pg_rows / $pg_s") rows/s; client CPU ${pg_cpu} s) | psql \`\\copy\` into a plain table: ${psql_s} s ($(calc "printf \"%.0f\", $pg_rows / $psql_s") rows/s) | ${pg_ratio}× the peer's time | ≤ 2× | $(yes_no "$pg_ratio <= 2") |
| (e) export the people ledger ($people_rows records), .csv, masked | ${export_csv_s} s (peak RSS ${export_csv_mb} MB) | \`sqlite3 -csv\` of the raw table: ${sqlite_csv_s} s | ${export_ratio}× the peer's time | ≤ 3×, memory bounded | $(yes_no "$export_ratio <= 3") |
| (e) same, .xlsx | ${export_xlsx_s} s (peak RSS ${export_xlsx_mb} MB) | — | — | < 20 s | $(yes_no "$export_xlsx_s < 20") |
| (c) \`GET $list_path\`, 64 connections: req/s | $(printf '%.0f' "$real_rps") req/s | bare Beast server: $(printf '%.0f' "$bare_rps") req/s | ${http_ratio} | ≥ 0.25 | $(yes_no "$http_ratio >= 0.25") |
| (c) same, latency p50 / p99 (errors) | ${real_p50} / ${real_p99} (${real_err}) | ${bare_p50} / ${bare_p99} | — | p99 < 20 ms | $(yes_no "$real_p99_ms < 20") |
| (c) hold $hold_conns connections: errors | ${hold_err} errors (connect/read/write/timeout/non-2xx ${hold_kinds}; $(printf '%.0f' "$hold_rps") req/s, p99 ${hold_p99}) | bare: ${hold_bare_err} errors ($(printf '%.0f' "$hold_bare_rps") req/s) | — | 0 errors | $(yes_no "\"$hold_err\" == \"0\"") |
| (c) server memory over the wrk runs | RSS ${rss_start} MB → at most ${rss_max} MB → ${rss_end} MB; at most ${fds_max} descriptors | — | — | bounded | — |
| (d) soak ${SOAK_SECONDS:-600} s, 9 reads : 1 write, 32 connections | ${soak_line#soak: } | — | — | 0 errors, flat | $(yes_no "\"$soak_errors\" == \"0\" && \"$soak_flat\" == \"yes\"") |

Our HTTP core alone (\`http_core_server\`: HttpServer + Router answering the bare server's fixed 22-byte body,
64 connections): $(printf '%.0f' "$core_rps") req/s, p99 ${core_p99}, against the bare server's $(printf '%.0f' "$core_bare_rps") req/s
in the same minute (ratio ${core_ratio}). The list above answers ~7 KB of JSON built from the database per request.

Reading phase of the import (same run, \`bench/read_table\`, our reader with nothing validated or stored):
.csv ${read_csv_s} s, .xlsx ${read_xlsx_s} s (CPU ${read_xlsx_cpu} s).
Single requests, median of $report_runs: \`GET /api/v1/exchange/visits?page_size=20\` ${visits_http_ms} ms,
\`GET /api/v1/people/people?page_size=20\` (first page of the million, with the total) ${people_http_ms} ms.
EOF
)"
printf '%s\n' "$table" >"$results"

# The same figures for machines: build/bench/results.json, {"<name>": {value, unit, peer, ratio, goal, met}}.
json_entries=()
entry() {  # name value unit peer ratio goal met (peer/ratio may be null)
  json_entries+=("$(printf '  "%s": {"value": %s, "unit": "%s", "peer": %s, "ratio": %s, "goal": "%s", "met": %s}' \
    "$1" "$2" "$3" "$4" "$5" "$6" "$(calc "print ($7) ? \"true\" : \"false\"")")")
}
entry import_csv_sqlite "$csv_s" s "$sqlite_s" "$import_ratio" "<= 2x the time of sqlite3 .import" "$import_ratio <= 2"
entry import_xlsx_sqlite "$xlsx_s" s "$exceljs_s" "$exceljs_ratio" ">= 3x faster than exceljs' streaming reader" "$exceljs_ratio >= 3"
entry import_csv_postgres "$pg_s" s "$psql_s" "$pg_ratio" "<= 2x the time of psql \\\\copy" "$pg_ratio <= 2"
entry report_process "$report_ms" ms "$startup_ms" null "< 200 ms (peer: bare process start)" "$report_ms < 200"
entry report_http "$report_http_ms" ms null null "< 200 ms" "$report_http_ms < 200"
entry http_list_rps "$(printf '%.0f' "$real_rps")" "req/s" "$(printf '%.0f' "$bare_rps")" "$http_ratio" ">= 0.25 of the bare Beast server" "$http_ratio >= 0.25"
entry http_list_p99 "$real_p99_ms" ms "$(to_ms "$bare_p99")" null "< 20 ms" "$real_p99_ms < 20"
entry http_hold_errors "$hold_err" errors "$hold_bare_err" null "0 errors at $hold_conns connections" "\"$hold_err\" == \"0\""
entry export_csv "$export_csv_s" s "$sqlite_csv_s" "$export_ratio" "<= 3x the time of sqlite3 -csv" "$export_ratio <= 3"
entry export_csv_rss "$export_csv_mb" MB null null "bounded (86 MB before)" "$export_csv_mb <= 100"
entry export_xlsx "$export_xlsx_s" s null null "< 20 s" "$export_xlsx_s < 20"
mkdir -p "$build/bench"
{ echo "{"; (IFS=$'\n'; printf '%s\n' "${json_entries[@]}" | sed '$!s/$/,/'); echo "}"; } >"$build/bench/results.json"
log ""
printf '%s\n' "$table"
log ""
log "written to $results and $build/bench/results.json"

# The matching engine and its SQL peer: adds its section to both (bench/matching.sh).
log ""
BUILD_DIR="$build" BENCH_DIR="$work" timeout "$step_timeout" "$here/matching.sh" || die "the matching benchmark failed"
