#!/usr/bin/env bash
# The libFuzzer targets (fuzz/, one per parser of outside input) each run for a short while
# from their seed corpora: any crash, hang, leak or sanitizer report fails the test, and the
# input that caused it is kept under <fuzz build dir>/crashes/. Configures and builds the
# clang fuzz build dir first when needed (fuzz/README.md describes it and the longer run).
#   OPSYNTH_FUZZ_BUILD_DIR (default <source>/build-fuzz), OPSYNTH_FUZZ_SECONDS (default 20).
source "$(dirname "$0")/lib/common.sh" "$@"
need_cmd clang++ cmake

fuzz_build="${OPSYNTH_FUZZ_BUILD_DIR:-$OPSYNTH_SOURCE_DIR/build-fuzz}"
seconds="${OPSYNTH_FUZZ_SECONDS:-20}"
if [[ ! -f "$fuzz_build/CMakeCache.txt" ]]; then
  log "configuring $fuzz_build (clang, libFuzzer, ASan, UBSan)"
  cmake -S "$OPSYNTH_SOURCE_DIR" -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DOPSYNTH_FUZZ=ON -DOPSYNTH_BUILD_TESTS=OFF -DOPSYNTH_BUILD_BENCH=OFF >&2
fi
cmake --build "$fuzz_build" -j2 --target opsynth_fuzz >&2 || fail "building the fuzz targets in $fuzz_build failed"

export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=1"
targets=0
for seeds in "$OPSYNTH_SOURCE_DIR"/fuzz/corpus/*/; do
  name="$(basename "$seeds")"
  bin="$fuzz_build/fuzz/opsynth_fuzz_$name"
  [[ -x "$bin" ]] || fail "no fuzz target for corpus $name (expected $bin)"
  corpus="$WORK/corpus-$name"  # new inputs go here; the seeds in the repo stay as they are
  mkdir -p "$corpus" "$fuzz_build/crashes"
  set +e
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$fuzz_build/crashes/$name-" "$corpus" "$seeds" >"$WORK/$name.log" 2>&1
  status=$?
  set -e
  if [[ $status -ne 0 ]] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$WORK/$name.log"; then
    tail -n 60 "$WORK/$name.log" >&2
    fail "$name: the fuzzer found a problem (exit $status); the input is in $fuzz_build/crashes/"
  fi
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/$name.log" | grep -o '[0-9]*$')"
  log "$name: ${runs:-?} inputs in ${seconds} s, no crash, leak or sanitizer report"
  targets=$((targets + 1))
done
[[ $targets -ge 5 ]] || fail "expected at least 5 fuzz targets, ran $targets"
log "ok ($(elapsed))"
