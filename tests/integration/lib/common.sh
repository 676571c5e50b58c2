# shellcheck shell=bash
# Shared helpers for tests/integration/*.sh. Source it first:
#   source "$(dirname "$0")/lib/common.sh" "$@"
# It sets strict mode, finds the binary and the repo, clears context that could leak in from
# the caller's environment, and gives one EXIT trap that runs every registered clean-up.
set -euo pipefail

INT_NAME="$(basename "${0%.sh}")"
OPSYNTH_SOURCE_DIR="${OPSYNTH_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}"
OPSYNTH_BUILD_DIR="${OPSYNTH_BUILD_DIR:-${1:-$OPSYNTH_SOURCE_DIR/build}}"
OPSYNTH_BIN="${OPSYNTH_BIN:-$OPSYNTH_BUILD_DIR/opsynth}"
NODE_DIR="$OPSYNTH_SOURCE_DIR/tests/node"
export OPSYNTH_SOURCE_DIR OPSYNTH_BUILD_DIR OPSYNTH_BIN

# Context from the environment would change what is synthesized (README: env < --config < -c).
unset ENVIRONMENT_NAME DEPLOYMENT_NAME ALERT_EMAIL CDK_CONTEXT_JSON CDK_OUTDIR CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION

log() { printf '[%s] %s\n' "$INT_NAME" "$*" >&2; }
fail() {
  printf '\n[%s] FAIL: %s\n' "$INT_NAME" "$*" >&2
  exit 1
}

# Clean-ups run in reverse order of registration when the script exits, however it exits.
_cleanups=()
on_exit() { _cleanups+=("$1"); }
_run_cleanups() {
  local rc=$? i
  for ((i = ${#_cleanups[@]} - 1; i >= 0; i--)); do eval "${_cleanups[i]}" || true; done
  return "$rc"
}
trap _run_cleanups EXIT
trap 'exit 130' INT TERM

# A scratch directory removed on exit; its path is in $WORK.
# shellcheck disable=SC2034  # used by the sourcing script
WORK="$(mktemp -d "${TMPDIR:-/tmp}/opsynth-$INT_NAME.XXXXXX")"
# shellcheck disable=SC2016  # expanded at exit
on_exit 'rm -rf "$WORK"'

[[ -x "$OPSYNTH_BIN" ]] || fail "opsynth binary not found at $OPSYNTH_BIN (build target opsynth_bin, or set OPSYNTH_BIN)"

need_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null || fail "'$c' is not installed (scripts/install-deps.sh --test installs what the integration tests need)"
  done
}

need_node_modules() {
  need_cmd node
  [[ -f "$NODE_DIR/node_modules/aws-cdk-lib/package.json" ]] ||
    fail "tests/node/node_modules is missing: run scripts/install-deps.sh --test (npm ci in tests/node)"
}

# Seconds since the script started, for a closing timing line.
elapsed() { echo "$SECONDS s"; }
