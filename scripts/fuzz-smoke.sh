#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan, UBSan) and runs each for a short while
# (tests/integration/fuzz_smoke.sh); fuzz/README.md describes the longer run.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOPSYNTH_BUILD_TESTS=ON >/dev/null
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DOPSYNTH_FUZZ=ON -DOPSYNTH_BUILD_TESTS=OFF -DOPSYNTH_BUILD_BENCH=OFF >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target opsynth_fuzz
ctest --test-dir build --output-on-failure -L fuzz
