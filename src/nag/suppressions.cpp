#include "opsynth/nag/suppressions.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "opsynth/core/cfn_element.hpp"

namespace opsynth::nag {
namespace {

// aws-cdk-lib records acknowledgments in construct metadata under this type, each rule id
// qualified as "Annotation::<id>"; cdk-nag's aspect drops the qualifier (case-insensitively).
constexpr const char* kAcknowledgedRules = "aws:cdk:acknowledged-rules";
constexpr std::string_view kQualifier = "Annotation::";
constexpr std::size_t kMinReasonLength = 10;  // cdk-nag 2 refused shorter reasons

std::string unqualified(const std::string& id) {
  if (id.size() < kQualifier.size()) return id;
  for (std::size_t i = 0; i < kQualifier.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(id[i])) != std::tolower(static_cast<unsigned char>(kQualifier[i])))
      return id;
  return id.substr(kQualifier.size());
}

// cdk-nag's WriteNagSuppressionsToCloudFormationAspect: the resource's own acknowledgments,
// then those of each enclosing scope, the first reason of an id winning.
Json rules_to_suppress(const CfnResource& resource) {
  Json rules = Json::array();
  std::set<std::string> seen;
  const auto scopes = resource.scopes();
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
    for (const auto& m : (*it)->metadata()) {
      if (m.type != kAcknowledgedRules) continue;
      for (const auto& [qualified, reason] : m.data.items()) {
        std::string id = unqualified(qualified);
        if (seen.insert(id).second) rules.push_back(Json{{"id", std::move(id)}, {"reason", reason}});
      }
    }
  return rules;
}

std::vector<std::string> problems_of(const Suppression& s) {
  std::vector<std::string> out;
  if (s.id.empty() || s.id.find_first_of("[]") != std::string::npos)
    out.push_back(fmt::format("cdk-nag suppression \"{}\" has no valid rule id; give the rule alone (e.g. "
                              "\"AwsSolutions-IAM5\") and the finding in applies_to",
                              s.id));
  if (s.reason.size() < kMinReasonLength)
    out.push_back(fmt::format("cdk-nag suppression {} has a reason of {} characters; give at least {} saying why",
                              s.id, s.reason.size(), kMinReasonLength));
  return out;
}

}  // namespace

void add_resource_suppressions(Construct& scope, const std::vector<Suppression>& suppressions) {
  const bool first_call = std::none_of(scope.metadata().begin(), scope.metadata().end(),
                                       [](const MetadataEntry& m) { return m.type == kAcknowledgedRules; });
  std::vector<std::string> problems;
  for (const auto& s : suppressions) {
    for (auto& p : problems_of(s)) problems.push_back(std::move(p));
    std::string id = s.applies_to.empty() ? s.id : fmt::format("{}[{}]", s.id, s.applies_to);
    scope.add_metadata(kAcknowledgedRules, Json{{std::string(kQualifier) + id, s.reason}});
  }
  if (!problems.empty()) scope.add_validation([problems] { return problems; });
  // Written at synthesis, as cdk-nag's aspect does, once per scope however often it is called:
  // rewriting every resource below at each call made K calls cost K^2 per resource.
  if (first_call)
    scope.add_preparation([&scope] {
      for (auto* r : resources_below(scope))
        r->add_resource_metadata("cdk_nag", Json{{"rules_to_suppress", rules_to_suppress(*r)}});
    });
}

std::string flatten(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Literal: {
      if (!v.is_string()) return v.as_literal().dump();
      std::string out;
      const std::string& s = v.as_string();
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
          out += '<';
          ++i;
        } else {
          out += s[i] == '}' ? '>' : s[i];
        }
      }
      return out;
    }
    case Value::Kind::Ref:
      return "<" + v.target()->logical_id() + ">";
    case Value::Kind::GetAtt:
      return "<" + v.target()->logical_id() + "." + v.name() + ">";
    case Value::Kind::Intrinsic: {
      const Value& arg = v.argument();
      if (v.name() == "Ref") return "<" + flatten(arg) + ">";  // a pseudo parameter
      if (v.name() == "Fn::Sub" || v.name() == "Fn::ImportValue") return flatten(arg);
      if (v.name() == "Fn::Join") {
        std::string out;
        const auto& parts = arg.items()[1].items();
        for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? arg.items()[0].as_string() : "") + flatten(parts[i]);
        return out;
      }
      break;
    }
    default:
      break;
  }
  // cdk-nag prints anything else as its JSON; opsynth's suppressions never need it.
  return v.is_literal() ? v.to_json().dump() : "<unsupported value>";
}

std::string resource_finding(const Value& resource) { return "Resource::" + flatten(resource); }
std::string action_finding(const std::string& action) { return "Action::" + action; }
std::string policy_finding(const Value& managed_policy_arn) { return "Policy::" + flatten(managed_policy_arn); }

}  // namespace opsynth::nag
