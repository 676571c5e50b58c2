// The generated L1 classes (spec/generate_l1.py) and the schema validator (src/cfn/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "opsynth/cfn/all.hpp"
#include "opsynth/cfn/registry.hpp"
#include "opsynth/cfn/schema.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"

using namespace opsynth;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

struct Fixture {
  App app;
  Stack& stack = app.add<Stack>("prod-x-OpsStack", StackProps{.env = {"123456789012", "eu-west-2"}});

  SynthResult synth() { return synthesize(app); }
  Json resource(const SynthResult& r, const std::string& logical_id) {
    const auto* a = r.assembly.find("prod-x-OpsStack");
    EXPECT_NE(a, nullptr);
    return a ? a->template_json()["Resources"][logical_id] : Json();
  }
};

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
  return out;
}

}  // namespace

TEST(CfnL1, RendersPropertiesWithSchemaNamesSortedByName) {
  Fixture f;
  auto& topic = f.stack.add<cfn::sns::CfnTopic>(
      "Topic", cfn::sns::CfnTopicProps{
                   .display_name = "Ops alerts",
                   .fifo_topic = false,
                   .subscription = {cfn::sns::CfnTopic::SubscriptionProperty{.endpoint = "ops@example.com",
                                                                             .protocol = "email"}},
                   .topic_name = "ops-alerts",
               });
  topic.props().kms_master_key_id = "alias/aws/sns";  // L2s change props after construction
  auto r = f.synth();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  Json res = f.resource(r, topic.logical_id());
  EXPECT_EQ(res["Type"], "AWS::SNS::Topic");
  EXPECT_THAT(keys(res["Properties"]),
              ElementsAre("DisplayName", "FifoTopic", "KmsMasterKeyId", "Subscription", "TopicName"));
  EXPECT_EQ(res["Properties"]["Subscription"], Json::parse(R"([{"Endpoint":"ops@example.com","Protocol":"email"}])"));
  EXPECT_EQ(res["Properties"]["FifoTopic"], false);
}

TEST(CfnL1, AttributesAndRefPointAtTheResource) {
  Fixture f;
  auto& topic = f.stack.add<cfn::sns::CfnTopic>("Topic");
  auto& sub = f.stack.add<cfn::sns::CfnSubscription>(
      "Sub", cfn::sns::CfnSubscriptionProps{
                 .endpoint = "ops@example.com", .protocol = "email", .topic_arn = topic.attr_topic_arn()});
  auto& policy = f.stack.add<cfn::sns::CfnTopicPolicy>(
      "Policy", cfn::sns::CfnTopicPolicyProps{
                    .policy_document = Value::object({{"Version", "2012-10-17"}, {"Statement", Value::list({})}}),
                    .topics = {topic.ref()}});
  auto r = f.synth();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  EXPECT_EQ(f.resource(r, sub.logical_id())["Properties"]["TopicArn"],
            (Json{{"Fn::GetAtt", {topic.logical_id(), "TopicArn"}}}));
  EXPECT_EQ(f.resource(r, policy.logical_id())["Properties"]["Topics"], (Json::array({{{"Ref", topic.logical_id()}}})));
}

TEST(CfnL1, MissingRequiredPropertyFailsSynth) {
  Fixture f;
  f.stack.add<cfn::sns::CfnSubscription>("Sub", cfn::sns::CfnSubscriptionProps{.topic_arn = "arn:aws:sns:eu-west-2:1:t"});
  auto r = f.synth();
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(r.errors(), Contains("prod-x-OpsStack/Sub: Properties.Protocol: required property is missing"));
}

TEST(CfnL1, WrongEnumNamesTheAllowedValues) {
  Fixture f;
  f.stack.add<cfn::cloudwatch::CfnAlarm>("HealthAlarm", cfn::cloudwatch::CfnAlarmProps{
                                                            .comparison_operator = "LessThan",
                                                            .evaluation_periods = 1,
                                                            .metric_name = "Errors",
                                                        });
  auto r = f.synth();
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.errors(), Contains(HasSubstr("prod-x-OpsStack/HealthAlarm: Properties.ComparisonOperator: \"LessThan\" "
                                             "is not one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, ")));
}

