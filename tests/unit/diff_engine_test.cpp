// The diff engine: JSON templates in, a StackDiff out (no files, no app).
#include <gtest/gtest.h>

#include "opsynth/diff/report.hpp"
#include "opsynth/diff/template_diff.hpp"

namespace opsynth::diff {
namespace {

Json table(const std::string& name, const char* deletion_policy = "Retain") {
  Json t = {{"Type", "AWS::DynamoDB::Table"},
            {"Properties",
             {{"TableName", name},
              {"BillingMode", "PAY_PER_REQUEST"},
              {"KeySchema", Json::array({{{"AttributeName", "id"}, {"KeyType", "HASH"}}})}}}};
  if (deletion_policy != nullptr) {
    t["UpdateReplacePolicy"] = deletion_policy;
    t["DeletionPolicy"] = deletion_policy;
  }
  return t;
}

Json topic(const std::string& display_name) {
  return {{"Type", "AWS::SNS::Topic"}, {"Properties", {{"DisplayName", display_name}}}};
}

Json template_of(Json resources, Json outputs = Json::object()) {
  Json t = {{"Resources", std::move(resources)}};
  if (!outputs.empty()) t["Outputs"] = std::move(outputs);
  return t;
}

const ResourceChange& only_resource(const StackDiff& d) {
  EXPECT_EQ(d.resources.size(), 1u);
  return d.resources.front();
}

TEST(DiffEngine, NothingChangedIsEmptyAndNotBlocked) {
  auto t = template_of({{"Table", table("orders")}, {"Topic", topic("Alerts")}}, {{"Name", {{"Value", "x"}}}});
  auto d = diff_stack("S", t, t, {});
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(d.blocked());
  EXPECT_EQ(render_stack_diff(d), "Stack S\nThere were no differences\n");
}

TEST(DiffEngine, KeyOrderDoesNotMatter) {
  Json before = template_of({{"Topic", {{"Type", "AWS::SNS::Topic"}, {"Properties", {{"A", 1}, {"B", 2}}}}}});
  Json after = template_of({{"Topic", {{"Properties", {{"B", 2}, {"A", 1}}}, {"Type", "AWS::SNS::Topic"}}}});
  EXPECT_TRUE(diff_stack("S", before, after, {}).empty());
}

TEST(DiffEngine, AddedRemovedAndUpdatedResources) {
  auto before = template_of({{"Old", topic("old")}, {"Kept", topic("v1")}});
  auto after = template_of({{"Kept", topic("v2")}, {"New", topic("new")}});
  auto d = diff_stack("S", before, after, {});
  ASSERT_EQ(d.resources.size(), 3u);  // sorted by logical ID
  EXPECT_EQ(d.resources[0].logical_id, "Kept");
  EXPECT_EQ(d.resources[0].action, Action::Update);
  ASSERT_EQ(d.resources[0].changes.size(), 1u);
  EXPECT_EQ(d.resources[0].changes[0].path, "Properties.DisplayName");
  EXPECT_EQ(*d.resources[0].changes[0].old_value, "v1");
  EXPECT_EQ(*d.resources[0].changes[0].new_value, "v2");
  EXPECT_EQ(d.resources[0].changes[0].replacement, Replacement::No);
  EXPECT_EQ(d.resources[1].logical_id, "New");
  EXPECT_EQ(d.resources[1].action, Action::Add);
  EXPECT_EQ(d.resources[2].logical_id, "Old");
  EXPECT_EQ(d.resources[2].action, Action::Destroy);
  EXPECT_FALSE(d.blocked());  // topics hold no data
  EXPECT_EQ(render_stack_diff(d),
            "Stack S\nResources\n"
            "[~] AWS::SNS::Topic Kept\n"
            "    [~] Properties.DisplayName: \"v1\" → \"v2\"\n"
            "[+] AWS::SNS::Topic New\n"
            "[-] AWS::SNS::Topic Old (destroy)\n"
            "    why: removed from the template; CloudFormation deletes it\n");
}

TEST(DiffEngine, NestedPathsNameArrayPositions) {
  auto before = template_of({{"Table", table("orders")}});
  auto after = before;
  after["Resources"]["Table"]["Properties"]["KeySchema"][0]["AttributeName"] = "pk";
  auto d = diff_stack("S", before, after, {});
  const auto& r = only_resource(d);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].path, "Properties.KeySchema[0].AttributeName");
}

