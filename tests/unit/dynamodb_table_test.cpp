// dynamodb::Table renders like aws-cdk-lib's Table and refuses what DynamoDB refuses.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/dynamodb/table.hpp"
#include "opsynth/kms/key.hpp"
#include "opsynth/testing/template.hpp"

using namespace opsynth;
using ::testing::Contains;
using ::testing::HasSubstr;

namespace {

struct Fixture {
  App app;
  Stack& stack = app.add<Stack>("DataStack", StackProps{.env = {"123456789012", "eu-west-2"}});
};

dynamodb::TableProps keyed(dynamodb::TableProps p) {
  p.partition_key = {"pk", dynamodb::AttributeType::String};
  return p;
}

}  // namespace

TEST(DynamoDbTable, RendersKeysBillingPitrTtlAndRetainsByDefault) {
  Fixture f;
  f.stack.add<dynamodb::Table>("Table", dynamodb::TableProps{
                                            .partition_key = {"hashedSub", dynamodb::AttributeType::String},
                                            .sort_key = dynamodb::Attribute{"n", dynamodb::AttributeType::Number},
                                            .table_name = "submit-env-bundles",
                                            .billing_mode = dynamodb::BillingMode::PayPerRequest,
                                            .point_in_time_recovery = dynamodb::PointInTimeRecovery{},
                                            .time_to_live_attribute = "ttl"});
  auto t = assertions::Template::from_stack(f.stack);
  t.has_resource("AWS::DynamoDB::Table",
                 {{"Properties",
                   {{"AttributeDefinitions",
                     Json::array({{{"AttributeName", "hashedSub"}, {"AttributeType", "S"}},
                                  {{"AttributeName", "n"}, {"AttributeType", "N"}}})},
                    {"KeySchema", Json::array({{{"AttributeName", "hashedSub"}, {"KeyType", "HASH"}},
                                               {{"AttributeName", "n"}, {"KeyType", "RANGE"}}})},
                    {"BillingMode", "PAY_PER_REQUEST"},
                    {"ProvisionedThroughput", assertions::Match::absent()},
                    {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}},
                    {"TableName", "submit-env-bundles"},
                    {"TimeToLiveSpecification", {{"AttributeName", "ttl"}, {"Enabled", true}}}}},
                  {"UpdateReplacePolicy", "Retain"},
                  {"DeletionPolicy", "Retain"}});
  // The logical ID is aws-cdk-lib's (Table/Resource -> TableCD117FA1).
  EXPECT_NO_THROW(t.resource("TableCD117FA1"));
}

TEST(DynamoDbTable, ProvisionedByDefaultWithCdkCapacity) {
  Fixture f;
  f.stack.add<dynamodb::Table>("Table", keyed({}));
  assertions::Template::from_stack(f.stack).has_resource_properties(
      "AWS::DynamoDB::Table", {{"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}},
                               {"BillingMode", assertions::Match::absent()}});
}

TEST(DynamoDbTable, RecoveryPeriodStreamDeletionProtectionAndCustomerKey) {
  Fixture f;
  auto& key = f.stack.add<kms::Key>("Key");
  f.stack.add<dynamodb::Table>(
      "Table", keyed({.point_in_time_recovery = dynamodb::PointInTimeRecovery{.recovery_period_days = 7},
                      .encryption_key = &key,
                      .stream = dynamodb::StreamViewType::NewAndOldImages,
                      .deletion_protection = true,
                      .removal_policy = RemovalPolicy::Destroy}));
  auto t = assertions::Template::from_stack(f.stack);
  t.has_resource(
      "AWS::DynamoDB::Table",
      {{"Properties",
        {{"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}, {"RecoveryPeriodInDays", 7}}},
         {"SSESpecification",
          {{"SSEEnabled", true}, {"SSEType", "KMS"}, {"KMSMasterKeyId", {{"Fn::GetAtt", {"Key961B73FD", "Arn"}}}}}},
         {"StreamSpecification", {{"StreamViewType", "NEW_AND_OLD_IMAGES"}}},
         {"DeletionProtectionEnabled", true}}},
       {"DeletionPolicy", "Delete"}});
}

TEST(DynamoDbTable, AwsManagedAndDefaultEncryption) {
  Fixture f;
  f.stack.add<dynamodb::Table>("Managed", keyed({.encryption = dynamodb::TableEncryption::AwsManaged}));
  f.stack.add<dynamodb::Table>("Owned", keyed({.encryption = dynamodb::TableEncryption::Default}));
  auto t = assertions::Template::from_stack(f.stack);
  t.has_resource_properties("AWS::DynamoDB::Table", {{"SSESpecification", assertions::Match::object_equals(
                                                                              {{"SSEEnabled", true}})}});
  t.has_resource_properties("AWS::DynamoDB::Table", {{"SSESpecification", {{"SSEEnabled", false}}}});
}

TEST(DynamoDbTable, TableNameAndArnReferences) {
  Fixture f;
  auto& table = f.stack.add<dynamodb::Table>("Table", keyed({}));
  f.stack.add<CfnOutput>("Name", CfnOutputProps{.value = table.table_name()});
  f.stack.add<CfnOutput>("Arn", CfnOutputProps{.value = table.table_arn()});
  auto t = assertions::Template::from_stack(f.stack);
  t.has_output("Name", {{"Value", {{"Ref", "TableCD117FA1"}}}});
  t.has_output("Arn", {{"Value", {{"Fn::GetAtt", {"TableCD117FA1", "Arn"}}}}});
}

TEST(DynamoDbTable, RefusesBadInputWithClearMessages) {
  Fixture f;
  f.stack.add<dynamodb::Table>(
      "Bad", keyed({.table_name = "no spaces",
                    .billing_mode = dynamodb::BillingMode::PayPerRequest,
                    .read_capacity = 10,
                    .point_in_time_recovery = dynamodb::PointInTimeRecovery{.enabled = false, .recovery_period_days = 40},
                    .encryption = dynamodb::TableEncryption::CustomerManaged}));
  auto result = synthesize(f.app);
  ASSERT_FALSE(result.ok());
  auto errors = result.errors();
  EXPECT_THAT(errors, Contains(HasSubstr("DataStack/Bad: table name \"no spaces\" is not allowed")));
  EXPECT_THAT(errors, Contains(HasSubstr("capacity is set on a PAY_PER_REQUEST table")));
  EXPECT_THAT(errors, Contains(HasSubstr("point-in-time recovery period is set while point-in-time recovery is "
                                         "disabled")));
  EXPECT_THAT(errors, Contains(HasSubstr("point-in-time recovery period of 40 days is not allowed; use 1 to 35")));
  EXPECT_THAT(errors, Contains(HasSubstr("CustomerManaged needs encryption_key")));
}
