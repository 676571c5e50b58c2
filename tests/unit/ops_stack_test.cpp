// The seed's OpsStack: resources, names, tags, outputs and the business-metric rule.
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/sns/topic.hpp"
#include "opsynth/testing/template.hpp"
#include "opsynth_stacks/ops_stack.hpp"
#include "ops_stack_fixture.hpp"

using namespace opsynth;
namespace Match = assertions::Match;

using testing_ops::prod_ops_stack_props;

TEST(OpsStack, AlertTopicAndEmailSubscription) {
  App app;
  auto p = prod_ops_stack_props();
  p.alert_email = "ops@example.com";
  auto& stack = app.add<seed::OpsStack>("OpsStack", p);
  auto t = assertions::Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Topic", {{"TopicName", "prod-submit-app-ops-alerts"},
                                                {"DisplayName", "DIY Accounting Submit - Operational Alerts"}});
  t.has_resource_properties("AWS::SNS::Subscription", {{"Protocol", "email"},
                                                       {"Endpoint", "ops@example.com"},
                                                       {"TopicArn", {{"Ref", "prodsubmitappAlertTopic9AC1CEEA"}}}});
}

TEST(OpsStack, CanariesWithGeneratedScriptsAndCurrentRuntime) {
  App app;
  auto& stack = app.add<seed::OpsStack>("OpsStack", prod_ops_stack_props());
  auto t = assertions::Template::from_stack(stack);
  t.resource_count_is("AWS::Synthetics::Canary", 2);
  t.has_resource_properties(
      "AWS::Synthetics::Canary",
      {{"Name", "prod-submit-app-hlth"},
       {"RuntimeVersion", "syn-nodejs-puppeteer-13.0"},
       {"Code", {{"Handler", "index.handler"},
                 {"Script", Match::string_like_regexp("const BASE_URL = 'https://prod\\.submit\\.diyaccounting\\.co\\.uk/';")}}},
       {"Schedule", {{"Expression", "rate(5 minutes)"}}},
       {"ArtifactS3Location", {{"Fn::Join", {"", {"s3://", {{"Ref", "CanaryArtifacts16B34762"}}, "/health/"}}}}}});
  t.has_resource_properties("AWS::Synthetics::Canary",
                            {{"Name", "prod-submit-app-api"},
                             {"Code", {{"Script", Match::string_like_regexp("DIYAccounting-Synthetic-Monitor/1\\.0")}}}});
  t.has_resource_properties("AWS::S3::Bucket",
                            {{"BucketName", "prod-submit-app-canary-artifacts"},
                             {"LifecycleConfiguration", {{"Rules", Json::array({{{"ExpirationInDays", 14}, {"Status", "Enabled"}}})}}}});
  t.has_resource_properties("AWS::IAM::Policy",
                            {{"PolicyDocument", {{"Statement", Match::array_with({{{"Action", "s3:ListAllMyBuckets"}}})}}}});
}

TEST(OpsStack, CanaryAlarmsAndGithubAlarm) {
  App app;
  auto& stack = app.add<seed::OpsStack>("OpsStack", prod_ops_stack_props());
  auto t = assertions::Template::from_stack(stack);
  const Json topic = {{"Ref", "prodsubmitappAlertTopic9AC1CEEA"}};
  t.has_resource_properties("AWS::CloudWatch::Alarm", {{"AlarmName", "prod-submit-app-health-failed"},
                                                       {"MetricName", "SuccessPercent"},
                                                       {"Statistic", "Average"},
                                                       {"Period", 300},
                                                       {"Threshold", 90},
                                                       {"EvaluationPeriods", 2},
                                                       {"ComparisonOperator", "LessThanThreshold"},
                                                       {"TreatMissingData", "breaching"},
                                                       {"AlarmActions", Json::array({topic})},
                                                       {"OKActions", Json::array({topic})}});
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            {{"AlarmName", "prod-submit-app-github-synthetic-failed"},
                             {"Namespace", "submit.diyaccounting.co.uk"},
                             {"MetricName", "behaviour-test"},
                             {"Dimensions", Json::array({{{"Name", "deployment-name"}, {"Value", "prod"}},
                                                         {{"Name", "test"}, {"Value", "submitVatBehaviour"}}})},
                             {"Statistic", "Minimum"},
                             {"Period", 7200},
                             {"ComparisonOperator", "GreaterThanOrEqualToThreshold"}});
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            {{"AlarmName", "prod-submit-app-hmrc-auth-failures"},
                             {"Dimensions", Json::array({{{"Name", "FunctionName"}, {"Value", "prod-submit-app-hmrc-token-post"}}})}});
  t.resource_count_is("AWS::CloudWatch::Alarm", 5);
}

TEST(OpsStack, TagsEverythingButTheDashboard) {
  App app;
  auto& stack = app.add<seed::OpsStack>("OpsStack", prod_ops_stack_props());
  auto t = assertions::Template::from_stack(stack);
  t.has_resource_properties("AWS::SNS::Topic", {{"Tags", Match::array_with({{{"Key", "Stack"}, {"Value", "OpsStack"}}})}});
  t.has_resource_properties("AWS::CloudWatch::Dashboard", {{"DashboardName", "prod-submit-app-operations"}, {"Tags", Match::absent()}});
}

