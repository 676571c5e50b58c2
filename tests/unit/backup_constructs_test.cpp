// backup::BackupVault / BackupPlan / BackupSelection render like aws-cdk-lib's and refuse
// what AWS Backup refuses.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "opsynth/backup/plan.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/logical_id.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/dynamodb/table.hpp"
#include "opsynth/iam/principal.hpp"
#include "opsynth/kms/key.hpp"
#include "opsynth/testing/template.hpp"

using namespace opsynth;
using std::chrono::days;
using std::chrono::hours;
using ::testing::Contains;
using ::testing::HasSubstr;

namespace {

constexpr const char* kRemoteVault = "arn:aws:backup:eu-west-2:333333333333:backup-vault:diy-submit-backup-vault";

Json aws_managed_policy(const std::string& name) {
  return {{"Fn::Join", {"", {"arn:", {{"Ref", "AWS::Partition"}}, ":iam::aws:policy/" + name}}}};
}

struct Fixture {
  App app;
  Stack& stack = app.add<Stack>("prod-env-DataStack", StackProps{.env = {"222222222222", "eu-west-2"}});

  std::vector<std::string> errors() { return synthesize(app).errors(); }
};

}  // namespace

TEST(BackupSchedule, CronLikeCdkEventsSchedule) {
  EXPECT_EQ(backup::Schedule::cron({.minute = "0", .hour = "3"}).expression_string(), "cron(0 3 * * ? *)");
  EXPECT_EQ(backup::Schedule::cron({.minute = "0", .hour = "5", .week_day = "SAT"}).expression_string(),
            "cron(0 5 ? * SAT *)");
  EXPECT_EQ(backup::Schedule::cron({.minute = "0", .hour = "5", .day = "1"}).expression_string(), "cron(0 5 1 * ? *)");
  EXPECT_THAT(backup::Schedule::cron({.day = "1", .week_day = "MON"}).error(), HasSubstr("both day and week_day"));
}

TEST(BackupVault, RendersNameKeyPolicyLockNotificationsAndRetains) {
  Fixture f;
  auto& key = f.stack.add<kms::Key>("Key");
  auto& vault = f.stack.add<backup::BackupVault>(
      "Vault", backup::BackupVaultProps{.backup_vault_name = "my-vault",
                                        .encryption_key = &key,
                                        .lock_configuration = backup::LockConfiguration{.min_retention_days = 7,
                                                                                        .max_retention_days = 365,
                                                                                        .changeable_for_days = 3},
                                        .notification_topic_arn = Value("arn:aws:sns:eu-west-2:222222222222:t"),
                                        .notification_events = {"COPY_JOB_FAILED"}});
  vault.add_to_access_policy(iam::PolicyStatement({.actions = {"backup:CopyIntoBackupVault"},
                                                   .resources = {"*"},
                                                   .principals = {iam::AccountPrincipal("111111111111")}}));
  auto t = assertions::Template::from_stack(f.stack);
  t.has_resource(
      "AWS::Backup::BackupVault",
      {{"Properties",
        {{"BackupVaultName", "my-vault"},
         {"EncryptionKeyArn", {{"Fn::GetAtt", {"Key961B73FD", "Arn"}}}},
         {"AccessPolicy",
          {{"Statement", Json::array({{{"Action", "backup:CopyIntoBackupVault"}, {"Resource", "*"}}})},
           {"Version", "2012-10-17"}}},
         {"LockConfiguration", {{"MinRetentionDays", 7}, {"MaxRetentionDays", 365}, {"ChangeableForDays", 3}}},
         {"Notifications",
          {{"BackupVaultEvents", Json::array({"COPY_JOB_FAILED"})}, {"SNSTopicArn", "arn:aws:sns:eu-west-2:222222222222:t"}}}}},
       {"DeletionPolicy", "Retain"},
       {"UpdateReplacePolicy", "Retain"}});
}

TEST(BackupVault, RefusesANameWithADot) {
  Fixture f;
  f.stack.add<backup::BackupVault>("Vault", backup::BackupVaultProps{.backup_vault_name = "diy.submit"});
  EXPECT_THAT(f.errors(), Contains(HasSubstr("prod-env-DataStack/Vault: backup vault name \"diy.submit\" is not "
                                             "allowed; use 2-50 letters, digits, '-' and '_'")));
}

