// cloudwatch::Alarm and SnsAction: rendering like aws-cdk-lib and the CloudWatch period rules.
#include <gtest/gtest.h>

#include "opsynth/cloudwatch/alarm.hpp"
#include "opsynth/cloudwatch/sns_action.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/sns/topic.hpp"
#include "opsynth/testing/template.hpp"
#include "synth_errors_fixture.hpp"

using namespace opsynth;
namespace Match = assertions::Match;

namespace {

cloudwatch::Metric latency(int period = 300, std::string statistic = "Average") {
  return cloudwatch::Metric({.namespace_ = "AWS/ApiGateway",
                             .metric_name = "Latency",
                             .dimensions_map = {{"Stage", "prod"}, {"ApiId", "abc123"}},
                             .statistic = std::move(statistic),
                             .period_seconds = period});
}

using testing_errors::errors_of;

}  // namespace

TEST(CloudwatchAlarm, RendersMetricDimensionsSortedWithActions) {
  App app;
  Stack stack(app, "S", {.env = {"111111111111", "eu-west-2"}});
  auto& topic = stack.add<sns::Topic>("Topic");
  auto& alarm = stack.add<cloudwatch::Alarm>("Alarm", cloudwatch::AlarmProps{
                                                          .metric = latency(),
                                                          .threshold = 90,
                                                          .evaluation_periods = 2,
                                                          .comparison_operator = cloudwatch::ComparisonOperator::LessThanThreshold,
                                                          .treat_missing_data = cloudwatch::TreatMissingData::Breaching,
                                                          .alarm_name = "my-alarm"});
  alarm.add_alarm_action(cloudwatch::SnsAction(topic));
  alarm.add_ok_action(cloudwatch::SnsAction(topic));
  auto t = assertions::Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            {{"AlarmName", "my-alarm"},
                             {"ComparisonOperator", "LessThanThreshold"},
                             {"Dimensions", Json::array({{{"Name", "ApiId"}, {"Value", "abc123"}},
                                                          {{"Name", "Stage"}, {"Value", "prod"}}})},
                             {"EvaluationPeriods", 2},
                             {"MetricName", "Latency"},
                             {"Namespace", "AWS/ApiGateway"},
                             {"Period", 300},
                             {"Statistic", "Average"},
                             {"Threshold", 90},
                             {"TreatMissingData", "breaching"},
                             {"AlarmActions", Json::array({{{"Ref", "TopicBFC7AF6E"}}})},
                             {"OKActions", Json::array({{{"Ref", "TopicBFC7AF6E"}}})}});
  EXPECT_EQ(t.resource("Alarm7103F465")["Type"], "AWS::CloudWatch::Alarm");
}

TEST(CloudwatchAlarm, PercentileIsAnExtendedStatistic) {
  App app;
  Stack stack(app, "S");
  stack.add<cloudwatch::Alarm>("Alarm", cloudwatch::AlarmProps{.metric = latency(60, "p95"), .threshold = 1000});
  auto t = assertions::Template::from_stack(stack);
  t.has_resource_properties("AWS::CloudWatch::Alarm",
                            {{"ExtendedStatistic", "p95"}, {"Statistic", Match::absent()}, {"Period", 60}});
}

TEST(CloudwatchAlarm, EveryComparisonOperatorHasItsCloudFormationName) {
  using Op = cloudwatch::ComparisonOperator;
  EXPECT_EQ(to_string(Op::GreaterThanOrEqualToThreshold), "GreaterThanOrEqualToThreshold");
  EXPECT_EQ(to_string(Op::GreaterThanThreshold), "GreaterThanThreshold");
  EXPECT_EQ(to_string(Op::LessThanThreshold), "LessThanThreshold");
  EXPECT_EQ(to_string(Op::LessThanOrEqualToThreshold), "LessThanOrEqualToThreshold");
  EXPECT_EQ(to_string(Op::LessThanLowerOrGreaterThanUpperThreshold), "LessThanLowerOrGreaterThanUpperThreshold");
  EXPECT_EQ(to_string(Op::GreaterThanUpperThreshold), "GreaterThanUpperThreshold");
  EXPECT_EQ(to_string(Op::LessThanLowerThreshold), "LessThanLowerThreshold");
  EXPECT_EQ(to_string(cloudwatch::TreatMissingData::NotBreaching), "notBreaching");
}

