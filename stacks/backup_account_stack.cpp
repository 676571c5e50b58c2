#include "opsynth_stacks/backup_account_stack.hpp"

#include "opsynth/backup/vault.hpp"
#include "opsynth/cfn/iam/role.hpp"
#include "opsynth/cfn/s3/bucket.hpp"
#include "opsynth/iam/policy_statement.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/kms/key.hpp"
#include "opsynth/nag/suppressions.hpp"
#include "opsynth/s3/bucket.hpp"

namespace opsynth::seed {
namespace {

// The backup-account names are fixed by the seed (one environment's BackupStack per account).
constexpr const char* kKeyAlias = "alias/diy-submit-backup";
constexpr const char* kCrossAccountBackupRoleName = "diy-submit-cross-account-backup";
constexpr const char* kRestoreRoleName = "diy-submit-restore-role";

// The source account may use the key only through AWS Backup (copy jobs) and S3 (replication).
void allow_source_account_on_key(Stack& stack, kms::Key& key, const std::string& source_account) {
  auto via = [&](const char* service) { return fn::concat({service, stack.region(), ".amazonaws.com"}); };
  key.add_to_resource_policy(iam::PolicyStatement({
      .sid = "AllowSourceAccountBackupAndReplication",
      .actions = {"kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"},
      .resources = {"*"},
      .principals = {iam::AccountPrincipal(source_account)},
      .conditions = {{"StringEquals", Value::object({{"kms:ViaService", Value::list({via("backup."), via("s3.")})}})}},
  }));
  key.add_to_resource_policy(iam::PolicyStatement({
      .sid = "AllowSourceAccountBackupGrants",
      .actions = {"kms:CreateGrant"},
      .resources = {"*"},
      .principals = {iam::AccountPrincipal(source_account)},
      .conditions = {{"Bool", Value::object({{"kms:GrantIsForAWSResource", "true"}})}},
  }));
}

// The restore policy's wildcard resources: the source tables' backups, restore targets in this
// account (named at restore time) and the backup bucket's objects.
struct RestoreWildcards {
  std::vector<Value> table_backups;
  Value restore_targets;
  Value bucket_objects;
};

RestoreWildcards restore_wildcards(Stack& stack, const BackupAccountStackProps& props, const s3::Bucket& bucket) {
  RestoreWildcards w;
  for (const auto& arn : props.source_table_arns) w.table_backups.emplace_back(arn + "/backup/*");
  w.restore_targets = fn::concat({"arn:aws:dynamodb:", stack.region(), ":", stack.account(), ":table/*"});
  w.bucket_objects = bucket.arn_for_objects("*");
  return w;
}

// The restore policy, scoped (the seed allows its four actions on "*"): the source tables and
// their backups, restore targets in this account, the backup bucket and its objects, the key.
iam::PolicyDocument restore_policy(const BackupAccountStackProps& props, const RestoreWildcards& w,
                                   const s3::Bucket& bucket, const kms::Key& key) {
  std::vector<Value> tables;
  for (std::size_t i = 0; i < props.source_table_arns.size(); ++i) {
    tables.emplace_back(props.source_table_arns[i]);
    tables.push_back(w.table_backups[i]);
  }
  tables.push_back(w.restore_targets);
  return iam::PolicyDocument({
      iam::PolicyStatement({.actions = {"dynamodb:RestoreTableFromBackup", "dynamodb:RestoreTableToPointInTime"},
                            .resources = std::move(tables)}),
      iam::PolicyStatement({.actions = {"s3:GetObject"}, .resources = {w.bucket_objects}}),
      iam::PolicyStatement({.actions = {"s3:ListBucket"}, .resources = {bucket.bucket_arn()}}),
      iam::PolicyStatement({.actions = {"kms:Decrypt", "kms:DescribeKey"}, .resources = {key.key_arn()}}),
  });
}

// What cdk-nag's AwsSolutions pack reports here and is deliberate (tests/integration/cdk_nag.sh).
void suppress_accepted_findings(s3::Bucket& bucket, iam::Role& cross_account_backup_role,
                                const std::vector<iam::ManagedPolicy>& backup_service_policies, iam::Role& restore_role,
                                const RestoreWildcards& w) {
  nag::add_resource_suppressions(
      bucket.resource(), {{.id = "AwsSolutions-S1",
                           .reason = "Only S3 replication from the source account writes this backup bucket; a "
                                     "request log bucket in the backup account is not part of the seed's plan."}});
  std::vector<nag::Suppression> managed;
  for (const auto& policy : backup_service_policies)
    managed.push_back({.id = "AwsSolutions-IAM4",
                       .applies_to = nag::policy_finding(policy.managed_policy_arn()),
                       .reason = "AWS Backup's own service-role policies are the documented permission set for "
                                 "backup and restore jobs."});
  nag::add_resource_suppressions(cross_account_backup_role.resource(), managed);
  std::vector<nag::Suppression> restore;
  for (const auto& backups : w.table_backups)
    restore.push_back({.id = "AwsSolutions-IAM5",
                       .applies_to = nag::resource_finding(backups),
                       .reason = "Backup ARNs of a source table end in an id AWS assigns to each backup."});
  restore.push_back({.id = "AwsSolutions-IAM5",
                     .applies_to = nag::resource_finding(w.restore_targets),
                     .reason = "A disaster-recovery restore names its target table when it runs."});
  restore.push_back({.id = "AwsSolutions-IAM5",
                     .applies_to = nag::resource_finding(w.bucket_objects),
                     .reason = "A restore reads any replicated object of the backup bucket."});
  nag::add_resource_suppressions(restore_role.resource(), restore);
}

}  // namespace

BackupAccountStackProps backup_account_stack_props(const SeedConfig& c) {
  BackupAccountStackProps p;
  p.stack.env = {c.backup_account_id, c.region};
  p.source_account_id = c.target_account();
  p.source_bucket_arn = "arn:aws:s3:::" + c.source_bucket_name();
  p.source_table_arns = {c.table_arn(c.bundles_table_name()), c.table_arn(c.receipts_table_name())};
  p.organization_id = c.organization_id;
  return p;
}

BackupAccountStack::BackupAccountStack(Construct& scope, std::string id, BackupAccountStackProps props)
    : Stack(scope, std::move(id), props.stack) {
  // One customer managed key encrypts both the bucket and the vault (the seed lets the bucket
  // make its own key), so one key policy covers AWS Backup copies and S3 replication.
  auto& key = add<kms::Key>("BackupKey", kms::KeyProps{.description = "DIY Accounting Submit - cross-account backup key",
                                                       .alias = kKeyAlias,
                                                       .enable_key_rotation = true,
                                                       .removal_policy = RemovalPolicy::Retain});
  allow_source_account_on_key(*this, key, props.source_account_id);

  // The bucket that receives the source account's S3 replication.
  auto& bucket = add<s3::Bucket>(
      "BackupBucket",
      s3::BucketProps{.bucket_name = fn::concat({"diy-submit-backup-", account()}),
                      .encryption = s3::BucketEncryption::Kms,
                      .encryption_key = &key,
                      .bucket_key_enabled = true,
                      .versioned = true,
                      .lifecycle_rules = {{.transitions = {{s3::StorageClass::Glacier, 90}},
                                           .noncurrent_version_expiration_days = 365}},
                      .block_public_access = true,
                      .enforce_ssl = true,
                      .removal_policy = RemovalPolicy::Retain});
  // Replicas are owned by this account (the source rule sets Owner=Destination), and S3
  // replication checks the destination's versioning (AWS's cross-account replication example).
  bucket.add_to_resource_policy(iam::PolicyStatement(
      {.actions = {"s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"},
       .resources = {bucket.arn_for_objects("*")},
       .principals = {iam::AccountPrincipal(props.source_account_id)}}));
  bucket.add_to_resource_policy(iam::PolicyStatement({.actions = {"s3:GetBucketVersioning", "s3:PutBucketVersioning"},
                                                      .resources = {bucket.bucket_arn()},
                                                      .principals = {iam::AccountPrincipal(props.source_account_id)}}));

  // The vault that receives the source account's AWS Backup copies.
  iam::PolicyStatement copy({.sid = "AllowCopyFromSourceAccount",
                             .actions = {"backup:CopyIntoBackupVault"},
                             .resources = {"*"},
                             .principals = {iam::AccountPrincipal(props.source_account_id)}});
  if (!props.organization_id.empty()) copy.add_condition("StringEquals", "aws:PrincipalOrgID", props.organization_id);
  auto& vault = add<backup::BackupVault>("BackupVault",
                                         backup::BackupVaultProps{.backup_vault_name = std::string(kBackupVaultName),
                                                                  .encryption_key = &key,
                                                                  .access_policy = iam::PolicyDocument({copy}),
                                                                  .removal_policy = RemovalPolicy::Retain});

  // AWS Backup needs its service-role policies to back up and restore with this role.
  const std::vector<iam::ManagedPolicy> backup_service_policies{
      iam::ManagedPolicy::from_aws_managed_policy_name("service-role/AWSBackupServiceRolePolicyForBackup"),
      iam::ManagedPolicy::from_aws_managed_policy_name("service-role/AWSBackupServiceRolePolicyForRestores")};
  auto& cross_account_backup_role = add<iam::Role>(
      "CrossAccountBackupRole", iam::RoleProps{.assumed_by = iam::ServicePrincipal("backup.amazonaws.com"),
                                               .role_name = Value(kCrossAccountBackupRoleName),
                                               .managed_policies = backup_service_policies});

  const RestoreWildcards wildcards = restore_wildcards(*this, props, bucket);
  auto& restore_role = add<iam::Role>(
      "RestoreRole",
      iam::RoleProps{.assumed_by = iam::CompositePrincipal({iam::AccountPrincipal(props.source_account_id),
                                                            iam::ServicePrincipal("backup.amazonaws.com")}),
                     .role_name = Value(kRestoreRoleName),
                     .inline_policies = {{"restore-policy", restore_policy(props, wildcards, bucket, key)}}});
  suppress_accepted_findings(bucket, cross_account_backup_role, backup_service_policies, restore_role, wildcards);

  add<CfnOutput>("BackupBucketArn", CfnOutputProps{.value = bucket.bucket_arn()});
  // Written out from the vault's fixed name rather than Fn::GetAtt: moto does not create
  // AWS::Backup resources and fails a deploy that reads their attributes. It is also the exact
  // value the DataStack copies to (expected difference from aws-cdk-lib, see parity notes).
  add<CfnOutput>("BackupVaultArn",
                 CfnOutputProps{.value = fn::concat({"arn:aws:backup:", region(), ":", account(), ":backup-vault:",
                                                     vault.physical_name()})});
  add<CfnOutput>("RestoreRoleArn", CfnOutputProps{.value = restore_role.role_arn()});
  add<CfnOutput>("BackupKeyArn", CfnOutputProps{.value = key.key_arn()});
}

}  // namespace opsynth::seed
