// The seed's OpsStack: alert topic, synthetic canaries, alarms, the operations dashboard.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

struct OpsStackProps {
  StackProps stack;
  std::string env_name;               // the Environment tag, e.g. prod
  std::string resource_name_prefix;   // e.g. prod-submit-app
  std::string deployment_name;
  std::string env_base_url;           // https://submit.diyaccounting.co.uk/ (apex namespace of the GitHub metric)
  std::vector<std::string> lambda_function_arns;
  std::string alert_email;            // optional: no subscription when empty
  int canary_interval_minutes = 5;
  std::string rum_app_monitor_id;     // optional
  std::string cloudfront_distribution_id;  // optional
  std::string api_gateway_id;         // optional
  std::string base_url;               // canaries only when set
};

OpsStackProps ops_stack_props(const SeedConfig& config);

class OpsStack : public Stack {
 public:
  OpsStack(Construct& scope, std::string id, OpsStackProps props);
};

// The seed's canary name: the prefix sanitized (lowercase, [a-z0-9-], no runs of '-') and cut so
// that prefix + suffix fits 21 characters; the suffix is always kept, so the two canaries of a
// deployment never collide.
std::string canary_name(const std::string& prefix, const std::string& suffix);
// A canary script from stacks/canaries with its one __BASE_URL__ placeholder filled in;
// empty when the script does not hold the placeholder exactly once.
std::string canary_script(std::string_view source, const std::string& base_url);

}  // namespace opsynth::seed
