#include "opsynth_stacks/ops_stack.hpp"

namespace opsynth::seed {

OpsStackProps ops_stack_props(const SeedConfig& c) {
  OpsStackProps p;
  p.stack.env = {c.target_account(), c.region};
  p.resource_name_prefix = c.app_prefix();
  p.deployment_name = c.deployment_name;
  p.env_base_url = c.env_base_url();
  p.lambda_function_arns = c.lambda_function_arns;
  p.alert_email = c.alert_email;
  p.canary_interval_minutes = c.canary_interval_minutes;
  p.rum_app_monitor_id = c.rum_app_monitor_id;
  p.cloudfront_distribution_id = c.cloudfront_distribution_id;
  p.api_gateway_id = c.api_gateway_id;
  p.base_url = c.base_url;
  return p;
}

OpsStack::OpsStack(Construct& scope, std::string id, OpsStackProps props) : Stack(scope, std::move(id), props.stack) {}

}  // namespace opsynth::seed
