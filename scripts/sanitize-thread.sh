#!/usr/bin/env bash
# Builds the unit tests with ThreadSanitizer (OPSYNTH_SANITIZE_THREAD=ON) in their own build
# directory and runs them: synthesis renders stacks on a second thread (SynthThreads), and the
# SynthThreads tests run it on every kind of app they build. Any data race fails the run.
# scripts/check.sh calls it; by hand:
#   scripts/sanitize-thread.sh [BUILD_DIR]     (default: build-tsan)
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${1:-$source_dir/build-tsan}"
jobs="${OPSYNTH_JOBS:-2}"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$source_dir" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOPSYNTH_SANITIZE_THREAD=ON -DOPSYNTH_BUILD_TESTS=ON -DOPSYNTH_BUILD_BENCH=OFF
fi
cmake --build "$build_dir" -j "$jobs" --target opsynth_unit_tests

export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
"$build_dir/tests/opsynth_unit_tests" --gtest_brief=1
echo "sanitize-thread: the unit tests pass under ThreadSanitizer ($build_dir)" >&2