TEST(CfnL1, NumericEnumAndRange) {
  Fixture f;
  f.stack.add<cfn::logs::CfnLogGroup>("Logs", cfn::logs::CfnLogGroupProps{.retention_in_days = 2});
  f.stack.add<cfn::cloudwatch::CfnAlarm>("Alarm", cfn::cloudwatch::CfnAlarmProps{
                                                      .comparison_operator = "GreaterThanThreshold",
                                                      .evaluation_periods = 0,
                                                      .metric_name = "Errors",
                                                  });
  auto r = f.synth();
  EXPECT_THAT(r.errors(), Contains(HasSubstr("prod-x-OpsStack/Logs: Properties.RetentionInDays: 2 is not one of 1, 3, 5, 7")));
  EXPECT_THAT(r.errors(), Contains("prod-x-OpsStack/Alarm: Properties.EvaluationPeriods: 0 is less than the minimum 1"));
}

TEST(CfnL1, OverLongString) {
  Fixture f;
  f.stack.add<cfn::sns::CfnTopic>("Topic", cfn::sns::CfnTopicProps{.topic_name = std::string(300, 'a')});
  auto r = f.synth();
  EXPECT_THAT(r.errors(), Contains(HasSubstr("prod-x-OpsStack/Topic: Properties.TopicName: \"aaaa")));
  EXPECT_THAT(r.errors(), Contains(HasSubstr("is longer than the maximum length 256 (length 300)")));
}

TEST(CfnL1, UnknownPropertySuggestsTheNearest) {
  Fixture f;
  auto& topic = f.stack.add<cfn::sns::CfnTopic>("Topic");
  topic.set_property("DisplayNam", "x");
  auto r = f.synth();
  EXPECT_THAT(r.errors(),
              ElementsAre("prod-x-OpsStack/Topic: Properties.DisplayNam: unknown property; did you mean DisplayName?"));
}

TEST(CfnL1, NestedPathsAndPatterns) {
  Fixture f;
  f.stack.add<cfn::sns::CfnTopic>(
      "Topic", cfn::sns::CfnTopicProps{.subscription = {cfn::sns::CfnTopic::SubscriptionProperty{.protocol = "email"}}});
  f.stack.add<cfn::lambda::CfnPermission>("Perm", cfn::lambda::CfnPermissionProps{
                                                      .action = "invoke",
                                                      .function_name = "fn",
                                                      .principal = "events.amazonaws.com",
                                                  });
  auto r = f.synth();
  EXPECT_THAT(r.errors(), Contains("prod-x-OpsStack/Topic: Properties.Subscription[0].Endpoint: required property is missing"));
  EXPECT_THAT(r.errors(), Contains(HasSubstr("prod-x-OpsStack/Perm: Properties.Action: \"invoke\" does not match the pattern")));
}

TEST(CfnL1, IntrinsicsSkipChecks) {
  Fixture f;
  auto& param = f.stack.add<CfnParameter>("Op", CfnParameterProps{});
  f.stack.add<cfn::cloudwatch::CfnAlarm>("Alarm", cfn::cloudwatch::CfnAlarmProps{
                                                      .comparison_operator = param.value(),
                                                      .evaluation_periods = param.value(),
                                                      .metric_name = "Errors",
                                                  });
  f.stack.add<cfn::sns::CfnTopic>("Topic", cfn::sns::CfnTopicProps{
                                               .subscription = param.value(),
                                               .topic_name = fn::join("-", {param.value(), std::string(300, 'a')}),
                                           });
  auto r = f.synth();
  EXPECT_THAT(r.errors(), IsEmpty());
}

TEST(CfnL1, UniqueItemsRejectRepeatedLiteralItemsOnly) {
  using Query = cfn::cloudwatch::CfnAlarm::MetricDataQueryProperty;
  Fixture f;
  const Query e1{.expression = "m1 * 2", .id = "e1"};
  const Query by_ref{.expression = fn::join("", {f.stack.add<cfn::sns::CfnTopic>("Topic").ref()}), .id = "e2"};
  f.stack.add<cfn::cloudwatch::CfnAlarm>("Alarm", cfn::cloudwatch::CfnAlarmProps{
                                                      .comparison_operator = "GreaterThanThreshold",
                                                      .evaluation_periods = 1,
                                                      .metrics = {by_ref, by_ref, e1, e1},
                                                  });
  auto r = f.synth();
  EXPECT_THAT(r.errors(), ElementsAre("prod-x-OpsStack/Alarm: Properties.Metrics[3]: duplicate item "
                                      "{\"Expression\":\"m1 * 2\",\"Id\":\"e1\"} (items must be unique)"));
}

