// An IAM role (aws-cdk-lib's iam.Role): child "Resource" (AWS::IAM::Role) and, once something
// is added to its policy, child "DefaultPolicy" (AWS::IAM::Policy, Roles = [Ref role]).
//
//   auto& role = stack.add<iam::Role>("CanaryRole", iam::RoleProps{
//       .assumed_by = iam::ServicePrincipal("lambda.amazonaws.com"),
//       .managed_policies = {iam::ManagedPolicy::from_aws_managed_policy_name("CloudWatchSyntheticsFullAccess")}});
//   role.add_to_policy(iam::PolicyStatement({.actions = {"s3:ListAllMyBuckets"}, .resources = {"*"}}));
//   bucket.grant_read_write(role);
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "opsynth/core/construct.hpp"
#include "opsynth/iam/grantable.hpp"
#include "opsynth/iam/managed_policy.hpp"
#include "opsynth/iam/policy.hpp"
#include "opsynth/iam/policy_document.hpp"
#include "opsynth/iam/principal.hpp"

namespace opsynth::cfn::iam {
class CfnRole;
}

namespace opsynth::iam {

struct RoleProps {
  // Who may assume the role (sts:AssumeRole); a CompositePrincipal gives one statement each.
  Principal assumed_by{};
  // At most 64 characters of [A-Za-z0-9+=,.@_-]; default: CloudFormation generates one.
  std::optional<Value> role_name{};
  std::string description{};  // at most 1000 characters
  std::vector<ManagedPolicy> managed_policies{};
  // Inline policies by name, rendered in the role's Policies property in this order.
  std::vector<std::pair<std::string, PolicyDocument>> inline_policies{};
  std::optional<int> max_session_duration_seconds{};  // 3600..43200
  std::string path{};                                  // default: not rendered ("/")
};

class Role : public Construct, public IGrantable {
 public:
  Role(Construct& scope, std::string id, RoleProps props);

  // Adds an identity-policy statement to the role's DefaultPolicy (created on first use).
  void add_to_policy(PolicyStatement statement);
  void add_managed_policy(ManagedPolicy policy);
  // Adds to the trust policy (sts:AssumeRole unless the statement says otherwise).
  void add_to_assume_role_policy(PolicyStatement statement);

  // Lets `grantee` perform `actions` on this role (e.g. iam:PassRole).
  Grant grant(const IGrantable& grantee, std::vector<std::string> actions) const;
  Grant grant_pass_role(const IGrantable& grantee) const { return grant(grantee, {"iam:PassRole"}); }

  Value role_arn() const;   // Fn::GetAtt Arn
  Value role_name() const;  // Ref
  cfn::iam::CfnRole& resource() { return *resource_; }
  const cfn::iam::CfnRole& resource() const { return *resource_; }
  Policy* default_policy() const { return default_policy_; }

  // IGrantable: grants to a role go to its DefaultPolicy.
  Principal grant_principal() const override;
  bool add_to_principal_policy(const PolicyStatement& statement) const override;

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  RoleProps props_;
  PolicyDocument assume_role_policy_;
  cfn::iam::CfnRole* resource_;
  Policy* default_policy_ = nullptr;
};

}  // namespace opsynth::iam
