#include "opsynth/kms/key.hpp"

#include "opsynth/cfn/kms/key.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/iam/principal.hpp"

namespace opsynth::kms {

namespace {
// aws-kms/lib/private/perms: the actions of aws-cdk-lib's grantDecrypt/grantEncrypt.
const std::vector<std::string> kDecryptActions = {"kms:Decrypt"};
const std::vector<std::string> kEncryptActions = {"kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"};

// The grantee's account when it is a construct in a stack of another (literal) account.
std::optional<Value> other_account(const iam::IGrantable& grantee, const Stack& key_stack) {
  const auto* c = dynamic_cast<const Construct*>(&grantee);
  if (!c || !c->in_stack()) return std::nullopt;
  const Stack& s = c->stack();
  if (&s == &key_stack || s.env().account.empty() || key_stack.env().account.empty()) return std::nullopt;
  if (s.env() == key_stack.env()) return std::nullopt;
  return Value(s.env().account);
}
}  // namespace

Key::Key(Construct& scope, std::string id, KeyProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<cfn::kms::CfnKey>("Resource");
  resource_->apply_removal_policy(props_.removal_policy);
  // aws-cdk-lib's default key policy (@aws-cdk/aws-kms:defaultKeyPolicies): the account root
  // may do everything, so IAM policies in the account decide who uses the key.
  policy_.add_statement(iam::PolicyStatement({.actions = {"kms:*"},
                                              .resources = {"*"},
                                              .principals = {iam::AccountRootPrincipal(*this)}}));
  if (props_.policy)
    for (const auto& s : props_.policy->statements()) policy_.add_statement(s);
  if (props_.alias) add_alias(*props_.alias);
}

Value Key::key_arn() const { return resource_->attr_arn(); }
Value Key::key_id() const { return resource_->ref(); }

Alias& Key::add_alias(std::string alias_name) {
  // aws-cdk-lib names the first alias "Alias" and later ones "Alias" + name, with the path
  // separator "/" turned into "--" as its construct ids are.
  std::string id = "Alias";
  if (find_child(id)) {
    id += alias_name;
    for (std::size_t pos; (pos = id.find('/')) != std::string::npos;) id.replace(pos, 1, "--");
  }
  return add<Alias>(std::move(id), std::move(alias_name), key_arn());
}

void Key::add_to_resource_policy(const iam::PolicyStatement& statement) { policy_.add_statement(statement); }

iam::Grant Key::grant(const iam::IGrantable& grantee, std::vector<std::string> actions) {
  if (auto account = other_account(grantee, stack())) {
    // Across accounts both sides must allow it; the key ARN cannot be referenced from the
    // other stack, so both statements use "*" (aws-cdk-lib does the same).
    return iam::Grant::add_to_principal_and_resource(grantee, std::move(actions), {"*"}, *this, {"*"},
                                                     iam::AccountPrincipal(*account));
  }
  return iam::Grant::add_to_principal_or_resource(grantee, std::move(actions), {key_arn()}, *this, {"*"});
}

iam::Grant Key::grant_decrypt(const iam::IGrantable& grantee) { return grant(grantee, kDecryptActions); }
iam::Grant Key::grant_encrypt(const iam::IGrantable& grantee) { return grant(grantee, kEncryptActions); }
iam::Grant Key::grant_encrypt_decrypt(const iam::IGrantable& grantee) {
  std::vector<std::string> actions = kDecryptActions;
  actions.insert(actions.end(), kEncryptActions.begin(), kEncryptActions.end());
  return grant(grantee, std::move(actions));
}

void Key::prepare() {
  auto& p = resource_->props();
  if (!props_.description.empty()) p.description = props_.description;
  if (props_.enable_key_rotation) p.enable_key_rotation = true;
  if (!props_.enabled) p.enabled = false;
  p.key_policy = cfn::Json(policy_.to_value());
  if (props_.pending_window_days) p.pending_window_in_days = *props_.pending_window_days;
  if (props_.rotation_period_days) p.rotation_period_in_days = *props_.rotation_period_days;
}

void Key::validate(std::vector<std::string>& errors) const {
  for (auto& e : policy_.validate_for_resource_policy()) errors.push_back("key policy " + e);
  if (props_.pending_window_days && (*props_.pending_window_days < 7 || *props_.pending_window_days > 30))
    errors.push_back("pending window of " + std::to_string(*props_.pending_window_days) +
                     " days is out of range; KMS allows 7 to 30 days");
  if (props_.rotation_period_days) {
    if (!props_.enable_key_rotation)
      errors.push_back("a rotation period needs key rotation; set enable_key_rotation");
    if (*props_.rotation_period_days < 90 || *props_.rotation_period_days > 2560)
      errors.push_back("rotation period of " + std::to_string(*props_.rotation_period_days) +
                       " days is out of range; KMS allows 90 to 2560 days");
  }
}

}  // namespace opsynth::kms
