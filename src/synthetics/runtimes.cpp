// The Synthetics runtime catalogue: the runtimes aws-cdk-lib 2.276 lists, with the deprecation
// dates AWS has announced. AWS deprecated syn-nodejs-puppeteer-5.2, 6.2 and 7.0 on 2026-01-22;
// the earlier minor versions of those lines were deprecated no later than that, so they carry
// the same date. Update this table when AWS announces a date (a future date makes synth warn).
#include "opsynth/synthetics/runtime.hpp"

namespace opsynth::synthetics {
namespace {

constexpr const char* kPuppeteerLegacyEnd = "2026-01-22";

}  // namespace

const std::vector<RuntimeInfo>& runtime_catalogue() {
  using F = RuntimeFamily;
  static const std::vector<RuntimeInfo> catalogue{
      {"syn-nodejs-puppeteer-3.5", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-3.6", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-3.7", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-3.8", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-3.9", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-4.0", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-5.0", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-5.1", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-5.2", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-6.0", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-6.1", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-6.2", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-7.0", F::NodeJs, kPuppeteerLegacyEnd},
      {"syn-nodejs-puppeteer-8.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-puppeteer-9.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-puppeteer-9.1", F::NodeJs, std::nullopt},
      {"syn-nodejs-puppeteer-10.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-puppeteer-11.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-puppeteer-12.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-puppeteer-13.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-1.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-2.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-3.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-4.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-5.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-5.1", F::NodeJs, std::nullopt},
      {"syn-nodejs-playwright-6.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-3.0", F::NodeJs, std::nullopt},
      {"syn-nodejs-3.1", F::NodeJs, std::nullopt},
      {"syn-python-selenium-1.0", F::Python, std::nullopt},
      {"syn-python-selenium-1.1", F::Python, std::nullopt},
      {"syn-python-selenium-1.2", F::Python, std::nullopt},
      {"syn-python-selenium-1.3", F::Python, std::nullopt},
      {"syn-python-selenium-2.0", F::Python, std::nullopt},
      {"syn-python-selenium-2.1", F::Python, std::nullopt},
      {"syn-python-selenium-3.0", F::Python, std::nullopt},
      {"syn-python-selenium-4.0", F::Python, std::nullopt},
      {"syn-python-selenium-4.1", F::Python, std::nullopt},
      {"syn-python-selenium-5.0", F::Python, std::nullopt},
      {"syn-python-selenium-5.1", F::Python, std::nullopt},
      {"syn-python-selenium-6.0", F::Python, std::nullopt},
      {"syn-python-selenium-7.0", F::Python, std::nullopt},
  };
  return catalogue;
}

const RuntimeInfo* find_runtime(const std::string& name) {
  for (const auto& r : runtime_catalogue())
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace opsynth::synthetics
