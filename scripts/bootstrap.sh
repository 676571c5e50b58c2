#!/usr/bin/env bash
# Set-up command 1: install what is missing, build, and synthesize the embedded default
# app into cdk.out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOPSYNTH_BUILD_TESTS=OFF -DOPSYNTH_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target opsynth_bin
./build/opsynth synth
