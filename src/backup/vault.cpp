#include "opsynth/backup/vault.hpp"

#include <fmt/format.h>

#include "opsynth/cfn/backup/backup_vault.hpp"
#include "opsynth/core/logical_id.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/iam/principal.hpp"
#include "opsynth/kms/key.hpp"

namespace opsynth::backup {
namespace {

using CfnBackupVault = cfn::backup::CfnBackupVault;

const Regex& vault_name_pattern() {
  static const Regex kName("^[a-zA-Z0-9_-]{2,50}$");
  return kName;
}

// aws-cdk-lib's uniqueVaultName: Names.uniqueId (the path below the app), last 50 characters.
std::string generated_vault_name(const Construct& vault) {
  std::vector<std::string_view> components;
  for (const Construct* c : vault.scopes())
    if (c->scope() != nullptr) components.push_back(c->id());
  std::string id = make_unique_id(std::move(components));
  return id.size() > 50 ? id.substr(id.size() - 50) : id;
}

}  // namespace

std::vector<std::string> all_backup_vault_events() {
  return {"BACKUP_JOB_STARTED",      "BACKUP_JOB_COMPLETED",   "BACKUP_JOB_SUCCESSFUL",
          "BACKUP_JOB_FAILED",       "BACKUP_JOB_EXPIRED",     "RESTORE_JOB_STARTED",
          "RESTORE_JOB_COMPLETED",   "RESTORE_JOB_SUCCESSFUL", "RESTORE_JOB_FAILED",
          "COPY_JOB_STARTED",        "COPY_JOB_SUCCESSFUL",    "COPY_JOB_FAILED",
          "RECOVERY_POINT_MODIFIED", "BACKUP_PLAN_CREATED",    "BACKUP_PLAN_MODIFIED",
          "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"};
}

ImportedBackupVault::ImportedBackupVault(Construct& scope, std::string id, std::string backup_vault_arn)
    : Construct(scope, std::move(id)), arn_(std::move(backup_vault_arn)) {
  static const Regex kArn("^arn:aws[a-z-]*:backup:[a-z0-9-]+:([0-9]{12}):backup-vault:([^:/]+)$");
  if (auto groups = kArn.full_match_groups(arn_)) {
    account_ = (*groups)[1];
    name_ = (*groups)[2];
  }
}

void ImportedBackupVault::validate(std::vector<std::string>& errors) const {
  if (account_.empty()) {
    errors.push_back(fmt::format("\"{}\" is not the ARN of a backup vault; expected "
                                 "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME (ACCOUNT 12 digits)",
                                 arn_));
  } else if (!vault_name_pattern().full_match(name_)) {
    errors.push_back(fmt::format("backup vault ARN \"{}\" names vault \"{}\"; vault names match ^[a-zA-Z0-9_-]{{2,50}}$",
                                 arn_, name_));
  }
}

BackupVault::BackupVault(Construct& scope, std::string id, BackupVaultProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  name_ = props_.backup_vault_name ? *props_.backup_vault_name : generated_vault_name(*this);
  if (props_.access_policy) access_policy_ = *props_.access_policy;
  CfnBackupVault::Props l1;
  l1.backup_vault_name = name_;
  if (props_.encryption_key) l1.encryption_key_arn = props_.encryption_key->key_arn();
  if (props_.notification_topic_arn) {
    auto events = props_.notification_events.empty() ? all_backup_vault_events() : props_.notification_events;
    l1.notifications = CfnBackupVault::NotificationObjectTypeProperty{
        .backup_vault_events = std::vector<cfn::String>(events.begin(), events.end()),
        .sns_topic_arn = *props_.notification_topic_arn};
  }
  if (const auto& lock = props_.lock_configuration) {
    CfnBackupVault::LockConfigurationTypeProperty rendered{.min_retention_days = lock->min_retention_days};
    if (lock->max_retention_days) rendered.max_retention_days = *lock->max_retention_days;
    if (lock->changeable_for_days) rendered.changeable_for_days = *lock->changeable_for_days;
    l1.lock_configuration = std::move(rendered);
  }
  resource_ = &add<CfnBackupVault>("Resource", std::move(l1));
  resource_->apply_removal_policy(props_.removal_policy);
}

ImportedBackupVault& BackupVault::from_backup_vault_arn(Construct& scope, std::string id, std::string arn) {
  return scope.add<ImportedBackupVault>(std::move(id), std::move(arn));
}

Value BackupVault::backup_vault_name() const { return resource_->get_att("BackupVaultName"); }
Value BackupVault::backup_vault_arn() const { return resource_->attr_backup_vault_arn(); }

void BackupVault::add_to_access_policy(iam::PolicyStatement statement) {
  access_policy_.add_statement(std::move(statement));
}

void BackupVault::block_recovery_point_deletion() {
  add_to_access_policy(iam::PolicyStatement({.effect = iam::Effect::Deny,
                                             .actions = {"backup:DeleteRecoveryPoint",
                                                         "backup:UpdateRecoveryPointLifecycle"},
                                             .resources = {"*"},
                                             .principals = {iam::AnyPrincipal()}}));
}

void BackupVault::prepare() {
  // An empty access policy is left out, as aws-cdk-lib's PolicyDocument.toJSON does.
  if (!access_policy_.empty()) resource_->props().access_policy = access_policy_.to_value();
}

void BackupVault::validate(std::vector<std::string>& errors) const {
  if (!vault_name_pattern().full_match(name_))
    errors.push_back(fmt::format("backup vault name \"{}\" is not allowed; use 2-50 letters, digits, '-' and '_' "
                                 "(^[a-zA-Z0-9_-]{{2,50}}$)",
                                 name_));
  for (auto& e : access_policy_.validate_for_resource_policy()) errors.push_back("access policy: " + e);
  if (const auto& lock = props_.lock_configuration) {
    if (lock->min_retention_days < 1)
      errors.push_back(fmt::format("lock configuration: min_retention_days {} is not allowed; the shortest is 1 day",
                                   lock->min_retention_days));
    if (lock->max_retention_days && *lock->max_retention_days > 36500)
      errors.push_back(fmt::format("lock configuration: max_retention_days {} is not allowed; the longest is 36500 days",
                                   *lock->max_retention_days));
    if (lock->max_retention_days && *lock->max_retention_days <= lock->min_retention_days)
      errors.push_back(fmt::format("lock configuration: max_retention_days ({}) must be greater than "
                                   "min_retention_days ({})",
                                   *lock->max_retention_days, lock->min_retention_days));
    if (lock->changeable_for_days && *lock->changeable_for_days < 3)
      errors.push_back(fmt::format("lock configuration: changeable_for_days {} is not allowed; AWS Backup enforces a "
                                   "72-hour cooling-off period (at least 3 days)",
                                   *lock->changeable_for_days));
  }
}

}  // namespace opsynth::backup
