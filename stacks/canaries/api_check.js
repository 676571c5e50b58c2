// API check canary (CloudWatch Synthetics, Node.js puppeteer runtime).
// 1. The OpenAPI document loads (status below 400) and parses as an OpenAPI spec.
// 2. An unauthenticated call to an authenticated endpoint is rejected with 401 or 403;
//    any other status (a 2xx means auth is not enforced, a 5xx means the API is down) fails.
// The BASE_URL placeholder is replaced at synth time with the site's base URL (ends with '/').
const synthetics = require('Synthetics');
const log = require('SyntheticsLogger');

const BASE_URL = '__BASE_URL__';
// Marks canary traffic so dashboards and Logs Insights can tell it from humans.
const USER_AGENT = 'DIYAccounting-Synthetic-Monitor/1.0';
const DOCS_PATH = 'docs/api/openapi.json';
const PROTECTED_PATH = 'api/v1/bundle';

exports.handler = async () => {
  const page = await synthetics.getPage();
  await page.setUserAgent(USER_AGENT);

  await synthetics.executeStep('openApiDocs', async () => {
    const url = BASE_URL + DOCS_PATH;
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
    const status = response ? response.status() : 0;
    if (status === 0 || status >= 400) {
      throw new Error(`${url} returned status ${status}`);
    }
    const spec = JSON.parse(await response.text());
    if (!spec.openapi && !spec.swagger) {
      throw new Error(`${url} is not an OpenAPI document`);
    }
    log.info(`${url} loaded with status ${status}`);
  });

  await synthetics.executeStep('apiRejectsAnonymous', async () => {
    const url = BASE_URL + PROTECTED_PATH;
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
    const status = response ? response.status() : 0;
    if (status !== 401 && status !== 403) {
      throw new Error(`${url} without credentials returned ${status}, expected 401 or 403`);
    }
    log.info(`${url} rejected the anonymous call with ${status}`);
  });
  return 'api check passed';
};