TEST(CloudwatchAlarm, MathExpressionRendersMetricsList) {
  App app;
  Stack stack(app, "S");
  cloudwatch::MathExpression rate({.expression = "100 * e / i",
                                   .using_metrics = {{"e", latency().with_statistic("Sum")}, {"i", latency(60, "Sum")}},
                                   .label = "Error rate"});
  stack.add<cloudwatch::Alarm>("Alarm", cloudwatch::AlarmProps{.metric = rate, .threshold = 5});
  auto t = assertions::Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::CloudWatch::Alarm",
      {{"Metrics", Json::array({{{"Expression", "100 * e / i"}, {"Id", "expr_1"}, {"Label", "Error rate"}},
                                {{"Id", "e"}, {"ReturnData", false}, {"MetricStat", {{"Period", 300}, {"Stat", "Sum"}}}},
                                // the expression's period applies to every metric it uses
                                {{"Id", "i"}, {"ReturnData", false}, {"MetricStat", {{"Period", 300}}}}})},
       {"MetricName", Match::absent()}});
}

TEST(CloudwatchAlarm, PeriodRules) {
  for (int ok : {10, 20, 30, 60, 300, 3600}) {
    App app;
    Stack stack(app, "S");
    stack.add<cloudwatch::Alarm>("Alarm", cloudwatch::AlarmProps{.metric = latency(ok), .threshold = 1});
    EXPECT_EQ(errors_of(app), "") << ok;
  }
  App app;
  Stack stack(app, "S");
  stack.add<cloudwatch::Alarm>("A", cloudwatch::AlarmProps{.metric = latency(5), .threshold = 1});
  stack.add<cloudwatch::Alarm>("B", cloudwatch::AlarmProps{.metric = latency(90), .threshold = 1});
  const auto errors = errors_of(app);
  EXPECT_NE(errors.find("S/A: alarm period 5 s is not allowed; use 10, 20, 30 or a multiple of 60 seconds"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("S/B: metric AWS/ApiGateway/Latency: metric period 90 s is not allowed"), std::string::npos)
      << errors;
}

TEST(CloudwatchAlarm, EvaluationRangeLimits) {
  App app;
  Stack stack(app, "S");
  // 300 s x 288 = 1 day: allowed; x 289: more than a day for a period under an hour.
  stack.add<cloudwatch::Alarm>("Day", cloudwatch::AlarmProps{.metric = latency(300), .evaluation_periods = 288});
  stack.add<cloudwatch::Alarm>("TooLong", cloudwatch::AlarmProps{.metric = latency(300), .evaluation_periods = 289});
  // 1 h x 168 = 7 days: allowed; x 169: too long.
  stack.add<cloudwatch::Alarm>("Week", cloudwatch::AlarmProps{.metric = latency(3600), .evaluation_periods = 168});
  stack.add<cloudwatch::Alarm>("TooLongH", cloudwatch::AlarmProps{.metric = latency(3600), .evaluation_periods = 169});
  stack.add<cloudwatch::Alarm>("Nan", cloudwatch::AlarmProps{.metric = latency(), .threshold = std::nan("")});
  const auto errors = errors_of(app);
  EXPECT_EQ(errors.find("S/Day:"), std::string::npos) << errors;
  EXPECT_EQ(errors.find("S/Week:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("S/TooLong: period 300 s x 289 evaluation periods = 86700 s; at most 86400 s"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("S/TooLongH: period 3600 s x 169 evaluation periods = 608400 s; at most 604800 s"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("S/Nan: alarm threshold must be a finite number"), std::string::npos) << errors;
}

TEST(CloudwatchAlarm, UnknownStatisticAndCrossRegionMetricAreErrors) {
  App app;
  Stack stack(app, "S", {.env = {"111111111111", "eu-west-2"}});
  stack.add<cloudwatch::Alarm>("Stat", cloudwatch::AlarmProps{.metric = latency(300, "median")});
  stack.add<cloudwatch::Alarm>("Region", cloudwatch::AlarmProps{.metric = latency().with_region("us-east-1")});
  const auto errors = errors_of(app);
  EXPECT_NE(errors.find("statistic \"median\" is not recognized"), std::string::npos) << errors;
  EXPECT_NE(errors.find("S/Region: alarm metric is in region us-east-1 but the stack deploys to eu-west-2"),
            std::string::npos)
      << errors;
}

TEST(CloudwatchStatistic, ParsesSimpleAndExtended) {
  using K = cloudwatch::ParsedStatistic::Kind;
  EXPECT_EQ(cloudwatch::parse_statistic("avg").statistic, "Average");
  EXPECT_EQ(cloudwatch::parse_statistic("n").statistic, "SampleCount");
  EXPECT_EQ(cloudwatch::parse_statistic("P99.9").kind, K::Extended);
  EXPECT_EQ(cloudwatch::parse_statistic("P99.9").statistic, "p99.9");
  EXPECT_EQ(cloudwatch::parse_statistic("tm(10%:90%)").statistic, "TM(10%:90%)");
  EXPECT_EQ(cloudwatch::parse_statistic("iqm").statistic, "IQM");
  EXPECT_EQ(cloudwatch::parse_statistic("p101").kind, K::Unparseable);
  // pN and pNN (a fast path) as the pattern reads them; p100 and longer go through the pattern.
  for (const char* p : {"p0", "p5", "p95", "p99", "p100"}) {
    EXPECT_EQ(cloudwatch::parse_statistic(p).kind, K::Extended) << p;
    EXPECT_EQ(cloudwatch::parse_statistic(p).statistic, p);
  }
  EXPECT_EQ(cloudwatch::parse_statistic("p999").kind, K::Unparseable);
  EXPECT_EQ(cloudwatch::parse_statistic("p9x").kind, K::Unparseable);
  // Spelled as CloudWatch names them (the fast path): simple, unchanged.
  for (const char* name : {"Average", "Sum", "Maximum", "Minimum", "SampleCount"}) {
    EXPECT_EQ(cloudwatch::parse_statistic(name).kind, K::Simple) << name;
    EXPECT_EQ(cloudwatch::parse_statistic(name).statistic, name);
  }
}

// with_period, with_label, with_color and with_region copy the metric: the parsed statistic and
// the sorted dimensions go with it, and an unparseable statistic is still reported.
TEST(CloudwatchMetric, CopiesKeepTheParsedStatistic) {
  const cloudwatch::Metric p99 = latency().with_statistic("P99");
  const cloudwatch::Metric copy = p99.with_period(60).with_label("l").with_color("#000000").with_region("eu-west-2");
  EXPECT_EQ(copy.statistic(), "p99");
  EXPECT_EQ(copy.dimensions(), p99.dimensions());
  EXPECT_EQ(copy.props().label, "l");
  const cloudwatch::Metric bad = latency().with_statistic("median").with_period(60);
  ASSERT_EQ(bad.problems().size(), 1u);
  EXPECT_NE(bad.problems()[0].find("statistic \"median\" is not recognized"), std::string::npos);
}

// with_* makes a new metric and leaves the original as it was; problems name their metric.
TEST(CloudwatchMetric, WithMakesANewMetricAndProblemsNameIt) {
  const cloudwatch::Metric base = latency();
  const cloudwatch::Metric slower = base.with_period(60);
  EXPECT_FALSE(slower.same_series(base));
  EXPECT_EQ(base.props().period_seconds, 300);
  EXPECT_EQ(slower.props().period_seconds, 60);
  EXPECT_EQ(slower.dimensions().front().first, "ApiId");  // sorted by name
  EXPECT_TRUE(base.problems().empty());

  const cloudwatch::Metric bad({.namespace_ = "", .metric_name = "Latency", .dimensions_map = {{"", "x"}}});
  const auto problems = bad.problems();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "metric /Latency: namespace must be 1-255 characters");
  EXPECT_EQ(problems[1], "metric /Latency: dimension name \"\" must be 1-255 characters");
}
