#!/usr/bin/env bash
# The matching benchmark (bench/README.md, "Matching"): the engine over a synthetic labour market of
# PEOPLE seekers and JOBS open jobs (build, memory, online top-10 both ways, batch top-10 for every
# seeker), and its SQL peer in the same run: the same filter-and-score as one SQL query per seeker on
# SQLite and on PostgreSQL over the same generated data, for SAMPLE seekers, whose answers must equal
# the engine's. Run alone as `bench/run.sh matching`; `bench/run.sh` runs it after the other parts.
#
# Environment: BUILD_DIR (default build), BENCH_DIR (default var/bench), PEOPLE (1000000),
# JOBS (100000), SAMPLE (30), THREADS (batch threads, default 2).
# Merges its figures into BUILD_DIR/bench/results.json (matching.*) and its section of bench/results.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${BENCH_DIR:-$root/var/bench}/matching"
people="${PEOPLE:-1000000}"
jobs="${JOBS:-100000}"
sample="${SAMPLE:-30}"
threads="${THREADS:-2}"
# shellcheck source=lib.sh
source "$here/lib.sh"
build="$(bench_build_dir "$root")"
log() { printf '%s\n' "$*"; }
die() { printf 'bench matching: %s\n' "$*" >&2; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
calc() { awk "BEGIN { $1 }"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
yes_no() { calc "print ($1) ? \"yes\" : \"**no**\""; }
field() { sed -n "s/.*\"$1\": \([-0-9.]*\).*/\1/p" <<<"$2"; }

ensure_tools sqlite3 psql node awk || die "a tool is missing"
bench_bin="$build/bench/matching_bench"
if [[ ! -x "$bench_bin" ]]; then
  [[ -f "$build/build.ninja" || -f "$build/Makefile" ]] ||
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target matching_bench >/dev/null
fi
rm -rf "$work"
mkdir -p "$work"
pg_dir=""
trap '[[ -n "$pg_dir" ]] && "$root/scripts/pg-test-server.sh" stop "$pg_dir" >/dev/null 2>&1; rm -rf "$work"' EXIT

load_start="$(loadavg)"
log "== matching: $people people × $jobs jobs, $threads batch threads, load average $load_start"
engine="$("$bench_bin" --people "$people" --jobs "$jobs" --threads "$threads" --dump "$work" --sample "$sample")"
log "engine: $engine"

# The engine's answers for the sample, as the peer's rows read: seeker,job,points,margin in rank order.
expected="$work/expected.csv"
tail -n +2 "$work/sample.csv" | awk -F, '{ print $1 "," $3 "," $4 "," $5 }' >"$expected"
queries="$work/queries.sql"
for seeker in $(tail -n +2 "$work/sample.csv" | cut -d, -f1 | uniq); do
  sed "s/:seeker/$seeker/g" "$here/matching_peer_query.sql"
done >"$queries"
tables=(seekers seeker_occupations seeker_certificates seeker_cities seeker_provinces jobs job_certificates fellows)

# Per-query times (ms) on stdin of one database's timing lines → median; answers compared exactly.
check_answers() {  # NAME ANSWERS_FILE
  cmp -s "$expected" "$2" || die "$1's answers differ from the engine's (diff $expected $2)"
}

db="$work/peer.db"
sqlite3 "$db" <"$here/matching_peer_schema.sql"
for t in "${tables[@]}"; do sqlite3 "$db" ".import --csv --skip 1 $work/$t.csv $t"; done
sqlite3 "$db" <"$here/matching_peer_index.sql"
sqlite3 -csv -cmd ".timer on" "$db" <"$queries" >"$work/sqlite.out"
grep -v '^Run Time' "$work/sqlite.out" >"$work/sqlite.csv" || true
check_answers SQLite "$work/sqlite.csv"
sqlite_ms="$(awk '/^Run Time/ { print $4 * 1000 }' "$work/sqlite.out" | median)"
log "SQLite $(sqlite3 --version | cut -d' ' -f1): median $sqlite_ms ms per query over $sample seekers, answers equal the engine's"

pg_dir="/tmp/shanhai-bench-matching-pg-$$"
pg_url="$("$root/scripts/pg-test-server.sh" start "$pg_dir" "$(free_port 55450)")" || die "PostgreSQL did not start"
psql -qX "$pg_url" -v ON_ERROR_STOP=1 -f "$here/matching_peer_schema.sql" >/dev/null
for t in "${tables[@]}"; do
  psql -qX "$pg_url" -v ON_ERROR_STOP=1 -c "\\copy $t FROM '$work/$t.csv' WITH (FORMAT csv, HEADER true)" >/dev/null
done
psql -qX "$pg_url" -v ON_ERROR_STOP=1 -f "$here/matching_peer_index.sql" >/dev/null
{ echo '\timing on'; cat "$queries"; } | psql -qXAt -F, "$pg_url" -v ON_ERROR_STOP=1 >"$work/pg.out"
grep -v '^Time: ' "$work/pg.out" | grep -v '^Timing is on' >"$work/pg.csv" || true
check_answers PostgreSQL "$work/pg.csv"
pg_ms="$(awk '/^Time: / { print $2 }' "$work/pg.out" | median)"
log "PostgreSQL $(psql -qXAt "$pg_url" -c 'SHOW server_version' | cut -d' ' -f1): median $pg_ms ms per query, answers equal the engine's"
"$root/scripts/pg-test-server.sh" stop "$pg_dir" >/dev/null 2>&1 || true
pg_dir=""

build_s="$(field build_s "$engine")"
index_mb="$(field index_mb "$engine")"
p50="$(field online_p50_ms "$engine")"
p99="$(field online_p99_ms "$engine")"
job_p99="$(field online_job_p99_ms "$engine")"
cpu_p99="$(field online_cpu_p99_ms "$engine")"
job_cpu_p99="$(field online_job_cpu_p99_ms "$engine")"
batch_s="$(field batch_s "$engine")"
batch_cpu_s="$(field batch_cpu_s "$engine")"
build_cpu_s="$(field build_cpu_s "$engine")"
sql_ms="$(calc "print ($sqlite_ms < $pg_ms) ? $sqlite_ms : $pg_ms")"
sql_name="$(calc "print ($sqlite_ms < $pg_ms) ? \"SQLite\" : \"PostgreSQL\"")"
# The ratio is taken against the engine's p99 (its slow end), not its median: the stricter of the two.
ratio="$(calc "printf \"%.0f\", $sql_ms / $p99")"
ratio_p50="$(calc "printf \"%.0f\", $sql_ms / $p50")"
load_end="$(loadavg)"
log "peer ratio: faster SQL ($sql_name, median $sql_ms ms) / engine online p99 $p99 ms = ${ratio}× (against the engine's p50 $p50 ms: ${ratio_p50}×)"

