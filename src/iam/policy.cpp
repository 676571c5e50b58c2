#include "opsynth/iam/policy.hpp"

#include "opsynth/cfn/iam/policy.hpp"
#include "opsynth/iam/role.hpp"

namespace opsynth::iam {

Policy::Policy(Construct& scope, std::string id, PolicyProps props)
    : Construct(scope, std::move(id)), document_(std::move(props.statements)) {
  resource_ = &add<cfn::iam::CfnPolicy>("Resource");
  if (props.policy_name) resource_->props().policy_name = *props.policy_name;
}

void Policy::attach_to_role(const Role& role) {
  for (const Role* r : roles_)
    if (r == &role) return;
  roles_.push_back(&role);
}

void Policy::prepare() {
  // aws-cdk-lib's generatePolicyName: the last 128 characters (IAM's limit) of the resource's
  // logical ID, so long IDs keep their unique hash suffix.
  if (!resource_->props().policy_name) {
    const std::string& id = resource_->logical_id();
    constexpr std::size_t kMaxPolicyName = 128;
    resource_->props().policy_name = id.size() <= kMaxPolicyName ? id : id.substr(id.size() - kMaxPolicyName);
  }
  resource_->props().policy_document = cfn::Json(document_.to_value());
  std::vector<cfn::String> roles;
  for (const Role* r : roles_) roles.emplace_back(r->role_name());
  resource_->props().roles = cfn::List<cfn::String>(std::move(roles));
}

void Policy::validate(std::vector<std::string>& errors) const {
  if (document_.empty()) errors.push_back("the policy has no statement; add at least one");
  for (auto& e : document_.validate_for_identity_policy()) errors.push_back(std::move(e));
  if (roles_.empty()) errors.push_back("the policy is attached to no role; call attach_to_role");
}

}  // namespace opsynth::iam