TEST(BackupVault, RefusesAnImpossibleLock) {
  Fixture f;
  f.stack.add<backup::BackupVault>(
      "Vault", backup::BackupVaultProps{.lock_configuration = backup::LockConfiguration{
                                            .min_retention_days = 30, .max_retention_days = 10, .changeable_for_days = 1}});
  auto errors = f.errors();
  EXPECT_THAT(errors, Contains(HasSubstr("max_retention_days (10) must be greater than min_retention_days (30)")));
  EXPECT_THAT(errors, Contains(HasSubstr("72-hour cooling-off period")));
}

TEST(BackupVault, ImportByArnValidatesTheArn) {
  Fixture f;
  auto& ok = backup::BackupVault::from_backup_vault_arn(f.stack, "Good", kRemoteVault);
  EXPECT_EQ(ok.backup_vault_name(), Value("diy-submit-backup-vault"));
  EXPECT_EQ(ok.account(), "333333333333");
  backup::BackupVault::from_backup_vault_arn(f.stack, "Bad", "arn:aws:s3:::diy-submit-backup-333333333333");
  EXPECT_THAT(f.errors(), Contains(HasSubstr("prod-env-DataStack/Bad: \"arn:aws:s3:::diy-submit-backup-333333333333\" "
                                             "is not the ARN of a backup vault; expected "
                                             "arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME")));
}

TEST(BackupPlan, RendersTheSeedRuleWithCopyActionAndDefaultVault) {
  Fixture f;
  auto& dest = backup::BackupVault::from_backup_vault_arn(f.stack, "DestVault", kRemoteVault);
  auto& plan = f.stack.add<backup::BackupPlan>("BackupPlan", backup::BackupPlanProps{.backup_plan_name = "p"});
  plan.add_rule({.rule_name = "DailyBackup",
                 .schedule = backup::Schedule::cron({.minute = "0", .hour = "3"}),
                 .start_window = hours(1),
                 .completion_window = hours(2),
                 .delete_after = days(35),
                 .copy_actions = {{.destination = &dest, .move_to_cold_storage_after = days(90), .delete_after = days(365)}}});
  auto t = assertions::Template::from_stack(f.stack);
  t.has_resource_properties(
      "AWS::Backup::BackupPlan",
      {{"BackupPlan",
        {{"BackupPlanName", "p"},
         {"BackupPlanRule",
          Json::array({{{"RuleName", "DailyBackup"},
                        {"ScheduleExpression", "cron(0 3 * * ? *)"},
                        {"StartWindowMinutes", 60},
                        {"CompletionWindowMinutes", 120},
                        {"Lifecycle", assertions::Match::object_equals({{"DeleteAfterDays", 35}})},
                        {"TargetBackupVault", {{"Fn::GetAtt", {"BackupPlanVault758FCE49", "BackupVaultName"}}}},
                        {"CopyActions", Json::array({{{"DestinationBackupVaultArn", kRemoteVault},
                                                      {"Lifecycle", {{"DeleteAfterDays", 365},
                                                                     {"MoveToColdStorageAfterDays", 90}}}}})}}})}}}});
  // aws-cdk-lib's generated vault name: Names.uniqueId of the vault, retained.
  t.has_resource("AWS::Backup::BackupVault",
                 {{"Properties", assertions::Match::object_equals(
                                     {{"BackupVaultName", "prodenvDataStackBackupPlanVaultF7C2EA05"}})},
                  {"DeletionPolicy", "Retain"}});
}

TEST(BackupPlan, DefaultRuleNameAndPlanName) {
  Fixture f;
  auto& plan = f.stack.add<backup::BackupPlan>("Plan", backup::BackupPlanProps{.rules = {{.delete_after = days(7)}}});
  (void)plan;
  assertions::Template::from_stack(f.stack).has_resource_properties(
      "AWS::Backup::BackupPlan",
      {{"BackupPlan", {{"BackupPlanName", "Plan"}, {"BackupPlanRule", Json::array({{{"RuleName", "PlanRule0"}}})}}}});
}