TEST(DiffEngine, CreateOnlyChangeReplacesAndBlocksAStatefulResource) {
  auto d = diff_stack("prod-env-DataStack", template_of({{"Table", table("orders")}}),
                      template_of({{"Table", table("orders-v2")}}), {});
  const auto& r = only_resource(d);
  EXPECT_EQ(r.action, Action::Replace);
  EXPECT_TRUE(r.stateful);
  EXPECT_TRUE(r.blocked);
  EXPECT_TRUE(d.blocked());
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].path, "Properties.TableName");
  EXPECT_EQ(r.changes[0].replacement, Replacement::Yes);
  auto messages = blocking_messages(d);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0],
            "prod-env-DataStack: Table (AWS::DynamoDB::Table) would be replaced: create-only property TableName "
            "changed; it is stateful and its data would be lost to the stack. If this is intended, pass "
            "--allow-replace Table");
  auto text = render_stack_diff(d);
  EXPECT_NE(text.find("[~] AWS::DynamoDB::Table Table (replace) BLOCKED\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[~] Properties.TableName (requires replacement): \"orders\" → \"orders-v2\"\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("UpdateReplacePolicy Retain keeps the old resource"), std::string::npos) << text;
}

TEST(DiffEngine, AllowReplaceAcceptsTheNamedResourceOnly) {
  auto before = template_of({{"Orders", table("orders")}, {"Receipts", table("receipts")}});
  auto after = template_of({{"Orders", table("orders-v2")}, {"Receipts", table("receipts-v2")}});
  auto d = diff_stack("S", before, after, {{"Orders"}});
  ASSERT_EQ(d.resources.size(), 2u);
  EXPECT_EQ(d.resources[0].action, Action::Replace);
  EXPECT_FALSE(d.resources[0].blocked);
  EXPECT_TRUE(d.resources[1].blocked);
  EXPECT_TRUE(d.blocked());
  EXPECT_FALSE(diff_stack("S", before, after, {{"Orders", "Receipts"}}).blocked());
}

TEST(DiffEngine, InPlaceUpdateOfAStatefulResourceIsNotBlocked) {
  auto before = template_of({{"Table", table("orders")}});
  auto after = before;
  after["Resources"]["Table"]["Properties"]["BillingMode"] = "PROVISIONED";
  auto d = diff_stack("S", before, after, {});
  EXPECT_EQ(only_resource(d).action, Action::Update);
  EXPECT_FALSE(d.blocked());
}

TEST(DiffEngine, TypeChangeReplaces) {
  Json before = template_of({{"Store", {{"Type", "AWS::SNS::Topic"}}}});
  Json after = template_of({{"Store", {{"Type", "AWS::S3::Bucket"}}}});
  auto d = diff_stack("S", before, after, {});
  const auto& r = only_resource(d);
  EXPECT_EQ(r.action, Action::Replace);
  EXPECT_EQ(r.reason, "Type changed from AWS::SNS::Topic to AWS::S3::Bucket");
  EXPECT_TRUE(r.blocked);  // the new type is stateful
  ASSERT_FALSE(r.changes.empty());
  EXPECT_EQ(r.changes[0].path, "Type");
}

TEST(DiffEngine, DeletingAStatefulResourceBlocks) {
  auto d = diff_stack("S", template_of({{"Table", table("orders", nullptr)}}), template_of(Json::object()), {});
  const auto& r = only_resource(d);
  EXPECT_EQ(r.action, Action::Destroy);
  EXPECT_TRUE(r.blocked);
}

TEST(DiffEngine, RetainedRemovalIsAnOrphanAndStillNeedsAllowReplace) {
  auto before = template_of({{"Table", table("orders", "Retain")}});
  auto d = diff_stack("S", before, template_of(Json::object()), {});
  const auto& r = only_resource(d);
  EXPECT_EQ(r.action, Action::Orphan);
  EXPECT_TRUE(r.blocked);
  EXPECT_NE(render_stack_diff(d).find("[-] AWS::DynamoDB::Table Table (orphaned (retained)) BLOCKED"),
            std::string::npos);
  EXPECT_FALSE(diff_stack("S", before, template_of(Json::object()), {{"Table"}}).blocked());
}

TEST(DiffEngine, ChangedLogicalIdIsARemovalAndAnAdditionWithTheDataGoingWithTheRemoval) {
  auto d = diff_stack("S", template_of({{"TableOld", table("orders")}}), template_of({{"TableNew", table("orders")}}),
                      {});
  ASSERT_EQ(d.resources.size(), 2u);
  const auto& added = d.resources[0];
  const auto& removed = d.resources[1];
  EXPECT_EQ(added.action, Action::Add);
  EXPECT_FALSE(added.blocked);
  EXPECT_EQ(removed.action, Action::Orphan);
  EXPECT_TRUE(removed.blocked);
  ASSERT_EQ(removed.notes.size(), 1u);
  EXPECT_EQ(removed.notes[0],
            "if TableNew is this resource under a new logical ID: the data goes with this removal; TableNew starts empty");
}

TEST(DiffEngine, ConditionallyCreateOnlyMayReplaceAndBlocksAStatefulResource) {
  // The DynamoDB schema lists KeySchema under conditionalCreateOnlyProperties.
  auto before = template_of({{"Table", table("orders")}});
  auto after = before;
  after["Resources"]["Table"]["Properties"]["KeySchema"][0]["AttributeName"] = "pk";
  auto d = diff_stack("S", before, after, {});
  const auto& r = only_resource(d);
  EXPECT_EQ(r.action, Action::MayReplace);
  EXPECT_EQ(r.changes[0].replacement, Replacement::Maybe);
  EXPECT_EQ(r.reason, "property KeySchema may require replacement (conditionally create-only)");
  EXPECT_TRUE(r.blocked);
  EXPECT_NE(render_stack_diff(d).find("(may require replacement)"), std::string::npos);
}

TEST(DiffEngine, TypeWithoutASchemaSaysReplacementIsNotPredicted) {
  Json before = template_of({{"Thing", {{"Type", "Custom::Thing"}, {"Properties", {{"A", 1}}}}}});
  Json after = before;
  after["Resources"]["Thing"]["Properties"]["A"] = 2;
  auto d = diff_stack("S", before, after, {});
  const auto& r = only_resource(d);
  EXPECT_EQ(r.action, Action::Update);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0], "no schema for Custom::Thing in spec/: a replacement cannot be predicted");
}

