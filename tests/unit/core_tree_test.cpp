#include <gtest/gtest.h>

#include "opsynth/cfn/backup/backup_vault.hpp"
#include "opsynth/cfn/sns/topic.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"

namespace opsynth {
namespace {

bool has_error(const SynthResult& r, const std::string& text) {
  for (const auto& e : r.errors())
    if (e.find(text) != std::string::npos) return true;
  return false;
}

TEST(Tree, PathsExcludeTheApp) {
  App app;
  auto& s = app.add<Stack>("S");
  auto& c = s.add<Construct>("Group");
  auto& r = c.add<CfnResource>("Resource", "AWS::SNS::Topic");
  EXPECT_EQ(r.path(), "S/Group/Resource");
  EXPECT_EQ(&r.stack(), &s);
  EXPECT_EQ(r.logical_id(), "GroupC77FDACD");
  EXPECT_EQ(s.find_child("Group"), &c);
}

TEST(Tree, DuplicateSiblingIdIsReportedWithTheParentPath) {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<CfnResource>("Topic", "AWS::SNS::Topic");
  s.add<CfnResource>("Topic", "AWS::SNS::Topic");
  auto r = synthesize(app);
  EXPECT_TRUE(has_error(r, "S: there is already a construct with id \"Topic\" here")) << r.errors().front();
}

TEST(Tree, AllErrorsAreReportedAtOnce) {
  App app;
  auto& s = app.add<Stack>("S");
  auto& a = s.add<Construct>("A");
  a.add_validation([] { return std::vector<std::string>{"first problem"}; });
  auto& b = s.add<Construct>("B");
  b.add_validation([] { return std::vector<std::string>{"second problem"}; });
  auto r = synthesize(app);
  EXPECT_TRUE(has_error(r, "S/A: first problem"));
  EXPECT_TRUE(has_error(r, "S/B: second problem"));
}

// Stacks are validated and rendered one at a time; the report must still read in tree order,
// with logical-ID clashes after every construct's own errors, and an error in a later stack
// must leave no assembly behind.
TEST(Tree, ErrorsOfSeveralStacksKeepTreeOrder) {
  App app;
  auto& first = app.add<Stack>("First");
  first.add<CfnResource>("A-B", "AWS::SNS::Topic");
  first.add<CfnResource>("AB", "AWS::SNS::Topic");
  first.add<Construct>("C").add_validation([] { return std::vector<std::string>{"first stack problem"}; });
  auto& loose = app.add<Construct>("Loose");
  loose.add_validation([] { return std::vector<std::string>{"outside any stack"}; });
  auto& second = app.add<Stack>("Second");
  second.add<Construct>("D").add_validation([] { return std::vector<std::string>{"second stack problem"}; });
  const auto r = synthesize(app);
  const std::vector<std::string> errors = r.errors();
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_NE(errors[0].find("First/C: first stack problem"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("Loose: outside any stack"), std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find("Second/D: second stack problem"), std::string::npos) << errors[2];
  EXPECT_NE(errors[3].find("logical ID \"AB\" is already used by First/A-B"), std::string::npos) << errors[3];
}

TEST(Tree, AnErrorInALaterStackLeavesNoTemplates) {
  App app;
  app.add<Stack>("First").add<CfnResource>("Topic", "AWS::SNS::Topic");
  app.add<Stack>("Second").add<Construct>("D").add_validation([] { return std::vector<std::string>{"broken"}; });
  const auto r = synthesize(app);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.assembly.stacks.empty());
}

// Tag::cfn_tag() is cached; a copy must not keep the original's rendering once it is changed.
TEST(Tree, ACopiedTagRendersItsOwnFields) {
  const Tag original{"team", "ops"};
  EXPECT_EQ(original.cfn_tag(), Value::object({{"Key", "team"}, {"Value", "ops"}}));
  Tag copy = original;
  copy.value = "platform";
  EXPECT_EQ(copy.cfn_tag(), Value::object({{"Key", "team"}, {"Value", "platform"}}));
  EXPECT_EQ(original.cfn_tag(), Value::object({{"Key", "team"}, {"Value", "ops"}}));
}

TEST(Tree, LogicalIdCollisionIsAnError) {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<CfnResource>("A-B", "AWS::SNS::Topic");
  s.add<CfnResource>("AB", "AWS::SNS::Topic");
  auto r = synthesize(app);
  EXPECT_TRUE(has_error(r, "logical ID \"AB\" is already used by S/A-B")) << r.errors().front();
}

TEST(Tree, OverriddenLogicalIdIsUsed) {
  App app;
  auto& s = app.add<Stack>("S");
  auto& t = s.add<CfnResource>("Topic", "AWS::SNS::Topic");
  t.override_logical_id("Pinned");
  auto r = synthesize(app);
  EXPECT_TRUE(r.assembly.find("S")->template_json()["Resources"].contains("Pinned"));
}

// CloudFormation logical IDs are 1 to 255 letters and digits. An id with neither, directly under a
// stack, leaves aws-cdk-lib's algorithm nothing to keep; "Default" there leaves it no path at all.
TEST(Tree, AnIdThatGivesNoLogicalIdIsAnError) {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<CfnResource>("_", "AWS::SNS::Topic");
  s.add<CfnResource>("Default", "AWS::SNS::Topic");
  s.add<CfnResource>("Fine", "AWS::SNS::Topic");
  auto r = synthesize(app);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "S/_: the id \"_\" gives an empty logical ID")) << r.errors().front();
  EXPECT_TRUE(has_error(r, "S/Default: the id \"Default\" gives an empty logical ID")) << r.errors().front();
  EXPECT_TRUE(has_error(r, "letters (A-Z, a-z) or digits")) << r.errors().front();
  EXPECT_EQ(r.errors().size(), 2u) << r.errors().front();
}