TEST(BackupPlan, RefusesColdStorageShorterThanNinetyDays) {
  Fixture f;
  auto& dest = backup::BackupVault::from_backup_vault_arn(f.stack, "DestVault", kRemoteVault);
  f.stack.add<backup::BackupPlan>(
      "Plan", backup::BackupPlanProps{.rules = {{.rule_name = "DailyBackup",
                                                 .delete_after = days(100),
                                                 .move_to_cold_storage_after = days(90),
                                                 .copy_actions = {{.destination = &dest,
                                                                   .move_to_cold_storage_after = days(90),
                                                                   .delete_after = days(100)}}}}});
  auto errors = f.errors();
  EXPECT_THAT(errors, Contains(HasSubstr("prod-env-DataStack/Plan: rule \"DailyBackup\": delete_after 100 days is less "
                                         "than 90 days after move_to_cold_storage_after 90 days")));
  EXPECT_THAT(errors, Contains(HasSubstr(std::string("rule \"DailyBackup\" copy action to ") + kRemoteVault +
                                         ": delete_after 100 days is less than 90 days after "
                                         "move_to_cold_storage_after 90 days; AWS Backup keeps cold storage at least "
                                         "90 days, so delete after 180 days or later")));
}

TEST(BackupPlan, RefusesNoRulesBadWindowsAndRateSchedules) {
  Fixture f;
  f.stack.add<backup::BackupPlan>("Empty");
  f.stack.add<backup::BackupPlan>(
      "Plan", backup::BackupPlanProps{.rules = {{.rule_name = "R",
                                                 .schedule = backup::Schedule::expression("rate(1 day)"),
                                                 .start_window = std::chrono::minutes(30),
                                                 .completion_window = std::chrono::minutes(20)}}});
  auto errors = f.errors();
  EXPECT_THAT(errors, Contains(HasSubstr("prod-env-DataStack/Empty: a backup plan needs at least one rule")));
  EXPECT_THAT(errors, Contains(HasSubstr("schedule \"rate(1 day)\" is not allowed; AWS Backup takes cron(...)")));
  EXPECT_THAT(errors, Contains(HasSubstr("start_window 30 minutes is not allowed; the shortest is 60 minutes")));
  EXPECT_THAT(errors, Contains(HasSubstr("completion_window (20 minutes) must be longer than start_window")));
}

TEST(BackupSelection, CreatesTheBackupRoleAndSelectsTableArns) {
  Fixture f;
  auto& table = f.stack.add<dynamodb::Table>("Table", dynamodb::TableProps{.partition_key = {"pk"}});
  auto& plan = f.stack.add<backup::BackupPlan>("Plan", backup::BackupPlanProps{.rules = {{.delete_after = days(7)}}});
  plan.add_selection("Selection", {.resources = {backup::BackupResource::from_dynamodb_table(table),
                                                 backup::BackupResource::from_tag("backup", "daily")},
                                   .allow_restores = true});
  auto t = assertions::Template::from_stack(f.stack);
  t.has_resource_properties(
      "AWS::IAM::Role",
      {{"AssumeRolePolicyDocument",
        {{"Statement", Json::array({{{"Action", "sts:AssumeRole"}, {"Principal", {{"Service", "backup.amazonaws.com"}}}}})}}},
       {"ManagedPolicyArns", Json::array({aws_managed_policy("service-role/AWSBackupServiceRolePolicyForBackup"),
                                          aws_managed_policy("service-role/AWSBackupServiceRolePolicyForRestores")})}});
  t.has_resource_properties(
      "AWS::Backup::BackupSelection",
      {{"BackupPlanId", {{"Fn::GetAtt", {make_unique_id({"Plan", "Resource"}), "BackupPlanId"}}}},
       {"BackupSelection",
        {{"SelectionName", "Selection"},
         {"IamRoleArn", {{"Fn::GetAtt", {"PlanSelectionRole6D10F4B7", "Arn"}}}},
         {"Resources", Json::array({{{"Fn::GetAtt", {"TableCD117FA1", "Arn"}}}})},
         {"ListOfTags", Json::array({{{"ConditionKey", "backup"},
                                      {"ConditionType", "STRINGEQUALS"},
                                      {"ConditionValue", "daily"}}})}}}});
}

TEST(BackupSelection, RefusesAnEmptySelection) {
  Fixture f;
  auto& plan = f.stack.add<backup::BackupPlan>("Plan", backup::BackupPlanProps{.rules = {{.delete_after = days(7)}}});
  plan.add_selection("Nothing", {});
  EXPECT_THAT(f.errors(), Contains(HasSubstr("prod-env-DataStack/Plan/Nothing: a backup selection needs at least one "
                                             "resource")));
}
