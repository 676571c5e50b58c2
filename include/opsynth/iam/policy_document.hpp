// An IAM policy document: {"Statement": [...], "Version": "2012-10-17"}, statements in the
// order they were added. No statement merging: aws-cdk-lib minimizes policies only under
// the @aws-cdk/aws-iam:minimizePolicies feature flag, which the reference app leaves off.
//
//   iam::PolicyDocument doc({iam::PolicyStatement({.actions = {"s3:ListBucket"}, .resources = {arn}})});
#pragma once

#include <vector>

#include "opsynth/core/value.hpp"
#include "opsynth/iam/policy_statement.hpp"

namespace opsynth::iam {

class PolicyDocument {
 public:
  PolicyDocument() = default;
  PolicyDocument(std::vector<PolicyStatement> statements) : statements_(std::move(statements)) {}

  void add_statement(PolicyStatement s) { statements_.push_back(std::move(s)); }
  const std::vector<PolicyStatement>& statements() const { return statements_; }
  bool empty() const { return statements_.empty(); }

  Value to_value() const;

  // Problems of every statement, plus the identity/resource-policy rules of where it is used.
  std::vector<std::string> validate_for_identity_policy() const;
  std::vector<std::string> validate_for_resource_policy() const;

 private:
  std::vector<PolicyStatement> statements_;
};

}  // namespace opsynth::iam
