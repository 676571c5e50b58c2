#!/usr/bin/env bash
# Set-up command 2: install what is missing (Debian packages, npm packages for the
# integration tests), build, and run every test. Non-zero exit when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOPSYNTH_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
