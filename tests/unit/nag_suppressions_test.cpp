// nag::add_resource_suppressions renders cdk-nag 3's Metadata.cdk_nag.rules_to_suppress (as
// aws-cdk-lib's Validations.acknowledge + cdk-nag's WriteNagSuppressionsToCloudFormationAspect
// do), and nag::flatten writes finding ids the way cdk-nag's flattenCfnReference does.
#include <gtest/gtest.h>

#include "opsynth/cfn/s3/bucket.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/iam/managed_policy.hpp"
#include "opsynth/nag/suppressions.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth/testing/template.hpp"
#include "synth_errors_fixture.hpp"

namespace opsynth {
namespace {

using assertions::Template;
using testing_errors::errors_of;

struct Fixture {
  App app;
  Stack& stack = app.add<Stack>("S", StackProps{.env = {"222222222222", "eu-west-2"}});
  s3::Bucket& bucket = stack.add<s3::Bucket>("Bucket", s3::BucketProps{.enforce_ssl = true});
};

TEST(NagSuppressions, RuleAndFindingRenderAsCdkNag3Writes) {
  Fixture f;
  nag::add_resource_suppressions(
      f.bucket.resource(), {{.id = "AwsSolutions-S1", .reason = "Access logs are not wanted here."},
                            {.id = "AwsSolutions-IAM5", .applies_to = "Resource::*", .reason = "No narrower resource."}});
  auto t = Template::from_stack(f.stack);
  // Key order and shape of what tests/node/parity/app.js renders through cdk-nag 3.0.2.
  EXPECT_EQ(t.resource("Bucket83908E77")["Metadata"].dump(),
            R"({"cdk_nag":{"rules_to_suppress":[{"id":"AwsSolutions-S1","reason":"Access logs are not wanted here."},)"
            R"({"id":"AwsSolutions-IAM5[Resource::*]","reason":"No narrower resource."}]}})");
  // Only the resource given: the bucket policy below the L2 has none.
  EXPECT_FALSE(t.resource("BucketPolicyE9A3008A").contains("Metadata"));
}

TEST(NagSuppressions, ScopeCoversEveryResourceBelowItOwnFirst) {
  Fixture f;
  nag::add_resource_suppressions(f.bucket.resource(), {{.id = "AwsSolutions-S1", .reason = "Own reason wins here."}});
  nag::add_resource_suppressions(f.bucket, {{.id = "AwsSolutions-S1", .reason = "Scope reason, shadowed."},
                                            {.id = "AwsSolutions-S10", .reason = "Scope reason for all below."}});
  auto t = Template::from_stack(f.stack);
  EXPECT_EQ(t.resource("Bucket83908E77")["Metadata"]["cdk_nag"]["rules_to_suppress"],
            Json::parse(R"([{"id": "AwsSolutions-S1", "reason": "Own reason wins here."},
                            {"id": "AwsSolutions-S10", "reason": "Scope reason for all below."}])"));
  EXPECT_EQ(t.resource("BucketPolicyE9A3008A")["Metadata"]["cdk_nag"]["rules_to_suppress"],
            Json::parse(R"([{"id": "AwsSolutions-S1", "reason": "Scope reason, shadowed."},
                            {"id": "AwsSolutions-S10", "reason": "Scope reason for all below."}])"));
}

TEST(NagSuppressions, ShortReasonAndBracketedIdAreErrors) {
  Fixture f;
  nag::add_resource_suppressions(f.bucket.resource(), {{.id = "AwsSolutions-S1", .reason = "because"},
                                                       {.id = "AwsSolutions-IAM5[Resource::*]", .reason = "ten chars+"}});
  const std::string errors = errors_of(f.app);
  EXPECT_NE(errors.find("S/Bucket/Resource: cdk-nag suppression AwsSolutions-S1 has a reason of 7 characters; give at "
                        "least 10"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("cdk-nag suppression \"AwsSolutions-IAM5[Resource::*]\" has no valid rule id"), std::string::npos)
      << errors;
}

// aws-cdk-lib records acknowledgments on the scope and cdk-nag's aspect writes them at synthesis:
// a resource created below the scope afterwards is covered too.
TEST(NagSuppressions, ResourcesAddedAfterwardsAreCovered) {
  Fixture f;
  nag::add_resource_suppressions(f.stack, {{.id = "AwsSolutions-S1", .reason = "Not wanted in this stack."}});
  f.stack.add<cfn::s3::CfnBucket>("Later");
  EXPECT_EQ(errors_of(f.app), "");
  EXPECT_EQ(Template::from_stack(f.stack).resource("Later")["Metadata"].dump(),
            R"({"cdk_nag":{"rules_to_suppress":[{"id":"AwsSolutions-S1","reason":"Not wanted in this stack."}]}})");
}

// Each call used to rewrite every resource below the scope from all its acknowledgments: K calls
// on one scope cost K^2 per resource. The rules are written once now, in the calls' order.
TEST(NagSuppressions, RepeatedCallsOnOneScopeKeepTheirOrder) {
  Fixture f;
  Json expected = Json::array();
  for (int k = 0; k < 40; ++k) {
    const std::string id = "AwsSolutions-X" + std::to_string(k);
    nag::add_resource_suppressions(f.stack, {{.id = id, .reason = "Accepted for this test."}});
    expected.push_back({{"id", id}, {"reason", "Accepted for this test."}});
  }
  EXPECT_EQ(Template::from_stack(f.stack).resource("Bucket83908E77")["Metadata"]["cdk_nag"]["rules_to_suppress"],
            expected);
}

TEST(NagSuppressions, FindingsFlattenLikeCdkNag) {
  Fixture f;
  EXPECT_EQ(nag::resource_finding("*"), "Resource::*");
  EXPECT_EQ(nag::resource_finding(f.bucket.arn_for_objects("*")), "Resource::<Bucket83908E77.Arn>/*");
  EXPECT_EQ(nag::resource_finding(f.bucket.bucket_name()), "Resource::<Bucket83908E77>");
  EXPECT_EQ(nag::resource_finding(f.stack.format_arn({.service = "logs",
                                                      .resource = "log-group",
                                                      .separator = ":",
                                                      .resource_name = "/aws/lambda/cwsyn-x-*"})),
            "Resource::arn:<AWS::Partition>:logs:eu-west-2:222222222222:log-group:/aws/lambda/cwsyn-x-*");
  EXPECT_EQ(nag::policy_finding(iam::ManagedPolicy::from_aws_managed_policy_name("service-role/X").managed_policy_arn()),
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/X");
  EXPECT_EQ(nag::policy_finding(fn::sub("arn:${AWS::Partition}:iam::aws:policy/Y")),
            "Policy::arn:<AWS::Partition>:iam::aws:policy/Y");
  EXPECT_EQ(nag::action_finding("s3:GetObject*"), "Action::s3:GetObject*");
}

}  // namespace
}  // namespace opsynth