// The first item equal to any earlier one is reported, once; items that differ in one nested
// value are distinct (the check compares only items whose hashes match).
TEST(CfnL1, UniqueItemsReportTheFirstRepeatOfAnyEarlierItem) {
  using Query = cfn::cloudwatch::CfnAlarm::MetricDataQueryProperty;
  Fixture f;
  const Query a{.expression = "m1 * 2", .id = "a"};
  const Query b{.expression = "m1 * 2", .id = "b"};
  const Query c{.expression = "m1 * 3", .id = "a"};
  f.stack.add<cfn::cloudwatch::CfnAlarm>("Alarm", cfn::cloudwatch::CfnAlarmProps{
                                                      .comparison_operator = "GreaterThanThreshold",
                                                      .evaluation_periods = 1,
                                                      .metrics = {a, b, c, b, a},
                                                  });
  auto r = f.synth();
  EXPECT_THAT(r.errors(), ElementsAre("prod-x-OpsStack/Alarm: Properties.Metrics[3]: duplicate item "
                                      "{\"Expression\":\"m1 * 2\",\"Id\":\"b\"} (items must be unique)"));
}

// A scope's tag is checked once per resource type and remembered only when valid: a bad one is
// still reported on every resource that carries it, a good one on none.
TEST(CfnL1, AScopeTagIsReportedOnEveryResourceItBreaks) {
  Fixture f;
  Tags::of(f.stack).add("Owner", "ops");
  Tags::of(f.stack).add("Note", std::string(300, 'x'));  // SNS tag values have at most 256 characters
  f.stack.add<cfn::sns::CfnTopic>("A");
  f.stack.add<cfn::sns::CfnTopic>("B");
  auto r = f.synth();
  const std::string tail = ": Properties.Tags[0].Value: \"" + std::string(77, 'x') +
                           "...\" is longer than the maximum length 256 (length 300)";
  EXPECT_THAT(r.errors(), ElementsAre("prod-x-OpsStack/A" + tail, "prod-x-OpsStack/B" + tail));
}

TEST(CfnL1, OneOfRequiredAlternatives) {
  Fixture f;
  f.stack.add<cfn::iam::CfnPolicy>("Policy", cfn::iam::CfnPolicyProps{
                                                 .policy_document = opsynth::Json::object(),
                                                 .policy_name = "p",
                                             });
  f.stack.add<cfn::cloudwatch::CfnAlarm>("Alarm", cfn::cloudwatch::CfnAlarmProps{
                                                      .comparison_operator = "GreaterThanThreshold",
                                                      .evaluation_periods = 1,
                                                  });
  auto r = f.synth();
  EXPECT_THAT(r.errors(), Contains("prod-x-OpsStack/Policy: Properties: at least one of these property sets must be "
                                   "given: Users | Groups | Roles"));
  EXPECT_THAT(r.errors(), Contains(HasSubstr("prod-x-OpsStack/Alarm: Properties: exactly one of Metrics, MetricName must be set")));
}

TEST(CfnL1, TagsFromPropsMergeWithScopeTags) {
  Fixture f;
  auto& topic = f.stack.add<cfn::sns::CfnTopic>(
      "Topic", cfn::sns::CfnTopicProps{.tags = {cfn::CfnTag{"team", "ops"}, cfn::CfnTag{"env", "props"}}});
  auto& vault = f.stack.add<cfn::backup::CfnBackupVault>("Vault", cfn::backup::CfnBackupVaultProps{
                                                                       .backup_vault_name = "vault",
                                                                       .backup_vault_tags = {{"team", "ops"}},
                                                                   });
  Tags::of(f.stack).add("env", "prod");
  auto r = f.synth();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  EXPECT_EQ(f.resource(r, topic.logical_id())["Properties"]["Tags"],
            Json::parse(R"([{"Key":"env","Value":"prod"},{"Key":"team","Value":"ops"}])"));
  EXPECT_EQ(f.resource(r, vault.logical_id())["Properties"]["BackupVaultTags"],
            Json::parse(R"({"env":"prod","team":"ops"})"));
}

