#include "opsynth_stacks/backup_account_stack.hpp"

#include "opsynth/backup/vault.hpp"
#include "opsynth/iam/policy_statement.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/kms/key.hpp"
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

// The restore policy, scoped (the seed allows its four actions on "*"): the source tables and
// their backups, restore targets in this account, the backup bucket and its objects, the key.
iam::PolicyDocument restore_policy(Stack& stack, const BackupAccountStackProps& props, const s3::Bucket& bucket,
                                   const kms::Key& key) {
  std::vector<Value> tables;
  for (const auto& arn : props.source_table_arns) {
    tables.emplace_back(arn);
    tables.emplace_back(arn + "/backup/*");
  }
  tables.push_back(fn::concat({"arn:aws:dynamodb:", stack.region(), ":", stack.account(), ":table/*"}));
  return iam::PolicyDocument({
      iam::PolicyStatement({.actions = {"dynamodb:RestoreTableFromBackup", "dynamodb:RestoreTableToPointInTime"},
                            .resources = std::move(tables)}),
      iam::PolicyStatement({.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")}}),
      iam::PolicyStatement({.actions = {"s3:ListBucket"}, .resources = {bucket.bucket_arn()}}),
      iam::PolicyStatement({.actions = {"kms:Decrypt", "kms:DescribeKey"}, .resources = {key.key_arn()}}),
  });
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

  add<iam::Role>("CrossAccountBackupRole",
                 iam::RoleProps{.assumed_by = iam::ServicePrincipal("backup.amazonaws.com"),
                                .role_name = Value(kCrossAccountBackupRoleName),
                                .managed_policies = {iam::ManagedPolicy::from_aws_managed_policy_name(
                                                         "service-role/AWSBackupServiceRolePolicyForBackup"),
                                                     iam::ManagedPolicy::from_aws_managed_policy_name(
                                                         "service-role/AWSBackupServiceRolePolicyForRestores")}});

  auto& restore_role = add<iam::Role>(
      "RestoreRole",
      iam::RoleProps{.assumed_by = iam::CompositePrincipal({iam::AccountPrincipal(props.source_account_id),
                                                            iam::ServicePrincipal("backup.amazonaws.com")}),
                     .role_name = Value(kRestoreRoleName),
                     .inline_policies = {{"restore-policy", restore_policy(*this, props, bucket, key)}}});

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
