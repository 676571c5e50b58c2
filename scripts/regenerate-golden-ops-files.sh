#!/usr/bin/env bash
# Regenerates tests/golden/workflows and tests/golden/runbooks: what `opsynth workflows` and
# `opsynth runbook` write for the default app (built-in context, no cdk.json), so a change to
# the stacks shows up as a reviewable diff of the operations files.
#   scripts/regenerate-golden-ops-files.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
bin="$(cd "$build" && pwd)/opsynth"
[[ -x "$bin" ]] || { echo "no opsynth binary at $bin: build the opsynth_bin target first" >&2; exit 1; }

unset ENVIRONMENT_NAME DEPLOYMENT_NAME ALERT_EMAIL CDK_CONTEXT_JSON CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION
clean_cwd="$(mktemp -d)"
trap 'rm -rf "$clean_cwd"' EXIT
rm -rf "$root/tests/golden/workflows" "$root/tests/golden/runbooks"
(cd "$clean_cwd" && "$bin" workflows -o "$root/tests/golden/workflows" && "$bin" runbook -o "$root/tests/golden/runbooks")
