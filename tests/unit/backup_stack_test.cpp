// The BackupAccountStack of the default app: what the backup account receives.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/testing/template.hpp"
#include "opsynth_stacks/backup_account_stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

using namespace opsynth;
namespace M = assertions::Match;

namespace {

Json account_root(const std::string& account) {
  return {{"Fn::Join", {"", {"arn:", {{"Ref", "AWS::Partition"}}, ":iam::" + account + ":root"}}}};
}

assertions::Template backup_template(Json context = Json::object()) {
  App app(AppOptions{.context = std::move(context)});
  std::vector<std::string> errors;
  auto config = seed::read_seed_config(app, errors);
  EXPECT_TRUE(errors.empty());
  auto& stack = app.add<seed::BackupAccountStack>(config.backup_stack_id(), seed::backup_account_stack_props(config));
  return assertions::Template::from_stack(stack);
}

}  // namespace

TEST(BackupAccountStack, KeyWithRotationAliasAndSourceAccountStatements) {
  auto t = backup_template();
  t.has_resource(
      "AWS::KMS::Key",
      {{"Properties",
        {{"EnableKeyRotation", true},
         {"KeyPolicy",
          {{"Statement",
            M::array_with({{{"Sid", "AllowSourceAccountBackupAndReplication"},
                            {"Principal", {{"AWS", account_root("222222222222")}}},
                            {"Condition",
                             {{"StringEquals",
                               {{"kms:ViaService", {"backup.eu-west-2.amazonaws.com", "s3.eu-west-2.amazonaws.com"}}}}}}},
                           {{"Sid", "AllowSourceAccountBackupGrants"},
                            {"Action", "kms:CreateGrant"},
                            {"Condition", {{"Bool", {{"kms:GrantIsForAWSResource", "true"}}}}}}})}}}}},
       {"DeletionPolicy", "Retain"}});
  t.has_resource_properties("AWS::KMS::Alias", {{"AliasName", "alias/diy-submit-backup"}});
}

TEST(BackupAccountStack, BucketEncryptedVersionedGlacierAndReplicationPolicy) {
  auto t = backup_template();
  t.has_resource(
      "AWS::S3::Bucket",
      {{"Properties",
        {{"BucketName", "diy-submit-backup-333333333333"},
         {"VersioningConfiguration", {{"Status", "Enabled"}}},
         {"BucketEncryption",
          {{"ServerSideEncryptionConfiguration",
            Json::array({{{"BucketKeyEnabled", true},
                          {"ServerSideEncryptionByDefault",
                           {{"SSEAlgorithm", "aws:kms"}, {"KMSMasterKeyID", {{"Fn::GetAtt", {"BackupKey60B97760", "Arn"}}}}}}}})}}},
         {"LifecycleConfiguration",
          {{"Rules", Json::array({{{"NoncurrentVersionExpiration", {{"NoncurrentDays", 365}}},
                                   {"Transitions", Json::array({{{"StorageClass", "GLACIER"}, {"TransitionInDays", 90}}})}}})}}},
         {"PublicAccessBlockConfiguration", {{"BlockPublicAcls", true}, {"RestrictPublicBuckets", true}}}}},
       {"DeletionPolicy", "Retain"},
       {"UpdateReplacePolicy", "Retain"}});
  t.has_resource_properties(
      "AWS::S3::BucketPolicy",
      {{"PolicyDocument",
        {{"Statement",
          M::array_with({{{"Effect", "Deny"}, {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}}},
                         {{"Action", {"s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags",
                                      "s3:ObjectOwnerOverrideToBucketOwner"}},
                          {"Principal", {{"AWS", account_root("222222222222")}}}}})}}}});
}

TEST(BackupAccountStack, VaultWithKeyAndCopyPolicyScopedByOrganization) {
  auto t = backup_template({{"organizationId", "o-abcdefghij"}});
  t.has_resource("AWS::Backup::BackupVault",
                 {{"Properties",
                   {{"BackupVaultName", "diy-submit-backup-vault"},
                    {"EncryptionKeyArn", {{"Fn::GetAtt", {"BackupKey60B97760", "Arn"}}}},
                    {"AccessPolicy",
                     {{"Statement", Json::array({{{"Sid", "AllowCopyFromSourceAccount"},
                                                  {"Action", "backup:CopyIntoBackupVault"},
                                                  {"Principal", {{"AWS", account_root("222222222222")}}},
                                                  {"Condition", {{"StringEquals", {{"aws:PrincipalOrgID", "o-abcdefghij"}}}}}}})}}}}},
                  {"DeletionPolicy", "Retain"}});
  // Without an organization id the statement has no condition.
  backup_template().has_resource_properties(
      "AWS::Backup::BackupVault",
      {{"AccessPolicy", {{"Statement", Json::array({{{"Condition", M::absent()}}})}}}});
}

TEST(BackupAccountStack, RolesAndScopedRestorePolicy) {
  auto t = backup_template();
  t.has_resource_properties("AWS::IAM::Role", {{"RoleName", "diy-submit-cross-account-backup"},
                                               {"ManagedPolicyArns", M::any_value()}});
  t.has_resource_properties(
      "AWS::IAM::Role",
      {{"RoleName", "diy-submit-restore-role"},
       {"Policies",
        Json::array({{{"PolicyName", "restore-policy"},
                      {"PolicyDocument",
                       {{"Statement",
                         M::array_with({{{"Action", {"dynamodb:RestoreTableFromBackup",
                                                     "dynamodb:RestoreTableToPointInTime"}},
                                         {"Resource", {"arn:aws:dynamodb:eu-west-2:222222222222:table/submit-env-bundles",
                                                       "arn:aws:dynamodb:eu-west-2:222222222222:table/submit-env-bundles/backup/*",
                                                       "arn:aws:dynamodb:eu-west-2:222222222222:table/submit-env-receipts",
                                                       "arn:aws:dynamodb:eu-west-2:222222222222:table/submit-env-receipts/backup/*",
                                                       "arn:aws:dynamodb:eu-west-2:333333333333:table/*"}}}})}}}}})}});
  // Nothing in the restore policy is allowed on "*".
  for (const auto& [id, role] : t.find_resources("AWS::IAM::Role", {{"Properties", {{"RoleName", "diy-submit-restore-role"}}}}))
    EXPECT_EQ(role["Properties"]["Policies"].dump().find("\"Resource\":\"*\""), std::string::npos) << id;
}

TEST(BackupAccountStack, OutputsTheArnsTheSourceAccountNeeds) {
  auto t = backup_template();
  t.has_output("BackupBucketArn", {{"Value", {{"Fn::GetAtt", {"BackupBucket26B8E51C", "Arn"}}}}});
  t.has_output("BackupVaultArn", {{"Value", "arn:aws:backup:eu-west-2:333333333333:backup-vault:diy-submit-backup-vault"}});
  t.has_output("RestoreRoleArn", {{"Value", {{"Fn::GetAtt", {"RestoreRole76935C4A", "Arn"}}}}});
  t.has_output("BackupKeyArn", {{"Value", {{"Fn::GetAtt", {"BackupKey60B97760", "Arn"}}}}});
}
