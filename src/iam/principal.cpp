#include "opsynth/iam/principal.hpp"

#include "opsynth/core/construct.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/core/stack.hpp"

namespace opsynth::iam {

namespace {
// arn:${Partition}:iam::ACCOUNT:root, as aws-cdk-lib's AccountPrincipal renders it.
Value account_root_arn(const Value& account) {
  return fn::join("", {"arn:", aws::partition(), ":iam::", account, ":root"});
}
}  // namespace

Principal::Principal(std::string key, Value value, ValueMap conditions) {
  parts_.push_back({std::move(key), std::move(value), std::move(conditions)});
}

void Principal::merge(const Principal& other) {
  parts_.insert(parts_.end(), other.parts_.begin(), other.parts_.end());
  errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
}

ServicePrincipal::ServicePrincipal(std::string service) : Principal("Service", std::move(service)) {}

AccountPrincipal::AccountPrincipal(Value account_id) : account_id_(std::move(account_id)) {
  static const Regex kAccountId("^[0-9]{12}$");
  if (account_id_.is_string() && !kAccountId.full_match(account_id_.as_string()))
    add_error("account id \"" + account_id_.as_string() + "\" is not valid; an AWS account id is 12 digits");
  add_part({"AWS", account_root_arn(account_id_), {}});
}

AccountRootPrincipal::AccountRootPrincipal(const Construct& scope) : AccountPrincipal(scope.stack().account()) {}

ArnPrincipal::ArnPrincipal(Value arn) : Principal("AWS", std::move(arn)) {}

AnyPrincipal::AnyPrincipal() : Principal("AWS", "*") {}

StarPrincipal::StarPrincipal() : Principal(kLiteral, "*") {}

OrganizationPrincipal::OrganizationPrincipal(Value organization_id) {
  static const Regex kOrgId("^o-[a-z0-9]{10,32}$");
  if (organization_id.is_string() && !kOrgId.full_match(organization_id.as_string()))
    add_error("organization id \"" + organization_id.as_string() +
              "\" is not valid; it must match ^o-[a-z0-9]{10,32}$");
  add_part({"AWS", "*", {{"StringEquals", Value::object({{"aws:PrincipalOrgID", organization_id}})}}});
}

CompositePrincipal::CompositePrincipal(std::initializer_list<Principal> principals)
    : CompositePrincipal(std::vector<Principal>(principals)) {}

CompositePrincipal::CompositePrincipal(const std::vector<Principal>& principals) {
  for (const auto& p : principals) merge(p);
}

}  // namespace opsynth::iam
