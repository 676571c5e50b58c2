// AWS Backup vaults (aws-cdk-lib's backup.BackupVault): child "Resource"
// (AWS::Backup::BackupVault), retained by default since it holds the recovery points.
//
//   auto& vault = stack.add<backup::BackupVault>("BackupVault", backup::BackupVaultProps{
//       .backup_vault_name = "diy-submit-backup-vault",
//       .encryption_key = &key,
//       .access_policy = iam::PolicyDocument({copy_statement})});
//   auto& dest = backup::BackupVault::from_backup_vault_arn(stack, "DestVault",
//       "arn:aws:backup:eu-west-2:333333333333:backup-vault:diy-submit-backup-vault");
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/construct.hpp"
#include "opsynth/iam/policy_document.hpp"

namespace opsynth::cfn::backup {
class CfnBackupVault;
}
namespace opsynth::kms {
class Key;
}

namespace opsynth::backup {

// What a backup plan needs of a vault, owned or imported.
class IBackupVault {
 public:
  virtual ~IBackupVault() = default;
  virtual Value backup_vault_name() const = 0;
  virtual Value backup_vault_arn() const = 0;
};

// A vault outside this stack (another account's, for copy actions): a node in the tree that
// renders no resource. Its ARN must be arn:PARTITION:backup:REGION:ACCOUNT:backup-vault:NAME.
class ImportedBackupVault : public Construct, public IBackupVault {
 public:
  ImportedBackupVault(Construct& scope, std::string id, std::string backup_vault_arn);
  Value backup_vault_name() const override { return name_; }
  Value backup_vault_arn() const override { return arn_; }
  // The account in the ARN ("" when the ARN is malformed).
  const std::string& account() const { return account_; }
  void validate(std::vector<std::string>& errors) const override;

 private:
  std::string arn_, name_, account_;
};

// Vault Lock (WORM): recovery points are kept at least min_retention_days; after
// changeable_for_days (at least 3, the 72-hour cooling-off period) the lock is immutable.
struct LockConfiguration {
  int min_retention_days = 1;               // >= 1
  std::optional<int> max_retention_days;    // > min, <= 36500
  std::optional<int> changeable_for_days;   // >= 3; unset: governance mode (removable)
};

// The AWS Backup events a vault can notify (the SNS API names).
std::vector<std::string> all_backup_vault_events();

struct BackupVaultProps {
  // ^[a-zA-Z0-9_-]{2,50}$; default: a name from the construct path (aws-cdk-lib's
  // Names.uniqueId, last 50 characters).
  std::optional<std::string> backup_vault_name;
  const kms::Key* encryption_key = nullptr;  // default: the AWS managed key aws/backup
  std::optional<iam::PolicyDocument> access_policy;
  std::optional<LockConfiguration> lock_configuration;
  // Notifications: the topic's ARN and the events (default: all of them).
  std::optional<Value> notification_topic_arn;
  std::vector<std::string> notification_events;
  RemovalPolicy removal_policy = RemovalPolicy::Retain;
};

class BackupVault : public Construct, public IBackupVault {
 public:
  BackupVault(Construct& scope, std::string id, BackupVaultProps props = {});

  static ImportedBackupVault& from_backup_vault_arn(Construct& scope, std::string id, std::string arn);

  // Fn::GetAtt BackupVaultName / BackupVaultArn (aws-cdk-lib renders both as attributes).
  Value backup_vault_name() const override;
  Value backup_vault_arn() const override;
  // The vault name as written into the template (given or generated).
  const std::string& physical_name() const { return name_; }

  void add_to_access_policy(iam::PolicyStatement statement);
  // Denies backup:DeleteRecoveryPoint and backup:UpdateRecoveryPointLifecycle to everyone.
  void block_recovery_point_deletion();

  cfn::backup::CfnBackupVault& resource() { return *resource_; }

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  BackupVaultProps props_;
  std::string name_;
  iam::PolicyDocument access_policy_;
  cfn::backup::CfnBackupVault* resource_;
};

}  // namespace opsynth::backup