TEST(DiffEngine, OutputsAndParametersAreCompared) {
  Json before = template_of({{"Topic", topic("a")}}, {{"TopicName", {{"Value", "a"}}}, {"Gone", {{"Value", "g"}}}});
  before["Parameters"] = {{"BootstrapVersion", {{"Type", "AWS::SSM::Parameter::Value<String>"}}}};
  Json after = template_of({{"Topic", topic("a")}}, {{"TopicName", {{"Value", "b"}}}, {"Added", {{"Value", "n"}}}});
  auto d = diff_stack("S", before, after, {});
  EXPECT_TRUE(d.resources.empty());
  ASSERT_EQ(d.outputs.size(), 3u);
  EXPECT_EQ(d.outputs[0].name, "Added");
  EXPECT_EQ(d.outputs[0].action, Action::Add);
  EXPECT_EQ(d.outputs[1].name, "Gone");
  EXPECT_EQ(d.outputs[1].action, Action::Destroy);
  EXPECT_EQ(d.outputs[2].name, "TopicName");
  ASSERT_EQ(d.outputs[2].changes.size(), 1u);
  EXPECT_EQ(d.outputs[2].changes[0].path, "Value");
  ASSERT_EQ(d.parameters.size(), 1u);
  EXPECT_EQ(d.parameters[0].action, Action::Destroy);
  EXPECT_FALSE(d.blocked());
  EXPECT_NE(render_stack_diff(d).find("Outputs\n[+] Added\n    {\"Value\":\"n\"}\n[-] Gone\n"), std::string::npos);
}

TEST(DiffEngine, LongValuesAreCutInTheReport) {
  std::string long_name(500, 'x');
  auto d = diff_stack("S", template_of({{"Topic", topic("a")}}), template_of({{"Topic", topic(long_name)}}), {});
  auto text = render_stack_diff(d);
  EXPECT_EQ(text.find(long_name), std::string::npos);
  EXPECT_NE(text.find("…"), std::string::npos);
}

}  // namespace
}  // namespace opsynth::diff
