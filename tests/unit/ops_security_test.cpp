// Issue 6's security rules on the seed's OpsStack: the alert topic and the canary artifacts
// bucket refuse requests without TLS, the bucket blocks public access, and the canary role has
// only what the Synthetics runtime uses (no AWS managed policies). cdk-nag checks every template
// as a whole (tests/integration/cdk_nag.sh); these pin the fixes themselves.
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/testing/template.hpp"
#include "opsynth_stacks/ops_stack.hpp"
#include "ops_stack_fixture.hpp"

using namespace opsynth;
namespace Match = assertions::Match;

namespace {

assertions::Template ops_template() {
  static App app;
  static auto t = assertions::Template::from_stack(app.add<seed::OpsStack>("OpsStack", testing_ops::prod_ops_stack_props()));
  return t;
}

const Json kArtifactsArn = {{"Fn::GetAtt", {"CanaryArtifacts16B34762", "Arn"}}};

TEST(OpsSecurity, AlertTopicDeniesPublishWithoutTls) {
  ops_template().has_resource_properties(
      "AWS::SNS::TopicPolicy",
      {{"PolicyDocument", {{"Statement", Json::array({{{"Action", "sns:Publish"},
                                                      {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}},
                                                      {"Effect", "Deny"},
                                                      {"Principal", "*"}}})}}},
       {"Topics", Json::array({{{"Ref", "prodsubmitappAlertTopic9AC1CEEA"}}})}});
}

TEST(OpsSecurity, CanaryArtifactsBucketIsPrivateAndTlsOnly) {
  auto t = ops_template();
  t.has_resource_properties("AWS::S3::Bucket", {{"BucketName", "prod-submit-app-canary-artifacts"},
                                                {"PublicAccessBlockConfiguration", {{"BlockPublicAcls", true},
                                                                                    {"BlockPublicPolicy", true},
                                                                                    {"IgnorePublicAcls", true},
                                                                                    {"RestrictPublicBuckets", true}}}});
  t.has_resource_properties(
      "AWS::S3::BucketPolicy",
      {{"Bucket", {{"Ref", "CanaryArtifacts16B34762"}}},
       {"PolicyDocument",
        {{"Statement", Match::array_with({{{"Action", "s3:*"},
                                           {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}},
                                           {"Effect", "Deny"}}})}}}});
}

TEST(OpsSecurity, CanaryRoleHasOnlyWhatTheRuntimeUses) {
  auto t = ops_template();
  EXPECT_FALSE(t.resource("CanaryRole4BD5F96A")["Properties"].contains("ManagedPolicyArns"));
  const auto log_group = [](const char* canary) {
    return Json{{"Fn::Join",
                 {"",
                  {"arn:", {{"Ref", "AWS::Partition"}},
                   std::string(":logs:eu-west-2:222222222222:log-group:/aws/lambda/cwsyn-") + canary + "-*"}}}};
  };
  t.has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyName", "CanaryRoleDefaultPolicyC179670E"},
       {"PolicyDocument",
        {{"Statement",
          Json::array({
              {{"Action", "s3:PutObject"}, {"Effect", "Allow"},
               {"Resource", {{"Fn::Join", {"", {kArtifactsArn, "/*"}}}}}},
              {{"Action", "s3:GetBucketLocation"}, {"Effect", "Allow"}, {"Resource", kArtifactsArn}},
              {{"Action", "s3:ListAllMyBuckets"}, {"Effect", "Allow"}, {"Resource", "*"}},
              {{"Action", "cloudwatch:PutMetricData"},
               {"Condition", {{"StringEquals", {{"cloudwatch:namespace", "CloudWatchSynthetics"}}}}},
               {"Effect", "Allow"},
               {"Resource", "*"}},
              {{"Action", {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}},
               {"Effect", "Allow"},
               {"Resource", {log_group("prod-submit-app-hlth"), log_group("prod-submit-app-api")}}},
          })}}}});
}

}  // namespace
