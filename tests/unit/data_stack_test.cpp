// The DataStack of the default app: tables, the daily plan with its cross-account copy, the
// selection and the replication source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/testing/template.hpp"
#include "opsynth_stacks/data_stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

using namespace opsynth;
using ::testing::Contains;
using ::testing::HasSubstr;
namespace M = assertions::Match;

namespace {

struct Built {
  std::unique_ptr<App> app = std::make_unique<App>();
  seed::DataStack* stack = nullptr;
};

Built build(const std::function<void(seed::DataStackProps&)>& adjust = {}) {
  Built b;
  std::vector<std::string> errors;
  auto config = seed::read_seed_config(*b.app, errors);
  EXPECT_TRUE(errors.empty());
  auto props = seed::data_stack_props(config);
  if (adjust) adjust(props);
  b.stack = &b.app->add<seed::DataStack>(config.data_stack_id(), props);
  return b;
}

}  // namespace

TEST(DataStack, ThreeRetainedTablesWithPointInTimeRecovery) {
  auto b = build();
  auto t = assertions::Template::from_stack(*b.stack);
  t.resource_count_is("AWS::DynamoDB::Table", 3);
  for (const char* name : {"submit-env-bundles", "submit-env-receipts", "submit-env-hmrc-api-requests"})
    t.has_resource("AWS::DynamoDB::Table",
                   {{"Properties", {{"TableName", name},
                                    {"BillingMode", "PAY_PER_REQUEST"},
                                    {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}}},
                    {"DeletionPolicy", "Retain"},
                    {"UpdateReplacePolicy", "Retain"}});
}

TEST(DataStack, DailyPlanCopiesToTheBackupAccountVault) {
  auto b = build();
  auto t = assertions::Template::from_stack(*b.stack);
  t.has_resource_properties(
      "AWS::Backup::BackupPlan",
      {{"BackupPlan",
        {{"BackupPlanName", "submit-env-backup-plan"},
         {"BackupPlanRule",
          Json::array({{{"RuleName", "DailyBackup"},
                        {"ScheduleExpression", "cron(0 3 * * ? *)"},
                        {"StartWindowMinutes", 60},
                        {"CompletionWindowMinutes", 120},
                        {"Lifecycle", {{"DeleteAfterDays", 35}}},
                        {"CopyActions",
                         Json::array({{{"DestinationBackupVaultArn",
                                        "arn:aws:backup:eu-west-2:333333333333:backup-vault:diy-submit-backup-vault"},
                                       {"Lifecycle", {{"DeleteAfterDays", 365}, {"MoveToColdStorageAfterDays", 90}}}}})}}})}}}});
  t.has_resource_properties(
      "AWS::Backup::BackupSelection",
      {{"BackupSelection",
        {{"SelectionName", "DynamoDBSelection"},
         {"Resources", Json::array({{{"Fn::GetAtt", {"BundlesTableC38DC22E", "Arn"}}},
                                    {{"Fn::GetAtt", {"ReceiptsTable036B344A", "Arn"}}}})}}}});
}

TEST(DataStack, OriginAssetsReplicateToTheBackupAccountBucket) {
  auto b = build();
  auto t = assertions::Template::from_stack(*b.stack);
  t.has_resource_properties("AWS::IAM::Role", {{"RoleName", "submit-env-s3-replication-role"}});
  t.has_resource(
      "AWS::S3::Bucket",
      {{"Properties",
        {{"BucketName", "submit-env-origin-assets"},
         {"VersioningConfiguration", {{"Status", "Enabled"}}},
         {"ReplicationConfiguration",
          {{"Role", {{"Fn::GetAtt", {"OriginAssetsReplicationRole99493AF9", "Arn"}}}},
           {"Rules", Json::array({{{"Id", "ReplicateToBackupAccount"},
                                   {"Priority", 1},
                                   {"Status", "Enabled"},
                                   {"DeleteMarkerReplication", {{"Status", "Disabled"}}},
                                   {"Destination", {{"Bucket", "arn:aws:s3:::diy-submit-backup-333333333333"},
                                                    {"Account", "333333333333"},
                                                    {"AccessControlTranslation", {{"Owner", "Destination"}}}}}}})}}}}},
       {"DeletionPolicy", "Retain"}});
}

TEST(DataStack, RefusesAVaultArnThatIsNotABackupVault) {
  auto b = build([](seed::DataStackProps& p) { p.backup_account_vault_arn = "arn:aws:s3:::some-bucket"; });
  auto result = synthesize(*b.app);
  EXPECT_THAT(result.errors(), Contains(HasSubstr("prod-env-DataStack/DestVault: \"arn:aws:s3:::some-bucket\" is not "
                                                  "the ARN of a backup vault")));
}
