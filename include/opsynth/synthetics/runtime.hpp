// CloudWatch Synthetics runtimes and what opsynth knows of their deprecation (the catalogue is
// data in src/synthetics/runtimes.cpp). CreateCanary rejects a deprecated runtime, so a canary
// on one fails synthesis; a runtime with a known future deprecation date gets a warning.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opsynth::synthetics {

enum class RuntimeFamily { NodeJs, Python };

struct RuntimeInfo {
  std::string name;  // e.g. "syn-nodejs-puppeteer-13.0"
  RuntimeFamily family;
  std::optional<std::string> deprecation_date;  // YYYY-MM-DD; from this day CreateCanary rejects it
};

// Every runtime opsynth knows, oldest first per family.
const std::vector<RuntimeInfo>& runtime_catalogue();
// The catalogue entry, or nullptr for a runtime opsynth does not know.
const RuntimeInfo* find_runtime(const std::string& name);

struct Runtime {
  std::string name;

  static Runtime nodejs_puppeteer_13_0() { return {"syn-nodejs-puppeteer-13.0"}; }
  static Runtime nodejs_playwright_6_0() { return {"syn-nodejs-playwright-6.0"}; }
  static Runtime python_selenium_7_0() { return {"syn-python-selenium-7.0"}; }
};

}  // namespace opsynth::synthetics
