// A customer managed KMS key (aws-cdk-lib's kms.Key): child "Resource" (AWS::KMS::Key) with
// aws-cdk-lib's default key policy (the account root may do kms:*), and child "Alias"
// (AWS::KMS::Alias) when an alias is given.
//
//   auto& key = stack.add<kms::Key>("BackupKey", kms::KeyProps{
//       .description = "backup key", .alias = "alias/diy-submit-backup", .enable_key_rotation = true});
//   key.add_to_resource_policy(iam::PolicyStatement({...}));
//   key.grant_encrypt_decrypt(iam::ServicePrincipal("backup.amazonaws.com"));  // key policy, Resource "*"
//   key.grant_decrypt(role);                                                  // role's DefaultPolicy
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/construct.hpp"
#include "opsynth/iam/grantable.hpp"
#include "opsynth/iam/policy_document.hpp"

namespace opsynth::cfn::kms {
class CfnKey;
class CfnAlias;
}  // namespace opsynth::cfn::kms

namespace opsynth::kms {

// A KMS alias (child of the key it names, id "Alias"). The name gets "alias/" prepended when
// missing; it must match ^alias/[a-zA-Z0-9:/_-]+$, be at most 256 characters and not start
// with "alias/aws/" (reserved for AWS managed keys).
class Alias : public Construct {
 public:
  Alias(Construct& scope, std::string id, std::string alias_name, Value target_key_arn);
  const std::string& alias_name() const { return alias_name_; }
  cfn::kms::CfnAlias& resource() { return *resource_; }
  void validate(std::vector<std::string>& errors) const override;

 private:
  std::string alias_name_;
  cfn::kms::CfnAlias* resource_;
};

struct KeyProps {
  std::string description{};
  std::optional<std::string> alias{};
  bool enable_key_rotation = false;
  std::optional<int> rotation_period_days{};    // 90..2560, needs rotation
  std::optional<int> pending_window_days{};     // 7..30
  bool enabled = true;
  RemovalPolicy removal_policy = RemovalPolicy::Retain;  // keys hold data: retained by default
  // Extra statements for the key policy (after the account-root statement).
  std::optional<iam::PolicyDocument> policy{};
};

class Key : public Construct, public iam::IResourceWithPolicy {
 public:
  Key(Construct& scope, std::string id, KeyProps props = {});

  Value key_arn() const;  // Fn::GetAtt Arn
  Value key_id() const;   // Ref
  Alias& add_alias(std::string alias_name);

  // Adds a statement to the key policy (it must name a principal).
  void add_to_resource_policy(const iam::PolicyStatement& statement) override;

  // aws-cdk-lib's Key.grant: a grantee in this account with an identity policy gets the
  // statement there (Resource = key ARN); a service or account principal gets a key-policy
  // statement (Resource "*"); a grantee in another account gets both sides.
  iam::Grant grant(const iam::IGrantable& grantee, std::vector<std::string> actions);
  iam::Grant grant_decrypt(const iam::IGrantable& grantee);
  iam::Grant grant_encrypt(const iam::IGrantable& grantee);
  iam::Grant grant_encrypt_decrypt(const iam::IGrantable& grantee);

  const iam::PolicyDocument& policy() const { return policy_; }
  cfn::kms::CfnKey& resource() { return *resource_; }
  const cfn::kms::CfnKey& resource() const { return *resource_; }

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  KeyProps props_;
  iam::PolicyDocument policy_;
  cfn::kms::CfnKey* resource_;
};

}  // namespace opsynth::kms
