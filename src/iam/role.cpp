#include "opsynth/iam/role.hpp"

#include "opsynth/cfn/iam/role.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth::iam {

namespace {
// A trust-policy statement per principal (aws-cdk-lib: CompositePrincipal adds one each).
void add_assume_role_statements(PolicyDocument& doc, const Principal& assumed_by) {
  for (const auto& part : assumed_by.parts()) {
    PolicyStatement s({.actions = {"sts:AssumeRole"}});
    s.add_principals({Principal(part.key, part.value, part.conditions)});
    doc.add_statement(std::move(s));
  }
}
}  // namespace

Role::Role(Construct& scope, std::string id, RoleProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<cfn::iam::CfnRole>("Resource");
  add_assume_role_statements(assume_role_policy_, props_.assumed_by);
}

void Role::add_to_policy(PolicyStatement statement) {
  if (!default_policy_) {
    default_policy_ = &add<Policy>("DefaultPolicy");
    default_policy_->attach_to_role(*this);
  }
  default_policy_->add_statements(std::move(statement));
}

bool Role::add_to_principal_policy(const PolicyStatement& statement) const {
  // Roles are created by their scope (never const objects); a grant records the statement
  // in the role's DefaultPolicy even when the role is passed as a const IGrantable.
  const_cast<Role*>(this)->add_to_policy(statement);
  return true;
}

Principal Role::grant_principal() const { return ArnPrincipal(role_arn()); }

void Role::add_managed_policy(ManagedPolicy policy) { props_.managed_policies.push_back(std::move(policy)); }

void Role::add_to_assume_role_policy(PolicyStatement statement) {
  if (statement.props().actions.empty() && statement.props().not_actions.empty())
    statement.add_actions({"sts:AssumeRole"});
  assume_role_policy_.add_statement(std::move(statement));
}

Grant Role::grant(const IGrantable& grantee, std::vector<std::string> actions) const {
  return Grant::add_to_principal(grantee, std::move(actions), {role_arn()});
}

Value Role::role_arn() const { return resource_->attr_arn(); }
Value Role::role_name() const { return resource_->ref(); }

void Role::prepare() {
  auto& p = resource_->props();
  p.assume_role_policy_document = cfn::Json(assume_role_policy_.to_value());
  if (!props_.description.empty()) p.description = props_.description;
  if (!props_.managed_policies.empty()) {
    std::vector<cfn::String> arns;
    for (const auto& m : props_.managed_policies) arns.emplace_back(m.managed_policy_arn());
    p.managed_policy_arns = cfn::List<cfn::String>(std::move(arns));
  }
  if (props_.max_session_duration_seconds) p.max_session_duration = *props_.max_session_duration_seconds;
  if (!props_.path.empty()) p.path = props_.path;
  if (!props_.inline_policies.empty()) {
    std::vector<cfn::Object<cfn::iam::role::PolicyProperty>> policies;
    for (const auto& [name, doc] : props_.inline_policies)
      policies.emplace_back(cfn::iam::role::PolicyProperty{.policy_document = cfn::Json(doc.to_value()), .policy_name = name});
    p.policies = cfn::List<cfn::Object<cfn::iam::role::PolicyProperty>>(std::move(policies));
  }
  if (props_.role_name) p.role_name = cfn::String(*props_.role_name);
}

void Role::validate(std::vector<std::string>& errors) const {
  if (props_.assumed_by.empty()) errors.push_back("the role has no assumed_by principal; say who may assume it");
  for (const auto& e : props_.assumed_by.errors()) errors.push_back("assumed_by: " + e);
  if (props_.role_name && props_.role_name->is_string()) {
    static const Regex kRoleName(R"(^[\w+=,.@-]+$)");
    const std::string& name = props_.role_name->as_string();
    if (name.empty() || name.size() > 64)
      errors.push_back("role name \"" + name + "\" is " + std::to_string(name.size()) +
                       " characters long; IAM allows 1 to 64");
    else if (!kRoleName.full_match(name))
      errors.push_back("role name \"" + name +
                       "\" has characters IAM does not allow; use letters, digits and +=,.@_-");
  }
  if (props_.description.size() > 1000)
    errors.push_back("role description is " + std::to_string(props_.description.size()) +
                     " characters long; IAM allows at most 1000");
  if (props_.max_session_duration_seconds &&
      (*props_.max_session_duration_seconds < 3600 || *props_.max_session_duration_seconds > 43200))
    errors.push_back("max session duration " + std::to_string(*props_.max_session_duration_seconds) +
                     " s is out of range; IAM allows 3600 to 43200 seconds");
  for (const auto& [name, doc] : props_.inline_policies)
    for (auto& e : doc.validate_for_identity_policy()) errors.push_back("inline policy \"" + name + "\": " + e);
}

}  // namespace opsynth::iam