TEST(Tree, AnOverriddenLogicalIdMustBeLettersAndDigits) {
  App app;
  auto& s = app.add<Stack>("S");
  s.add<CfnResource>("A", "AWS::SNS::Topic").override_logical_id("my-topic");
  s.add<CfnResource>("B", "AWS::SNS::Topic").override_logical_id("");
  s.add<CfnResource>("C", "AWS::SNS::Topic").override_logical_id(std::string(256, 'x'));
  s.add<CfnResource>("D", "AWS::SNS::Topic").override_logical_id(std::string(255, 'x'));
  auto r = synthesize(app);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_error(r, "S/A: logical ID \"my-topic\" is not valid")) << r.errors().front();
  EXPECT_TRUE(has_error(r, "S/B: logical ID \"\" is not valid")) << r.errors().front();
  EXPECT_TRUE(has_error(r, "S/C: logical ID \"xxx")) << r.errors().front();
  EXPECT_TRUE(has_error(r, "CloudFormation allows 1 to 255 letters (A-Z, a-z) and digits")) << r.errors().front();
  EXPECT_EQ(r.errors().size(), 3u) << r.errors().front();
}

TEST(Tree, ContextIsInheritedFromTheApp) {
  App app(AppOptions{Json{{"envName", "ci"}}});
  auto& s = app.add<Stack>("S");
  auto& c = s.add<Construct>("C");
  ASSERT_NE(c.try_get_context("envName"), nullptr);
  EXPECT_EQ(*c.try_get_context("envName"), "ci");
  c.set_context("envName", "prod");
  EXPECT_EQ(*c.try_get_context("envName"), "prod");
  EXPECT_EQ(*s.try_get_context("envName"), "ci");
  EXPECT_EQ(c.try_get_context("missing"), nullptr);
}

TEST(Resources, RenderInCdkKeyOrderWithSortedDependsOn) {
  App app;
  auto& s = app.add<Stack>("S", StackProps{.description = "d"});
  auto& b = s.add<CfnResource>("B", "AWS::SNS::Topic");
  auto& a = s.add<CfnResource>("A", "AWS::SNS::Topic");
  auto& t = s.add<CfnResource>("T", "AWS::SNS::Topic", ValueMap{{"TopicName", "x"}});
  t.add_depends_on(b);
  t.add_depends_on(a);
  t.apply_removal_policy(RemovalPolicy::Retain);
  t.add_resource_metadata("Note", "n");
  auto r = synthesize(app);
  const Json& tmpl = r.assembly.find("S")->template_json();
  EXPECT_EQ(tmpl.begin().key(), "Description");
  EXPECT_EQ(tmpl["Resources"]["T"].dump(),
            R"({"Type":"AWS::SNS::Topic","Properties":{"TopicName":"x"},"DependsOn":["A","B"],"UpdateReplacePolicy":"Retain","DeletionPolicy":"Retain","Metadata":{"Note":"n"}})");
}

TEST(Resources, EachDependsOnTargetIsKeptOnceInTheOrderAdded) {
  App app;
  auto& s = app.add<Stack>("S");
  auto& t = s.add<CfnResource>("T", "AWS::SNS::Topic");
  std::vector<const CfnResource*> targets;
  for (int i = 0; i < 20; ++i) targets.push_back(&s.add<CfnResource>("R" + std::to_string(i), "AWS::SNS::Topic"));
  for (const auto* r : targets) t.add_depends_on(*r);
  for (auto r = targets.rbegin(); r != targets.rend(); ++r) t.add_depends_on(**r);
  EXPECT_EQ(t.depends_on(), targets);
}

