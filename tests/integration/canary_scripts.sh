#!/usr/bin/env bash
# Runs the canary scripts (stacks/canaries/*.js) for real: Node + puppeteer-core driving
# Debian's chromium against a local site (tests/node/canary/site.js), through a stand-in for
# the Synthetics runtime (tests/node/canary/runtime). The health canary must pass on a healthy
# site and fail when a page answers 500; the API canary must fail when the API accepts an
# unauthenticated call. Needs: node, tests/node/node_modules (npm ci), /usr/bin/chromium
# (scripts/install-deps.sh --test, or apt-get install -y chromium).
set -euo pipefail
src="${OPSYNTH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
node_dir="$src/tests/node"
chromium="${CHROMIUM_BIN:-/usr/bin/chromium}"

if [ ! -x "$chromium" ]; then echo "canary_scripts: $chromium not found (apt-get install -y chromium)" >&2; exit 1; fi
if [ ! -d "$node_dir/node_modules/puppeteer-core" ]; then
  (cd "$node_dir" && npm ci --no-audit --no-fund >/dev/null)
fi

export NODE_PATH="$node_dir/canary/runtime:$node_dir/node_modules"
export CHROMIUM_BIN="$chromium"
run() { node "$node_dir/canary/run_scenario.js" "$@"; }

status=0
run health_check.js healthy pass || status=1
run health_check.js page500 fail || status=1
run api_check.js healthy pass || status=1
run api_check.js api-open fail || status=1
exit $status