// A tag whose value (or key) is an intrinsic still merges with the scopes' tags. Expected output
// from aws-cdk-lib 2.276 for the same tree (Tags.of(stack) adds Team and Alpha): it sorts the
// entry in by key, lets a scope's tag win over it, and puts entries with an intrinsic key first.
TEST(CfnL1, TagsWithIntrinsicsMergeWithScopeTags) {
  Fixture f;
  auto& a = f.stack.add<cfn::sns::CfnTopic>(
      "A", cfn::sns::CfnTopicProps{.tags = {cfn::CfnTag{"Zed", fn::import_value("Y")}, cfn::CfnTag{"Mid", "v"}}});
  auto& b = f.stack.add<cfn::sns::CfnTopic>("B", cfn::sns::CfnTopicProps{.tags = {cfn::CfnTag{"Team", fn::import_value("Y")}}});
  auto& c = f.stack.add<cfn::sns::CfnTopic>("C", cfn::sns::CfnTopicProps{.tags = {cfn::CfnTag{fn::import_value("K"), "v"}}});
  Tags::of(f.stack).add("Team", "ops");
  Tags::of(f.stack).add("Alpha", "inherited");
  auto r = f.synth();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  EXPECT_EQ(f.resource(r, a.logical_id())["Properties"]["Tags"],
            Json::parse(R"([{"Key":"Alpha","Value":"inherited"},{"Key":"Mid","Value":"v"},{"Key":"Team","Value":"ops"},)"
                        R"({"Key":"Zed","Value":{"Fn::ImportValue":"Y"}}])"));
  EXPECT_EQ(f.resource(r, b.logical_id())["Properties"]["Tags"],
            Json::parse(R"([{"Key":"Alpha","Value":"inherited"},{"Key":"Team","Value":"ops"}])"));
  EXPECT_EQ(f.resource(r, c.logical_id())["Properties"]["Tags"],
            Json::parse(R"([{"Key":{"Fn::ImportValue":"K"},"Value":"v"},{"Key":"Alpha","Value":"inherited"},)"
                        R"({"Key":"Team","Value":"ops"}])"));
}

// The same for a map of tags (aws-cdk-lib 2.276's output for the same tree).
TEST(CfnL1, MapTagsWithIntrinsicsMergeWithScopeTags) {
  Fixture f;
  auto& a = f.stack.add<cfn::backup::CfnBackupVault>(
      "A", cfn::backup::CfnBackupVaultProps{.backup_vault_name = "vault-a",
                                            .backup_vault_tags = {{"Zed", fn::import_value("Y")}, {"Mid", "v"}}});
  auto& b = f.stack.add<cfn::backup::CfnBackupVault>(
      "B", cfn::backup::CfnBackupVaultProps{.backup_vault_name = "vault-b", .backup_vault_tags = {{"Team", fn::import_value("Y")}}});
  Tags::of(f.stack).add("Team", "ops");
  Tags::of(f.stack).add("Alpha", "inherited");
  auto r = f.synth();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  EXPECT_EQ(f.resource(r, a.logical_id())["Properties"]["BackupVaultTags"],
            Json::parse(R"({"Alpha":"inherited","Mid":"v","Team":"ops","Zed":{"Fn::ImportValue":"Y"}})"));
  EXPECT_EQ(f.resource(r, b.logical_id())["Properties"]["BackupVaultTags"],
            Json::parse(R"({"Alpha":"inherited","Team":"ops"})"));
}

// A whole tag property given as one intrinsic (e.g. Fn::If) is kept as it is; it cannot take
// tags from the resource's scopes. aws-cdk-lib 2.276 fails synthesis there, for lists and maps:
// "Cannot combine literal tags with a Tags property that is a single unresolved intrinsic".
TEST(CfnL1, AWholeIntrinsicTagPropertyCannotTakeScopeTags) {
  Fixture f;
  auto& cond = f.stack.add<CfnCondition>("IsProd", fn::equals(aws::account_id(), "123456789012"));
  auto tag_list = fn::if_(cond, ValueList{Value::object({{"Key", "a"}, {"Value", "b"}})}, ValueList{});
  auto tag_map = fn::if_(cond, Value::object({{"a", "b"}}), Value::object({}));
  auto& topic = f.stack.add<cfn::sns::CfnTopic>("Topic", cfn::sns::CfnTopicProps{.tags = cfn::List<cfn::Object<cfn::CfnTag>>(tag_list)});
  auto& vault = f.stack.add<cfn::backup::CfnBackupVault>(
      "Vault", cfn::backup::CfnBackupVaultProps{.backup_vault_name = "vault-v", .backup_vault_tags = cfn::Map<cfn::String>(tag_map)});

  auto alone = f.synth();  // without scope tags the intrinsic is rendered as given
  ASSERT_TRUE(alone.ok()) << ::testing::PrintToString(alone.errors());
  EXPECT_EQ(f.resource(alone, topic.logical_id())["Properties"]["Tags"],
            Json::parse(R"({"Fn::If":["IsProd",[{"Key":"a","Value":"b"}],[]]})"));
  EXPECT_EQ(f.resource(alone, vault.logical_id())["Properties"]["BackupVaultTags"],
            Json::parse(R"({"Fn::If":["IsProd",{"a":"b"},{}]})"));

  Tags::of(f.stack).add("Team", "ops");
  auto r = f.synth();
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.errors(), ElementsAre(HasSubstr("prod-x-OpsStack/Topic: Tags is a single intrinsic"),
                                      HasSubstr("prod-x-OpsStack/Vault: BackupVaultTags is a single intrinsic")));
  EXPECT_THAT(r.errors()[0], HasSubstr("Team"));  // names the scope tags it cannot take
}