TEST(Resources, ConstructDependenciesBecomeDependsOnAndStackDependencies) {
  App app;
  auto& s1 = app.add<Stack>("S1");
  auto& s2 = app.add<Stack>("S2");
  auto& x = s1.add<CfnResource>("X", "AWS::SNS::Topic");
  auto& y = s1.add<CfnResource>("Y", "AWS::SNS::Topic");
  auto& z = s2.add<CfnResource>("Z", "AWS::SNS::Topic");
  y.add_dependency(x);
  z.add_dependency(x);
  auto r = synthesize(app);
  EXPECT_EQ(r.assembly.find("S1")->template_json()["Resources"]["Y"]["DependsOn"], Json::array({"X"}));
  EXPECT_EQ(r.assembly.find("S2")->dependencies, std::vector<std::string>{"S1"});
}

TEST(Stacks, DependencyCycleIsAnError) {
  App app;
  auto& a = app.add<Stack>("A");
  auto& b = app.add<Stack>("B");
  a.add_stack_dependency(b, "test");
  b.add_stack_dependency(a, "test");
  auto r = synthesize(app);
  EXPECT_TRUE(has_error(r, "stacks depend on each other in a cycle: A -> B -> A")) << r.errors().front();
}

TEST(Stacks, InvalidStackNameIsAnError) {
  App app;
  app.add<Stack>("S", StackProps{.stack_name = "bad_name"});
  auto r = synthesize(app);
  EXPECT_TRUE(has_error(r, "stack name \"bad_name\" is not allowed"));
}

TEST(Stacks, TagsPropagateToTaggableResourcesSortedLikeLocaleCompare) {
  App app;
  auto& s = app.add<Stack>("S", StackProps{.tags = {{"Zeta", "1"}, {"alpha", "2"}}});
  s.add<cfn::sns::CfnTopic>("Topic");
  auto& plain = s.add<CfnResource>("Sub", "AWS::SNS::Subscription");
  Tags::of(s).add("Mid", "3");
  auto r = synthesize(app);
  const Json res = r.assembly.find("S")->template_json()["Resources"];
  EXPECT_EQ(res["Topic"]["Properties"]["Tags"],
            Json::parse(R"([{"Key":"alpha","Value":"2"},{"Key":"Mid","Value":"3"},{"Key":"Zeta","Value":"1"}])"));
  EXPECT_FALSE(res[plain.logical_id()].contains("Properties"));
  EXPECT_EQ(r.assembly.manifest_json()["artifacts"]["S"]["properties"]["tags"], Json::parse(R"({"Zeta":"1","alpha":"2"})"));
}

TEST(Stacks, TagsGoInTheSchemasTagPropertyInAlphabeticalPlace) {
  App app;
  auto& s = app.add<Stack>("S", StackProps{.tags = {{"Owner", "ops"}}});
  s.add<cfn::backup::CfnBackupVault>("Vault", cfn::backup::CfnBackupVaultProps{.backup_vault_name = "vault",
                                                                               .encryption_key_arn = "k"});
  auto r = synthesize(app);
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(r.errors());
  EXPECT_EQ(r.assembly.find("S")->template_json()["Resources"]["Vault"]["Properties"].dump(),
            R"({"BackupVaultName":"vault","BackupVaultTags":{"Owner":"ops"},"EncryptionKeyArn":"k"})");
}

TEST(Limits, MoreThan500ResourcesIsAnError) {
  App app;
  auto& s = app.add<Stack>("S");
  for (int i = 0; i < 501; ++i) s.add<CfnResource>("T" + std::to_string(i), "AWS::SNS::Topic");
  auto r = synthesize(app);
  EXPECT_TRUE(has_error(r, "the template has 501 Resources but CloudFormation allows at most 500"));
}

}  // namespace
}  // namespace opsynth

namespace opsynth {
namespace {

// keep_until_exit must keep the tree alive (ASan would report a use after free otherwise).
TEST(Tree, KeptAppOutlivesItsOwner) {
  auto app = std::make_unique<App>();
  app->add<Stack>("S").add<CfnResource>("Topic", "AWS::SNS::Topic");
  App* raw = app.get();
  keep_until_exit(std::move(app));
  ASSERT_EQ(raw->stacks().size(), 1u);
  EXPECT_EQ(raw->stacks().front()->find_child("Topic")->path(), "S/Topic");
}

}  // namespace
}  // namespace opsynth
