#!/usr/bin/env bash
# Builds opsynth with AddressSanitizer and UndefinedBehaviorSanitizer (OPSYNTH_SANITIZE=ON)
# in its own build directory and runs the whole test suite there (unit and integration
# tests: every integration test then drives the instrumented `opsynth`); any leak, memory
# error or undefined behaviour fails the run. scripts/check.sh calls it; by hand:
#   scripts/sanitize.sh [BUILD_DIR] [CTEST_ARGS...]     (default: build-asan; e.g. -L unit)
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${1:-$source_dir/build-asan}"
shift || true
jobs="${OPSYNTH_JOBS:-2}"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$source_dir" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOPSYNTH_SANITIZE=ON -DOPSYNTH_BUILD_TESTS=ON
fi
cmake --build "$build_dir" -j "$jobs"

# halt_on_error: the first report fails the test (the build already makes UB fatal);
# detect_leaks: a leak is a failure too. Exported, so the integration scripts' opsynth runs get them.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
ctest --test-dir "$build_dir" -LE fuzz -j "$jobs" --output-on-failure "$@"
echo "sanitize: the tests pass under ASan and UBSan ($build_dir)" >&2
