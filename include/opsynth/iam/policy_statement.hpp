// One IAM policy statement, rendered exactly like aws-cdk-lib's PolicyStatement.toStatementJson:
// keys in alphabetical order (Action, Condition, Effect, NotAction, NotPrincipal, NotResource,
// Principal, Resource, Sid), duplicates removed, one-element Action/Resource lists and
// principal lists collapsed to a scalar, no Sid unless given.
//
//   iam::PolicyStatement s({.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")}});
//   s.add_condition("StringEquals", "aws:PrincipalOrgID", "o-abc1234567");
//
// Least privilege: a statement has no resource unless the caller gives one; `Resource: "*"`
// appears only when the caller passes "*" (or calls add_all_resources()).
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/value.hpp"
#include "opsynth/iam/principal.hpp"

namespace opsynth::iam {

enum class Effect { Allow, Deny };

struct PolicyStatementProps {
  std::string sid{};  // empty: no Sid
  Effect effect = Effect::Allow;
  std::vector<std::string> actions{};
  std::vector<std::string> not_actions{};
  std::vector<Value> resources{};
  std::vector<Value> not_resources{};
  std::vector<Principal> principals{};
  std::vector<Principal> not_principals{};
  // {operator: {key: value}}, e.g. {{"Bool", Value::object({{"aws:SecureTransport", "false"}})}}.
  ValueMap conditions{};
};

class PolicyStatement {
 public:
  PolicyStatement(PolicyStatementProps props = {});

  void add_actions(std::vector<std::string> actions);
  void add_not_actions(std::vector<std::string> actions);
  void add_resources(std::vector<Value> resources);
  void add_all_resources() { add_resources({Value("*")}); }
  void add_principals(std::vector<Principal> principals);
  // Merges {key: value} into the operator's block (a later value for the same key wins).
  void add_condition(const std::string& op, const std::string& key, Value value);
  void add_conditions(const std::string& op, const ValueMap& entries);
  void set_sid(std::string sid) { props_.sid = std::move(sid); }

  const PolicyStatementProps& props() const { return props_; }
  Effect effect() const { return props_.effect; }
  bool has_principal() const { return !props_.principals.empty() || !props_.not_principals.empty(); }
  bool has_resource() const { return !props_.resources.empty() || !props_.not_resources.empty(); }

  // The statement as a policy-document entry (intrinsics kept as Values).
  Value to_value() const;

  // Problems of this statement alone (no action, both Action and NotAction, bad principals).
  std::vector<std::string> validate() const;
  // aws-cdk-lib's validateForIdentityPolicy: no principal, at least one resource.
  std::vector<std::string> validate_for_identity_policy() const;
  // aws-cdk-lib's validateForResourcePolicy: at least one principal.
  std::vector<std::string> validate_for_resource_policy() const;

 private:
  PolicyStatementProps props_;
};

}  // namespace opsynth::iam
