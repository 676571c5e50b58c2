// A reference to an existing IAM managed policy by ARN.
//
//   iam::ManagedPolicy::from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole")
//     -> {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}
#pragma once

#include <string>

#include "opsynth/core/value.hpp"

namespace opsynth::iam {

class ManagedPolicy {
 public:
  // An AWS managed policy, partition-aware (aws, aws-cn, aws-us-gov).
  static ManagedPolicy from_aws_managed_policy_name(const std::string& name);
  static ManagedPolicy from_managed_policy_arn(Value arn) { return ManagedPolicy(std::move(arn)); }

  const Value& managed_policy_arn() const { return arn_; }

 private:
  explicit ManagedPolicy(Value arn) : arn_(std::move(arn)) {}
  Value arn_;
};

}  // namespace opsynth::iam
