// An inline policy attached to roles (AWS::IAM::Policy), like aws-cdk-lib's iam.Policy.
// Role::add_to_policy creates one lazily with id "DefaultPolicy"; its PolicyName is its
// resource's logical ID (aws-cdk-lib's generatePolicyName), e.g. "CanaryRoleDefaultPolicyC179670E".
#pragma once

#include <optional>
#include <string>

#include "opsynth/core/construct.hpp"
#include "opsynth/iam/policy_document.hpp"

namespace opsynth::cfn::iam {
class CfnPolicy;
}

namespace opsynth::iam {

class Role;

struct PolicyProps {
  std::optional<std::string> policy_name{};  // default: the logical ID, cut to 128 characters
  std::vector<PolicyStatement> statements{};
};

class Policy : public Construct {
 public:
  Policy(Construct& scope, std::string id, PolicyProps props = {});

  void add_statements(PolicyStatement s) { document_.add_statement(std::move(s)); }
  void attach_to_role(const Role& role);
  const PolicyDocument& document() const { return document_; }
  cfn::iam::CfnPolicy& resource() { return *resource_; }

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  PolicyDocument document_;
  std::vector<const Role*> roles_;
  cfn::iam::CfnPolicy* resource_;
};

}  // namespace opsynth::iam
