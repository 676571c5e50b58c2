// Health check canary (CloudWatch Synthetics, Node.js puppeteer runtime).
// The home, privacy and terms pages must load with an HTTP status below 400.
// The BASE_URL placeholder is replaced at synth time with the site's base URL (ends with '/').
const synthetics = require('Synthetics');
const log = require('SyntheticsLogger');

const BASE_URL = '__BASE_URL__';
// Marks canary traffic so dashboards and Logs Insights can tell it from humans.
const USER_AGENT = 'DIYAccounting-Synthetic-Monitor/1.0';
const PAGES = [
  ['homePage', ''],
  ['privacyPage', 'privacy.html'],
  ['termsPage', 'terms.html'],
];

exports.handler = async () => {
  const page = await synthetics.getPage();
  await page.setUserAgent(USER_AGENT);
  for (const [step, path] of PAGES) {
    await synthetics.executeStep(step, async () => {
      const url = BASE_URL + path;
      const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
      const status = response ? response.status() : 0;
      if (status === 0 || status >= 400) {
        throw new Error(`${url} returned status ${status}`);
      }
      log.info(`${url} loaded with status ${status}`);
    });
  }
  return 'health check passed';
};
