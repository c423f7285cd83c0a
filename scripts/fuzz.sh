#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of fuzz/ with clang, ASan and UBSan in their own build
# directory, then runs each for FUZZ_SECONDS on its corpus and prints the executions per target.
#
#   scripts/fuzz.sh [TARGET...]      (default: every target in fuzz/corpus/)
#
# Environment: FUZZ_SECONDS (default 60) per target; FUZZ_BUILD_DIR (default build-fuzz);
# FUZZ_JOBS (default 2) compile jobs.
# Inputs the fuzzer finds that add coverage go to $FUZZ_BUILD_DIR/corpus/TARGET (not the
# repository: minimise and copy the interesting ones to fuzz/corpus/TARGET by hand, see
# fuzz/README.md); a crashing input is written to $FUZZ_BUILD_DIR/artifacts/TARGET/.
# Exit status 1 if any target crashed (the table says which), 0 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${FUZZ_JOBS:-2}"

command -v clang++ >/dev/null || { echo "fuzz: clang++ not found (scripts/setup.sh --fuzz installs it)" >&2; exit 1; }
if [[ ! -f "$build/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHANHAI_FUZZ=ON >/dev/null
fi
cmake --build "$build" --target fuzz_all -j "$jobs"

targets=("$@")
if ((${#targets[@]} == 0)); then
  for dir in fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

# The leak checker's report at exit would count as a crash; leaks inside one input are still found.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
rows=()
failed=0
for t in "${targets[@]}"; do
  exe="$build/fuzz/fuzz_$t"
  [[ -x "$exe" ]] || { echo "fuzz: no target $t ($exe)" >&2; exit 1; }
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  log="$build/fuzz-$t.log"
  echo "== fuzz_$t for ${seconds} s (log: $log)"
  dict=()
  [[ -f "fuzz/$t.dict" ]] && dict=(-dict="fuzz/$t.dict")
  status=0
  "$exe" "${dict[@]}" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/$t/" "$build/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
  result="ok"
  if ((status != 0)); then
    result="CRASH: $(ls -t "$build/artifacts/$t/" | head -1)"
    failed=1
    grep -m3 -E 'ERROR: |runtime error|property violated' "$log" || true
  fi
  rows+=("$(printf '%-14s %12s %10s %8s  %s' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$result")")
done

echo
printf '%-14s %12s %10s %8s  %s\n' target executions "execs/s" coverage result
printf '%s\n' "${rows[@]}"
exit "$failed"
