#include "opsynth/iam/policy_document.hpp"

namespace opsynth::iam {

Value PolicyDocument::to_value() const {
  std::vector<Value> statements;
  statements.reserve(statements_.size());
  for (const auto& s : statements_) statements.push_back(s.to_value());
  return Value::object({{"Statement", Value::list(std::move(statements))}, {"Version", "2012-10-17"}});
}

namespace {
template <class Check>
std::vector<std::string> collect(const std::vector<PolicyStatement>& statements, Check check) {
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < statements.size(); ++i)
    for (auto& e : check(statements[i])) errors.push_back("statement " + std::to_string(i + 1) + ": " + e);
  return errors;
}
}  // namespace

std::vector<std::string> PolicyDocument::validate_for_identity_policy() const {
  return collect(statements_, [](const PolicyStatement& s) { return s.validate_for_identity_policy(); });
}

std::vector<std::string> PolicyDocument::validate_for_resource_policy() const {
  return collect(statements_, [](const PolicyStatement& s) { return s.validate_for_resource_policy(); });
}

}  // namespace opsynth::iam