TEST(OpsStack, OutputsAndQueryDefinition) {
  App app;
  auto& stack = app.add<seed::OpsStack>("OpsStack", prod_ops_stack_props());
  auto t = assertions::Template::from_stack(stack);
  t.has_output("HealthAlarmArn", {{"Value", "arn:aws:cloudwatch:eu-west-2:222222222222:alarm:prod-submit-app-health-failed"}});
  t.has_output("HealthCanaryName", {{"Value", "prod-submit-app-hlth"}});
  t.has_output("AlertTopicArn", {{"Value", {{"Ref", "prodsubmitappAlertTopic9AC1CEEA"}}}});
  t.has_resource_properties("AWS::Logs::QueryDefinition",
                            {{"Name", "prod-submit-app-real-users-by-hour"},
                             {"QueryString", "fields @timestamp, @message\n| filter userAgent not like /^DIYAccounting-Synthetic/\n"
                                             "| stats count(*) as realUsers by bin(1h)"}});
}

TEST(OpsStack, NoBaseUrlMeansNoCanaries) {
  App app;
  auto p = prod_ops_stack_props();
  p.base_url.clear();
  auto& stack = app.add<seed::OpsStack>("OpsStack", p);
  auto t = assertions::Template::from_stack(stack);
  t.resource_count_is("AWS::Synthetics::Canary", 0);
  t.resource_count_is("AWS::CloudWatch::Alarm", 3);
}

TEST(OpsStack, BusinessMetricOfAMissingFunctionIsAnError) {
  App app;
  auto p = prod_ops_stack_props();
  p.lambda_function_arns.pop_back();  // no cognito-post-confirmation
  app.add<seed::OpsStack>("OpsStack", p);
  auto result = synthesize(app);
  ASSERT_FALSE(result.ok());
  std::string errors;
  for (const auto& e : result.errors()) errors += e + "\n";
  EXPECT_NE(errors.find("OpsStack: business metric needs Lambda function 'cognitoPostConfirmation' (name ending in "
                        "'-cognito-post-confirmation'), which is not among lambda_function_arns"),
            std::string::npos)
      << errors;
}

// The dashboard shows some functions' metrics in more than one widget: a missing function is
// still one error, named as the C++ property and the context key that give the ARNs.
TEST(OpsStack, AMissingFunctionIsOneErrorHoweverManyWidgetsShowIt) {
  App app;
  auto p = prod_ops_stack_props();
  p.lambda_function_arns.clear();
  app.add<seed::OpsStack>("OpsStack", p);
  auto result = synthesize(app);
  ASSERT_FALSE(result.ok());
  std::size_t token_post = 0;
  for (const auto& e : result.errors()) {
    if (e.find("'hmrcTokenPost'") != std::string::npos) ++token_post;
    EXPECT_NE(e.find("which is not among lambda_function_arns (context \"lambdaFunctionArns\")"), std::string::npos)
        << e;
  }
  EXPECT_EQ(token_post, 1u);
}

TEST(OpsStack, CanaryNamesKeepTheirSuffix) {
  EXPECT_EQ(seed::canary_name("prod-submit-app", "-hlth"), "prod-submit-app-hlth");
  EXPECT_EQ(seed::canary_name("Ci_Feature.Branch-With-A-Long-Name", "-api"), "ci-feature-branch-api");
  EXPECT_EQ(seed::canary_name("ci-feature-branch-with-long-name", "-hlth").size(), 21u);
  EXPECT_EQ(seed::canary_script("a='__BASE_URL__';", "https://x/"), "a='https://x/';");
  EXPECT_EQ(seed::canary_script("no placeholder", "https://x/"), "");
}

TEST(SnsTopic, EnforceSslPolicyAndEmailValidation) {
  App app;
  Stack stack(app, "S");
  auto& topic = stack.add<sns::Topic>("Topic", sns::TopicProps{.topic_name = "alerts", .enforce_ssl = true});
  topic.add_email_subscription("not-an-email");
  auto result = synthesize(app);
  std::string errors;
  for (const auto& e : result.errors()) errors += e + "\n";
  EXPECT_NE(errors.find("S/Topic/not-an-email: subscription endpoint \"not-an-email\" is not an email address"),
            std::string::npos)
      << errors;

  App ok_app;
  Stack ok(ok_app, "S");
  ok.add<sns::Topic>("Topic", sns::TopicProps{.topic_name = std::string(257, 'a'), .enforce_ssl = true});
  std::string ok_errors;
  for (const auto& e : synthesize(ok_app).errors()) ok_errors += e + "\n";
  EXPECT_NE(ok_errors.find("is not valid; use 1-256 letters"), std::string::npos) << ok_errors;
}

TEST(SnsTopic, TopicPolicyDeniesPublishWithoutTls) {
  App app;
  Stack stack(app, "S");
  stack.add<sns::Topic>("Topic", sns::TopicProps{.enforce_ssl = true});
  auto t = assertions::Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::SNS::TopicPolicy",
      {{"PolicyDocument", {{"Statement", Json::array({{{"Action", "sns:Publish"},
                                                      {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}},
                                                      {"Effect", "Deny"},
                                                      {"Sid", "AllowPublishThroughSSLOnly"}}})}}},
       {"Topics", Json::array({{{"Ref", "TopicBFC7AF6E"}}})}});
}
