// A thin stand-in for the CloudWatch Synthetics Node.js runtime's `Synthetics` module: getPage()
// opens a page in Debian's chromium through puppeteer-core, executeStep() runs and logs a step.
// Only what stacks/canaries/*.js use is provided. CHROMIUM_BIN overrides /usr/bin/chromium.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');
const log = require('SyntheticsLogger');

let browser;
let userDataDir;

async function getPage() {
  if (!browser) {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-chromium-'));
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--user-data-dir=${userDataDir}`,
      ],
    });
  }
  const pages = await browser.pages();
  return pages.length > 0 ? pages[0] : browser.newPage();
}

async function executeStep(name, fn) {
  log.info(`step ${name}: start`);
  try {
    const result = await fn();
    log.info(`step ${name}: passed`);
    return result;
  } catch (err) {
    log.error(`step ${name}: failed: ${err.message}`);
    throw err;
  }
}

// Not part of the real module: the runner closes the browser after the handler.
async function close() {
  if (browser) await browser.close();
  browser = undefined;
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
}

module.exports = { getPage, executeStep, close };