section="$(cat <<EOF
<!-- matching -->
## Matching engine, $people people × $jobs open jobs

$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run.sh matching\`; load average at start $load_start, at end $load_end.
SQL peer: one query per seeker (bench/matching_peer_query.sql) for $sample sampled seekers, answers checked equal
to the engine's top 10 (ids, order and scores); SQLite median $sqlite_ms ms, PostgreSQL median $pg_ms ms.

| figure | Shanhai | peer | ratio | goal | met? |
|---|---|---|---|---|---|
| online top-10 jobs for a person, p99 (p50; p99 of the query's CPU time) | $p99 ms ($p50 ms; CPU $cpu_p99 ms) | $sql_name, same query: $sql_ms ms median | ${ratio}× faster than the peer (vs p50: ${ratio_p50}×) | < 2 ms; ≥ 50× | $(yes_no "$p99 < 2 && $ratio >= 50") |
| online top-10 people for a job, p99 (p99 of its CPU time) | $job_p99 ms (CPU $job_cpu_p99 ms) | — | — | < 2 ms | $(yes_no "$job_p99 < 2") |
| batch top-10 for all $people people ($threads threads) | $batch_s s (CPU $batch_cpu_s s) | — | — | < 60 s | $(yes_no "$batch_s < 60") |
| index memory (resident growth while loading) | $index_mb MB | — | — | < 1 GB | $(yes_no "$index_mb < 1024") |
| start-up index build | $build_s s (CPU $build_cpu_s s) | — | — | < 20 s | $(yes_no "$build_s < 20") |
<!-- /matching -->
EOF
)"
results="$here/results.md"
touch "$results"
awk -v section="$section" '
  /^<!-- matching -->$/ { skip = 1; print section; done = 1; next }
  /^<!-- \/matching -->$/ { skip = 0; next }
  !skip { print }
  END { if (!done) { print ""; print section } }' "$results" >"$results.new"
mv "$results.new" "$results"

met() { calc "print ($1) ? \"true\" : \"false\""; }
json="$build/bench/results.json"
mkdir -p "$build/bench"
SECTION_JSON="$(cat <<EOF
{
  "matching.online_p99_ms": {"value": $p99, "unit": "ms", "peer": $sql_ms, "ratio": $ratio, "goal": "< 2 ms, >= 50x faster than the faster SQL peer", "met": $(met "$p99 < 2 && $ratio >= 50")},
  "matching.online_job_p99_ms": {"value": $job_p99, "unit": "ms", "peer": null, "ratio": null, "goal": "< 2 ms", "met": $(met "$job_p99 < 2")},
  "matching.batch_s": {"value": $batch_s, "unit": "s", "peer": null, "ratio": null, "goal": "< 60 s", "met": $(met "$batch_s < 60")},
  "matching.index_mb": {"value": $index_mb, "unit": "MB", "peer": null, "ratio": null, "goal": "< 1024 MB", "met": $(met "$index_mb < 1024")},
  "matching.build_s": {"value": $build_s, "unit": "s", "peer": null, "ratio": null, "goal": "< 20 s", "met": $(met "$build_s < 20")},
  "matching.sql_ratio": {"value": $ratio, "unit": "x", "peer": $sql_ms, "ratio": $ratio, "goal": ">= 50x (faster SQL median / engine p99)", "met": $(met "$ratio >= 50")}
}
EOF
)" JSON_FILE="$json" node -e '
  const fs = require("fs");
  const file = process.env.JSON_FILE;
  const old = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...old, ...JSON.parse(process.env.SECTION_JSON) }, null, 2) + "\n");'
log ""
printf '%s\n' "$section"
log "written to $results and $json"
