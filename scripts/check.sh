#!/usr/bin/env bash
# Set-up command 2: install what is missing (Debian packages, npm packages for the
# integration tests), build, and run every test: unit and integration tests (ctest), then
# the unit tests again under ASan + UBSan. Non-zero exit when any test fails.
# The libFuzzer smoke run (label "fuzz", needs a clang build) is `scripts/fuzz-smoke.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOPSYNTH_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" -LE fuzz
scripts/sanitize.sh build-asan
