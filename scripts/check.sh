#!/usr/bin/env bash
# Set-up command 2: install what is missing (Debian packages, npm packages for the
# integration tests), build, and run every test: unit and integration tests (ctest), the
# libFuzzer smoke runs, and the unit tests again under ASan + UBSan. Non-zero exit when any
# test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOPSYNTH_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
# The fuzz targets need their own clang build; build it before ctest runs the fuzz smoke
# test, so that test only fuzzes (and stays well inside its time limit).
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DOPSYNTH_FUZZ=ON -DOPSYNTH_BUILD_TESTS=OFF -DOPSYNTH_BUILD_BENCH=OFF >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target opsynth_fuzz
ctest --test-dir build --output-on-failure -j"$(nproc)"
scripts/sanitize.sh build-asan
