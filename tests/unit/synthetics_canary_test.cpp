// synthetics::Canary: rendering like aws-cdk-lib, schedules, the runtime catalogue and its dates.
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth/synthetics/canary.hpp"
#include "opsynth/testing/template.hpp"

using namespace opsynth;

namespace {

struct Fixture {
  App app;
  Stack* stack;
  iam::Role* role;
  s3::Bucket* bucket;
  explicit Fixture(Json context = Json::object()) : app(AppOptions{.context = std::move(context)}) {
    stack = &app.add<Stack>("S");
    role = &stack->add<iam::Role>("Role", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
    bucket = &stack->add<s3::Bucket>("Bucket");
  }
  synthetics::Canary& canary(const std::string& id, synthetics::CanaryProps p) {
    if (p.role == nullptr) p.role = role;
    if (p.artifacts_bucket_location.bucket == nullptr) p.artifacts_bucket_location.bucket = bucket;
    if (p.test.handler.empty()) p.test = synthetics::Test::custom("index.handler", synthetics::Code::from_inline("x"));
    return stack->add<synthetics::Canary>(id, std::move(p));
  }
  std::string errors() {
    std::string all;
    for (const auto& e : synthesize(app).errors()) all += e + "\n";
    return all;
  }
};

}  // namespace

TEST(SyntheticsCanary, RendersLikeAwsCdkLib) {
  Fixture f;
  f.canary("Canary", {.canary_name = "prod-hlth",
                      .schedule = synthetics::Schedule::rate(5),
                      .artifacts_bucket_location = {.prefix = "health/"}});
  auto t = assertions::Template::from_stack(*f.stack);
  t.has_resource_properties(
      "AWS::Synthetics::Canary",
      {{"ArtifactS3Location", {{"Fn::Join", {"", {"s3://", {{"Ref", "Bucket83908E77"}}, "/health/"}}}}},
       {"Code", {{"Handler", "index.handler"}, {"Script", "x"}}},
       {"ExecutionRoleArn", {{"Fn::GetAtt", {"Role1ABCC5F0", "Arn"}}}},
       {"Name", "prod-hlth"},
       {"RuntimeVersion", "syn-nodejs-puppeteer-13.0"},
       {"Schedule", {{"DurationInSeconds", "0"}, {"Expression", "rate(5 minutes)"}}},
       {"StartCanaryAfterCreation", true}});
}

TEST(SyntheticsSchedule, ExpressionsAsAwsCdkLibRendersThem) {
  EXPECT_EQ(synthetics::Schedule::rate(1).expression_string(), "rate(1 minute)");
  EXPECT_EQ(synthetics::Schedule::rate(15).expression_string(), "rate(15 minutes)");
  EXPECT_EQ(synthetics::Schedule::rate(0).expression_string(), "rate(0 minutes)");
  EXPECT_EQ(synthetics::Schedule::once().expression_string(), "rate(0 minutes)");
  EXPECT_EQ(synthetics::Schedule::cron({.minute = "0", .hour = "3"}).expression_string(), "cron(0 3 * * ? *)");
  EXPECT_EQ(synthetics::Schedule::cron({.minute = "0", .week_day = "MON"}).expression_string(), "cron(0 * ? * MON *)");
  EXPECT_FALSE(synthetics::Schedule::rate(61).problems().empty());
  EXPECT_FALSE(synthetics::Schedule::cron({.day = "1", .week_day = "MON"}).problems().empty());
}

TEST(SyntheticsCanary, NameHandlerAndScriptRules) {
  Fixture f;
  f.canary("Upper", {.canary_name = "Prod_Health"});
  f.canary("Long", {.canary_name = std::string(256, 'a')});
  f.canary("Handler", {.canary_name = "ok", .test = synthetics::Test::custom("healthCheck.handler", synthetics::Code::from_inline("x"))});
  f.canary("Big", {.canary_name = "big", .test = synthetics::Test::custom("index.handler", synthetics::Code::from_inline(std::string(4097, 'x')))});
  f.canary("Fits", {.canary_name = std::string(255, 'a'), .test = synthetics::Test::custom("index.handler", synthetics::Code::from_inline(std::string(4096, 'x')))});
  const auto e = f.errors();
  EXPECT_NE(e.find("S/Upper: canary name \"Prod_Health\" must match ^[0-9a-z_-]+$"), std::string::npos) << e;
  EXPECT_NE(e.find("S/Long: canary name \"" + std::string(256, 'a') + "\" is 256 characters; use 1 to 255"), std::string::npos) << e;
  EXPECT_NE(e.find("S/Handler: canary handler \"healthCheck.handler\" is not allowed for inline code"), std::string::npos) << e;
  EXPECT_NE(e.find("S/Big: canary inline code is 4097 characters; at most 4096"), std::string::npos) << e;
  EXPECT_EQ(e.find("S/Fits:"), std::string::npos) << e;
}

TEST(SyntheticsCanary, DeprecatedRuntimeFailsAndAComingDeprecationWarns) {
  {
    Fixture f(Json{{"opsynth:today", "2026-11-29"}});
    f.canary("Old", {.canary_name = "old", .runtime = {"syn-nodejs-puppeteer-7.0"}});
    const auto e = f.errors();
    EXPECT_NE(e.find("S/Old: runtime syn-nodejs-puppeteer-7.0 was deprecated on 2026-01-22 and CreateCanary rejects it"),
              std::string::npos)
        << e;
  }
  {
    Fixture f(Json{{"opsynth:today", "2025-12-01"}});
    auto& c = f.canary("Old", {.canary_name = "old", .runtime = {"syn-nodejs-puppeteer-7.0"}});
    EXPECT_EQ(f.errors(), "");
    ASSERT_FALSE(c.metadata().empty());
    EXPECT_NE(c.metadata()[0].data.get<std::string>().find("will be deprecated on 2026-01-22"), std::string::npos);
  }
  ASSERT_NE(synthetics::find_runtime("syn-nodejs-puppeteer-13.0"), nullptr);
  EXPECT_FALSE(synthetics::find_runtime("syn-nodejs-puppeteer-13.0")->deprecation_date.has_value());
}

TEST(SyntheticsCanary, MetricsLikeAwsCdkLib) {
  Fixture f;
  auto& c = f.canary("Canary", {.canary_name = "c"});
  auto success = c.metric_success_percent();
  EXPECT_EQ(success.props().namespace_, "CloudWatchSynthetics");
  EXPECT_EQ(success.props().metric_name, "SuccessPercent");
  EXPECT_EQ(success.statistic(), "Average");
  EXPECT_EQ(success.props().period_seconds, 300);
  EXPECT_EQ(success.props().dimensions_map.at(0).second, c.canary_name());
  EXPECT_EQ(c.metric_duration().props().metric_name, "Duration");
}
