#include "opsynth/iam/policy_statement.hpp"

#include <algorithm>
#include <map>

namespace opsynth::iam {

namespace {

template <class T>
void append_unique(std::vector<T>& into, std::vector<T> items) {
  for (auto& i : items)
    if (std::find(into.begin(), into.end(), i) == into.end()) into.push_back(std::move(i));
}

// aws-cdk-lib's _norm: a one-element list becomes its element.
Value collapse(std::vector<Value> items) {
  if (items.size() == 1) return items.front();
  return Value::list(std::move(items));
}

Value action_value(const std::vector<std::string>& actions) {
  std::vector<Value> v(actions.begin(), actions.end());
  return collapse(std::move(v));
}

// Principals merged by key ("AWS", "Service", ...) in first-seen order, each key's values
// de-duplicated and collapsed to a scalar when single. A literal principal ("*") is the whole
// value, as in aws-cdk-lib.
Value principal_value(const std::vector<Principal>& principals) {
  std::vector<std::pair<std::string, std::vector<Value>>> by_key;
  for (const auto& p : principals)
    for (const auto& part : p.parts()) {
      if (part.key == Principal::kLiteral) return part.value;
      auto it = std::find_if(by_key.begin(), by_key.end(), [&](const auto& e) { return e.first == part.key; });
      if (it == by_key.end()) {
        by_key.push_back({part.key, {}});
        it = std::prev(by_key.end());
      }
      append_unique(it->second, {part.value});
    }
  ValueMap out;
  for (auto& [k, values] : by_key) out.emplace_back(k, collapse(std::move(values)));
  return Value::object(std::move(out));
}

void merge_condition(ValueMap& conditions, const std::string& op, const ValueMap& entries) {
  auto it = std::find_if(conditions.begin(), conditions.end(), [&](const auto& e) { return e.first == op; });
  if (it == conditions.end()) {
    conditions.emplace_back(op, Value::object(entries));
    return;
  }
  ValueMap merged = it->second.entries();
  for (const auto& [k, v] : entries) {
    auto m = std::find_if(merged.begin(), merged.end(), [&](const auto& e) { return e.first == k; });
    if (m == merged.end())
      merged.emplace_back(k, v);
    else
      m->second = v;
  }
  it->second = Value::object(std::move(merged));
}

}  // namespace

PolicyStatement::PolicyStatement(PolicyStatementProps props) {
  props_.sid = std::move(props.sid);
  props_.effect = props.effect;
  add_actions(std::move(props.actions));
  add_not_actions(std::move(props.not_actions));
  add_resources(std::move(props.resources));
  append_unique(props_.not_resources, std::move(props.not_resources));
  add_principals(std::move(props.principals));
  props_.not_principals = std::move(props.not_principals);
  for (const auto& [op, block] : props.conditions) add_conditions(op, block.entries());
}

void PolicyStatement::add_actions(std::vector<std::string> actions) { append_unique(props_.actions, std::move(actions)); }
void PolicyStatement::add_not_actions(std::vector<std::string> actions) {
  append_unique(props_.not_actions, std::move(actions));
}
void PolicyStatement::add_resources(std::vector<Value> resources) {
  append_unique(props_.resources, std::move(resources));
}

void PolicyStatement::add_principals(std::vector<Principal> principals) {
  for (auto& p : principals) {
    // A principal's own conditions (aws:PrincipalOrgID) become the statement's.
    for (const auto& part : p.parts())
      for (const auto& [op, block] : part.conditions) add_conditions(op, block.entries());
    props_.principals.push_back(std::move(p));
  }
}

void PolicyStatement::add_condition(const std::string& op, const std::string& key, Value value) {
  merge_condition(props_.conditions, op, {{key, std::move(value)}});
}

void PolicyStatement::add_conditions(const std::string& op, const ValueMap& entries) {
  merge_condition(props_.conditions, op, entries);
}

Value PolicyStatement::to_value() const {
  // Keys in the order aws-cdk-lib's templates show them (alphabetical).
  ValueMap out;
  if (!props_.actions.empty()) out.emplace_back("Action", action_value(props_.actions));
  if (!props_.conditions.empty()) out.emplace_back("Condition", Value::object(props_.conditions));
  out.emplace_back("Effect", props_.effect == Effect::Allow ? "Allow" : "Deny");
  if (!props_.not_actions.empty()) out.emplace_back("NotAction", action_value(props_.not_actions));
  if (!props_.not_principals.empty()) out.emplace_back("NotPrincipal", principal_value(props_.not_principals));
  if (!props_.not_resources.empty()) out.emplace_back("NotResource", collapse(props_.not_resources));
  if (!props_.principals.empty()) out.emplace_back("Principal", principal_value(props_.principals));
  if (!props_.resources.empty()) out.emplace_back("Resource", collapse(props_.resources));
  if (!props_.sid.empty()) out.emplace_back("Sid", props_.sid);
  return Value::object(std::move(out));
}

std::vector<std::string> PolicyStatement::validate() const {
  std::vector<std::string> errors;
  if (props_.actions.empty() && props_.not_actions.empty())
    errors.push_back("a policy statement must have at least one action; give actions or not_actions");
  if (!props_.actions.empty() && !props_.not_actions.empty())
    errors.push_back("a policy statement cannot have both actions and not_actions; use one of them");
  if (!props_.resources.empty() && !props_.not_resources.empty())
    errors.push_back("a policy statement cannot have both resources and not_resources; use one of them");
  for (const auto& a : props_.actions)
    if (a != "*" && a.find(':') == std::string::npos)
      errors.push_back("action \"" + a + "\" is not valid; an action is \"service:Action\" or \"*\"");
  for (const auto& p : props_.principals)
    for (const auto& e : p.errors()) errors.push_back(e);
  return errors;
}

std::vector<std::string> PolicyStatement::validate_for_identity_policy() const {
  auto errors = validate();
  if (has_principal())
    errors.push_back("a policy statement used in an identity-based policy cannot name principals; "
                     "the principal is the identity the policy is attached to");
  if (!has_resource())
    errors.push_back("a policy statement used in an identity-based policy must name at least one resource; "
                     "give resources (\"*\" only when you mean every resource)");
  return errors;
}

std::vector<std::string> PolicyStatement::validate_for_resource_policy() const {
  auto errors = validate();
  if (!has_principal())
    errors.push_back("a policy statement used in a resource-based policy must name at least one principal");
  return errors;
}

}  // namespace opsynth::iam
