// Context for an app, merged the way the AWS CDK merges it:
//   cdk.json "context" < cdk.context.json < CDK_CONTEXT_JSON (set by the cdk CLI)
//   < environment variables (ENVIRONMENT_NAME, DEPLOYMENT_NAME, ALERT_EMAIL)
//   < --config FILE.yaml|json < -c key=value (later wins).
// Every parser reports errors naming the file or key and what is allowed; errors from
// all sources are collected rather than stopping at the first.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth {

struct ContextSources {
  std::filesystem::path project_dir = ".";     // where cdk.json and cdk.context.json live
  std::optional<std::string> cdk_context_json; // the CDK_CONTEXT_JSON environment variable
  std::vector<std::pair<std::string, std::string>> environment;  // ENV_NAME -> value, already read
  std::vector<std::filesystem::path> config_files;               // --config, in order
  std::vector<std::string> cli_pairs;                            // -c key=value, in order
};

struct ContextResult {
  Json context = Json::object();
  std::vector<std::string> errors;
  // cdk.json's "output" (where the cdk CLI writes the cloud assembly), relative to the project
  // directory; unset when cdk.json gives none.
  std::optional<std::string> output_dir;
};

ContextResult load_context(const ContextSources& sources);

// Parsers of outside input, each usable on its own (and by the fuzz targets).
// `origin` names the input in messages (a file name, "CDK_CONTEXT_JSON", "-c").
void merge_json_context_text(std::string_view text, const std::string& origin, bool nested_under_context_key,
                             ContextResult& into);
void merge_yaml_context_text(std::string_view text, const std::string& origin, ContextResult& into);
// Every `-c key=value` of one command line, in order (a later one of a key wins).
void merge_cli_pairs(const std::vector<std::string>& pairs, ContextResult& into);

// Environment variables that override context keys (as the original project reads them).
const std::vector<std::pair<std::string, std::string>>& context_environment_variables();

}  // namespace opsynth
