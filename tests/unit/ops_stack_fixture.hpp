// The props of the prod OpsStack as the default app builds them (shared by the OpsStack tests).
#pragma once

#include <string>

#include "opsynth_stacks/ops_stack.hpp"

namespace opsynth::testing_ops {

inline seed::OpsStackProps prod_ops_stack_props() {
  seed::OpsStackProps p;
  p.stack.env = {"222222222222", "eu-west-2"};
  p.env_name = "prod";
  p.resource_name_prefix = "prod-submit-app";
  p.deployment_name = "prod";
  p.env_base_url = "https://submit.diyaccounting.co.uk/";
  p.base_url = "https://prod.submit.diyaccounting.co.uk/";
  for (const char* fn : {"hmrc-token-post", "hmrc-vat-return-post", "bundle-post", "cognito-post-confirmation"})
    p.lambda_function_arns.push_back(std::string("arn:aws:lambda:eu-west-2:222222222222:function:prod-submit-app-") + fn);
  return p;
}

}  // namespace opsynth::testing_ops
