#include "opsynth/iam/grantable.hpp"
#include "opsynth/iam/policy_statement.hpp"

namespace opsynth::iam {

namespace {
PolicyStatement identity_statement(std::vector<std::string> actions, std::vector<Value> resources) {
  return PolicyStatement({.actions = std::move(actions), .resources = std::move(resources)});
}
}  // namespace

Grant Grant::add_to_principal(const IGrantable& grantee, std::vector<std::string> actions,
                              std::vector<Value> resource_arns) {
  Grant g;
  g.principal_statement_added =
      grantee.add_to_principal_policy(identity_statement(std::move(actions), std::move(resource_arns)));
  return g;
}

Grant Grant::add_to_principal_or_resource(const IGrantable& grantee, std::vector<std::string> actions,
                                          std::vector<Value> resource_arns, IResourceWithPolicy& resource,
                                          std::vector<Value> resource_self_arns) {
  Grant g = add_to_principal(grantee, actions, resource_arns);
  if (g.principal_statement_added) return g;
  resource.add_to_resource_policy(PolicyStatement({
      .actions = std::move(actions),
      .resources = resource_self_arns.empty() ? std::move(resource_arns) : std::move(resource_self_arns),
      .principals = {grantee.grant_principal()},
  }));
  g.resource_statement_added = true;
  return g;
}

Grant Grant::add_to_principal_and_resource(const IGrantable& grantee, std::vector<std::string> actions,
                                           std::vector<Value> resource_arns, IResourceWithPolicy& resource,
                                           std::vector<Value> resource_self_arns,
                                           const Principal& resource_principal) {
  Grant g = add_to_principal(grantee, actions, resource_arns);
  resource.add_to_resource_policy(PolicyStatement({
      .actions = std::move(actions),
      .resources = resource_self_arns.empty() ? std::move(resource_arns) : std::move(resource_self_arns),
      .principals = {resource_principal},
  }));
  g.resource_statement_added = true;
  return g;
}

}  // namespace opsynth::iam
