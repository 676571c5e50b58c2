#!/usr/bin/env node
// Runs one canary script from stacks/canaries against a local site and checks the outcome.
//   NODE_PATH=tests/node/canary/runtime:tests/node/node_modules \
//     node tests/node/canary/run_scenario.js <health_check.js|api_check.js> <site mode> <pass|fail>
// Site modes: healthy; page500 (terms.html answers 500); api-open (the protected API answers 200
// without credentials). The script's __BASE_URL__ is filled in as opsynth does at synth time.
// Exit 0 when the canary passed/failed as expected and every request the script made carried
// the canary's User-Agent; 1 otherwise.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { startSite } = require('./site');

const USER_AGENT = 'DIYAccounting-Synthetic-Monitor/1.0';

async function main() {
  const [scriptName, mode, expected] = process.argv.slice(2);
  if (!scriptName || !mode || !['pass', 'fail'].includes(expected)) {
    process.stderr.write('usage: run_scenario.js SCRIPT MODE pass|fail\n');
    process.exit(2);
  }
  const site = await startSite(mode);
  const source = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'stacks', 'canaries', scriptName), 'utf8');
  const parts = source.split('__BASE_URL__');
  if (parts.length !== 2) throw new Error(`${scriptName} must hold __BASE_URL__ exactly once`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-script-'));
  const file = path.join(dir, 'index.js');
  fs.writeFileSync(file, parts.join(site.baseUrl));

  const synthetics = require('Synthetics');
  let outcome = 'pass';
  let detail = '';
  try {
    detail = await require(file).handler();
  } catch (err) {
    outcome = 'fail';
    detail = err.message;
  } finally {
    await synthetics.close();
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // Chrome fetches /favicon.ico on its own after a page loads; that fetch is not the script's,
  // and Chromium 156 sometimes sends it without the page's user-agent override (seen in CI).
  const scripted = site.requests.filter((r) => r.path !== '/favicon.ico');
  const foreign = scripted.filter((r) => r.userAgent !== USER_AGENT);
  console.log(`${scriptName} against ${mode}: ${outcome} (${detail}); ${site.requests.length} requests`);
  if (outcome !== expected) {
    console.log(`FAIL: expected the canary to ${expected}`);
    process.exit(1);
  }
  if (scripted.length === 0 || foreign.length > 0) {
    console.log(`FAIL: requests without the canary User-Agent: ${JSON.stringify(foreign)}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
