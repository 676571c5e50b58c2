// cdk-nag suppressions declared in C++ and carried into the template, the way aws-cdk-lib's
// `Validations.of(scope).acknowledge({id, reason})` and cdk-nag 3's
// `writeSuppressionsToCloudFormation` render them on every CloudFormation resource at or below
// the scope:
//
//   "Metadata": {"cdk_nag": {"rules_to_suppress": [
//       {"id": "AwsSolutions-S1", "reason": "..."},
//       {"id": "AwsSolutions-IAM5[Resource::*]", "reason": "..."}]}}
//
// A granular rule (IAM4, IAM5) reports one finding per policy, action or resource, and each
// finding is suppressed on its own: `applies_to` names it, in cdk-nag's form (the helpers
// below build it from the same Value the policy renders).
//
//   nag::add_resource_suppressions(*role.default_policy(), {{
//       .id = "AwsSolutions-IAM5", .applies_to = nag::resource_finding("*"),
//       .reason = "cloudwatch:PutMetricData has no resource-level permissions"}});
//
// The rules are written at synthesis, so resources added below the scope later are covered too.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"
#include "opsynth/core/value.hpp"

namespace opsynth::nag {

struct Suppression {
  std::string id;          // the rule, e.g. "AwsSolutions-S1"
  std::string applies_to;  // one finding of a granular rule, e.g. "Resource::*"; empty: the rule
  std::string reason;      // why the finding is accepted: at least 10 characters
};

void add_resource_suppressions(Construct& scope, const std::vector<Suppression>& suppressions);

// cdk-nag's text for a value in a finding: literal text as is (Fn::Sub's ${X} as <X>),
// Fn::Join flattened, Ref as <LogicalId> or <AWS::Region>, Fn::GetAtt as <LogicalId.Attribute>.
std::string flatten(const Value& v);
// Findings of AwsSolutions-IAM5 (a wildcard resource or action) and IAM4 (a managed policy).
std::string resource_finding(const Value& resource);
std::string action_finding(const std::string& action);
std::string policy_finding(const Value& managed_policy_arn);

}  // namespace opsynth::nag