TEST(CfnL1, TagsRenderInTheirSortedPlace) {
  Fixture f;
  auto& topic = f.stack.add<cfn::sns::CfnTopic>("Topic", cfn::sns::CfnTopicProps{.topic_name = "t"});
  Tags::of(f.stack).add("env", "prod");
  auto r = f.synth();
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  EXPECT_THAT(keys(f.resource(r, topic.logical_id())["Properties"]), ElementsAre("Tags", "TopicName"));
}

TEST(CfnL1, RegistryKnowsCreateOnlyProperties) {
  const auto* info = cfn::find_schema_info("AWS::SNS::Topic");
  ASSERT_NE(info, nullptr);
  EXPECT_THAT(std::vector<std::string_view>(info->create_only.begin(), info->create_only.end()),
              Contains("/properties/TopicName"));
  EXPECT_THAT(std::vector<std::string_view>(info->read_only.begin(), info->read_only.end()),
              Contains("/properties/TopicArn"));
  EXPECT_TRUE(info->taggable);
  EXPECT_EQ(info->tag_property, "Tags");
  EXPECT_EQ(cfn::find_schema_info("AWS::Backup::BackupVault")->tag_property, "BackupVaultTags");
  EXPECT_EQ(cfn::find_schema_info("AWS::Nope::Nothing"), nullptr);
  EXPECT_GE(cfn::all_schema_infos().size(), 24u);
  for (const auto& i : cfn::all_schema_infos()) EXPECT_EQ(i.rules->type_name, i.type_name);
}

TEST(CfnL1, ValidatorWorksOnRawValues) {
  const auto* info = cfn::find_schema_info("AWS::DynamoDB::Table");
  ASSERT_NE(info, nullptr);
  std::vector<std::string> errors;
  cfn::validate_properties(*info->rules,
                           Value::literal(opsynth::Json::parse(R"({"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                                                                   "BillingMode":"PAY_PER_REQUEST",
                                                                   "TableName":{"Ref":"Name"}})")),
                           errors);
  EXPECT_THAT(errors, IsEmpty());
  cfn::validate_properties(*info->rules, Value::literal(opsynth::Json::parse(R"({"KeySchema":"nope","TableNam":"t"})")),
                           errors);
  EXPECT_THAT(errors, Contains("Properties.TableNam: unknown property; did you mean TableName?"));
}

TEST(CfnL1, EditDistance) {
  EXPECT_EQ(cfn::edit_distance("DisplayNam", "DisplayName"), 1u);
  EXPECT_EQ(cfn::edit_distance("", "abc"), 3u);
  EXPECT_EQ(cfn::edit_distance("kitten", "sitting"), 3u);
}

TEST(CfnL1, TypedValuesHoldLiteralsOrIntrinsics) {
  cfn::String s = "x";
  EXPECT_TRUE(s.is_literal());
  EXPECT_EQ(s.str(), "x");
  cfn::String r = aws::region();
  EXPECT_FALSE(r.is_literal());
  EXPECT_THROW((void)r.str(), std::logic_error);
  cfn::List<cfn::String> l = {"a", "b"};
  EXPECT_EQ(l.size(), 2u);
  cfn::List<cfn::String> split = fn::split(",", "a,b");
  EXPECT_TRUE(split.is_intrinsic());
  cfn::Object<cfn::sns::CfnTopic::SubscriptionProperty> o;
  o->protocol = "email";
  auto copy = o;
  copy->protocol = "sqs";
  EXPECT_EQ(o->protocol->str(), "email");  // copies are deep
  EXPECT_EQ(cfn::Boolean(true).boolean(), true);
  EXPECT_EQ(cfn::Number(5).number(), 5.0);
}
