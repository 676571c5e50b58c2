#!/usr/bin/env bash
# Set-up command 2: install what is missing (Debian packages, npm packages for the
# integration tests), build, and run every test: unit and integration tests (ctest), the
# whole suite again under ASan + UBSan, the unit tests under ThreadSanitizer, then a short
# libFuzzer run of every fuzz target.
# Non-zero exit when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOPSYNTH_BUILD_TESTS=ON -DOPSYNTH_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" -LE fuzz
scripts/sanitize.sh build-asan
scripts/sanitize-thread.sh build-tsan
scripts/fuzz-smoke.sh
