#include "opsynth_stacks/data_stack.hpp"

#include <chrono>

#include <fmt/format.h>

#include "opsynth/backup/plan.hpp"
#include "opsynth/cfn/iam/role.hpp"
#include "opsynth/cfn/s3/bucket.hpp"
#include "opsynth/dynamodb/table.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/nag/suppressions.hpp"
#include "opsynth/s3/bucket.hpp"

namespace opsynth::seed {
namespace {

using std::chrono::days;
using std::chrono::hours;

// Keys, billing and TTL as in the original project's DataStack.java; point-in-time recovery on
// every table and RETAIN on deletion and replacement (a replaced table is lost data).
dynamodb::Table& add_table(Stack& stack, std::string id, std::string table_name, std::string sort_key) {
  return stack.add<dynamodb::Table>(
      std::move(id), dynamodb::TableProps{.partition_key = {"hashedSub", dynamodb::AttributeType::String},
                                          .sort_key = dynamodb::Attribute{std::move(sort_key),
                                                                          dynamodb::AttributeType::String},
                                          .table_name = std::move(table_name),
                                          .billing_mode = dynamodb::BillingMode::PayPerRequest,
                                          .point_in_time_recovery = dynamodb::PointInTimeRecovery{},
                                          .time_to_live_attribute = "ttl",
                                          .removal_policy = RemovalPolicy::Retain});
}

}  // namespace

DataStackProps data_stack_props(const SeedConfig& c) {
  DataStackProps p;
  p.stack.env = {c.target_account(), c.region};
  p.resource_name_prefix = c.env_prefix();
  p.table_names = {c.bundles_table_name(), c.receipts_table_name(), c.hmrc_api_requests_table_name()};
  p.backup_account_vault_arn = c.backup_vault_arn();
  p.backup_account_id = c.backup_account_id;
  p.backup_bucket_name = c.backup_bucket_name();
  p.source_bucket_name = c.source_bucket_name();
  return p;
}

std::vector<std::string> deployment_prerequisites(const SeedConfig& c) {
  const std::string region = c.region;
  return {
      fmt::format("AWS Organizations: the {} account {} and the backup account {} must be members of the "
                  "organization{} (check from the management account {}: aws organizations describe-account "
                  "--account-id {} ; aws organizations describe-account --account-id {})",
                  c.env_name, c.target_account(), c.backup_account_id,
                  c.organization_id.empty() ? "" : " " + c.organization_id, c.management_account_id, c.target_account(),
                  c.backup_account_id),
      fmt::format("AWS Backup cross-account copies must be enabled once in the organization's management account {}: "
                  "aws organizations enable-aws-service-access --service-principal backup.amazonaws.com ; "
                  "aws backup update-global-settings --global-settings isCrossAccountBackupEnabled=true --region {}",
                  c.management_account_id, region),
      fmt::format("AWS Backup advanced DynamoDB features (needed to copy DynamoDB backups across accounts and to "
                  "cold storage) must be enabled in the {} account {} and the backup account {}: aws backup "
                  "update-region-settings --resource-type-opt-in-preference DynamoDB=true "
                  "--resource-type-management-preference DynamoDB=true --region {}",
                  c.env_name, c.target_account(), c.backup_account_id, region),
  };
}

DataStack::DataStack(Construct& scope, std::string id, DataStackProps props)
    : Stack(scope, std::move(id), props.stack) {
  auto& bundles = add_table(*this, "BundlesTable", props.table_names.bundles, "bundleId");
  auto& receipts = add_table(*this, "ReceiptsTable", props.table_names.receipts, "receiptId");
  auto& hmrc_api_requests = add_table(*this, "HmrcApiRequestsTable", props.table_names.hmrc_api_requests, "id");

  // The seed's daily plan: 35 days locally, copied to the backup account's vault. As in the
  // seed no local vault is given, so the plan creates BackupPlan/Vault (generated name).
  auto& destination = backup::BackupVault::from_backup_vault_arn(*this, "DestVault", props.backup_account_vault_arn);
  auto& plan = add<backup::BackupPlan>("BackupPlan", backup::BackupPlanProps{
                                                         .backup_plan_name = props.resource_name_prefix + "-backup-plan"});
  plan.add_rule({.rule_name = "DailyBackup",
                 .schedule = backup::Schedule::cron({.minute = "0", .hour = "3"}),
                 .start_window = hours(1),
                 .completion_window = hours(2),
                 .delete_after = days(35),
                 .copy_actions = {{.destination = &destination,
                                   .move_to_cold_storage_after = days(90),
                                   .delete_after = days(365)}}});
  auto& selection =
      plan.add_selection("DynamoDBSelection", {.resources = {backup::BackupResource::from_dynamodb_table(bundles),
                                                             backup::BackupResource::from_dynamodb_table(receipts)}});
  nag::add_resource_suppressions(
      selection.role().resource(),
      {{.id = "AwsSolutions-IAM4",
        .applies_to = nag::policy_finding(iam::ManagedPolicy::from_aws_managed_policy_name(
                                                 "service-role/AWSBackupServiceRolePolicyForBackup")
                                                 .managed_policy_arn()),
        .reason = "AWS Backup's own service-role policy is the documented permission set for backing up the "
                  "selected tables."}});

  // Source side of the seed's "S3 static assets -> cross-account replica": one versioned
  // assets bucket per environment replicating every object to the backup account's bucket,
  // replicas owned by the backup account. The role is named per environment (aws-cdk-lib's own
  // would always be CDKReplicationRole and collide when environments share the CI account).
  auto& backup_bucket = s3::Bucket::from_bucket_attributes(
      *this, "BackupAccountBucket",
      s3::BucketAttributes{.bucket_arn = "arn:aws:s3:::" + props.backup_bucket_name,
                           .account = Value(props.backup_account_id)});
  auto& replication_role = add<iam::Role>(
      "OriginAssetsReplicationRole",
      iam::RoleProps{.assumed_by = iam::ServicePrincipal("s3.amazonaws.com"),
                     .role_name = Value(props.resource_name_prefix + "-s3-replication-role")});
  auto& origin_assets = add<s3::Bucket>("OriginAssetsBucket",
                                        s3::BucketProps{.bucket_name = Value(props.source_bucket_name),
                                                        .encryption = s3::BucketEncryption::S3Managed,
                                                        .versioned = true,
                                                        .block_public_access = true,
                                                        .enforce_ssl = true,
                                                        .removal_policy = RemovalPolicy::Retain,
                                                        .replication_role = &replication_role,
                                                        .replication_rules = {{.destination = &backup_bucket,
                                                                               .id = "ReplicateToBackupAccount",
                                                                               .priority = 1,
                                                                               .access_control_transition = true,
                                                                               .delete_marker_replication = false}}});

  nag::add_resource_suppressions(
      origin_assets.resource(),
      {{.id = "AwsSolutions-S1",
        .reason = "Holds public static web assets written only by the deployment pipeline; request logging "
                  "belongs to the CloudFront distribution that serves them."}});

  add<CfnOutput>("ReceiptsTableName", CfnOutputProps{.value = receipts.table_name()});
  add<CfnOutput>("ReceiptsTableArn", CfnOutputProps{.value = receipts.table_arn()});
  add<CfnOutput>("BundlesTableName", CfnOutputProps{.value = bundles.table_name()});
  add<CfnOutput>("BundlesTableArn", CfnOutputProps{.value = bundles.table_arn()});
  add<CfnOutput>("HmrcApiRequestsTableName", CfnOutputProps{.value = hmrc_api_requests.table_name()});
  add<CfnOutput>("HmrcApiRequestsArn", CfnOutputProps{.value = hmrc_api_requests.table_arn()});
  add<CfnOutput>("OriginAssetsBucketName", CfnOutputProps{.value = origin_assets.bucket_name()});
  add<CfnOutput>("OriginAssetsBucketArn", CfnOutputProps{.value = origin_assets.bucket_arn()});
}

}  // namespace opsynth::seed
