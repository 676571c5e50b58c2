// cloudwatch::Dashboard: aws-cdk-lib's grid layout, widget JSON and the Fn::Join body.
#include <gtest/gtest.h>

#include "opsynth/cloudwatch/alarm.hpp"
#include "opsynth/cloudwatch/dashboard.hpp"
#include "opsynth/cloudwatch/widgets.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/testing/template.hpp"
#include "synth_errors_fixture.hpp"

using namespace opsynth;
using cloudwatch::WidgetPtr;
using testing_errors::errors_of;

namespace {

WidgetPtr text(std::string md, int width, int height = 2) {
  return std::make_shared<cloudwatch::TextWidget>(cloudwatch::TextWidgetProps{.markdown = std::move(md), .width = width, .height = height});
}

// The dashboard body of the only dashboard, with references replaced by "<ref>".
Json body_of(Stack& stack) {
  auto t = assertions::Template::from_stack(stack);
  auto dashboards = t.find_resources("AWS::CloudWatch::Dashboard");
  const Json& body = dashboards.begin()->second["Properties"]["DashboardBody"];
  if (body.is_string()) return Json::parse(body.get<std::string>());
  std::string joined;
  for (const auto& part : body["Fn::Join"][1]) joined += part.is_string() ? part.get<std::string>() : "<ref>";
  return Json::parse(joined);
}

}  // namespace

TEST(CloudwatchDashboard, RowsWrapOnTheTwentyFourColumnGrid) {
  App app;
  Stack stack(app, "S");
  auto& d = stack.add<cloudwatch::Dashboard>("Dash", cloudwatch::DashboardProps{.dashboard_name = "ops"});
  d.add_widgets({text("a", 8, 6), text("b", 8, 6), text("c", 12, 3)});  // c does not fit: next line
  d.add_widgets({text("d", 24, 4)});
  Json widgets = body_of(stack)["widgets"];
  ASSERT_EQ(widgets.size(), 4u);
  auto at = [&](int i) { return std::pair{widgets[i]["x"].get<int>(), widgets[i]["y"].get<int>()}; };
  EXPECT_EQ(at(0), std::pair(0, 0));
  EXPECT_EQ(at(1), std::pair(8, 0));
  EXPECT_EQ(at(2), std::pair(0, 6));
  EXPECT_EQ(at(3), std::pair(0, 9));  // the second row starts below the first one's height (6 + 3)
  EXPECT_EQ(widgets[0].dump(),
            R"({"type":"text","width":8,"height":6,"x":0,"y":0,"properties":{"markdown":"a","background":"transparent"}})");
}

TEST(CloudwatchDashboard, GraphWidgetJsonLikeAwsCdkLib) {
  App app;
  Stack stack(app, "S", {.env = {"111111111111", "eu-west-2"}});
  cloudwatch::Metric invocations({.namespace_ = "AWS/Lambda",
                                  .metric_name = "Invocations",
                                  .dimensions_map = {{"FunctionName", "fn"}},
                                  .statistic = "Sum"});
  cloudwatch::Metric hourly = invocations.with_statistic("Minimum").with_period(3600);
  cloudwatch::MathExpression search({.expression = "SEARCH('{AWS/Lambda,FunctionName} Errors', 'Sum', 300)"});
  auto g = std::make_shared<cloudwatch::GraphWidget>(cloudwatch::GraphWidgetProps{
      .title = "T", .left = {invocations, hourly, invocations, search}, .width = 12});
  stack.add<cloudwatch::Dashboard>("Dash", cloudwatch::DashboardProps{.widgets = {{g}}});

  auto t = assertions::Template::from_stack(stack);
  const auto dashboards = t.find_resources("AWS::CloudWatch::Dashboard");
  ASSERT_EQ(dashboards.size(), 1u);
  const Json& body = dashboards.begin()->second["Properties"]["DashboardBody"];
  // The region is the deploying region's pseudo parameter, so the body is a Fn::Join.
  ASSERT_TRUE(body.contains("Fn::Join")) << body.dump();
  EXPECT_EQ(body["Fn::Join"][1][1], Json({{"Ref", "AWS::Region"}}));
  Json props = body_of(stack)["widgets"][0]["properties"];
  EXPECT_EQ(props.dump(),
            R"({"view":"timeSeries","title":"T","region":"<ref>","metrics":[)"
            R"(["AWS/Lambda","Invocations","FunctionName","fn",{"stat":"Sum"}],)"
            R"(["AWS/Lambda","Invocations","FunctionName","fn",{"period":3600,"stat":"Minimum"}],)"
            R"x([{"label":"SEARCH('{AWS/Lambda,FunctionName} Errors', 'Sum', 300)","expression":"SEARCH('{AWS/Lambda,FunctionName} Errors', 'Sum', 300)"}]],)x"
            R"("yAxis":{}})");
}

TEST(CloudwatchDashboard, AlarmStatusSingleValueAndLogQueryWidgets) {
  App app;
  Stack stack(app, "S");
  cloudwatch::Metric m({.namespace_ = "NS", .metric_name = "M", .statistic = "p95"});
  stack.add<cloudwatch::Dashboard>(
      "Dash", cloudwatch::DashboardProps{
                  .widgets = {{std::make_shared<cloudwatch::AlarmStatusWidget>(
                                  cloudwatch::AlarmStatusWidgetProps{.alarm_arns = {"arn:aws:cloudwatch:r:1:alarm:a"}}),
                              std::make_shared<cloudwatch::SingleValueWidget>(
                                  cloudwatch::SingleValueWidgetProps{.title = "V", .metrics = {m}}),
                              std::make_shared<cloudwatch::LogQueryWidget>(cloudwatch::LogQueryWidgetProps{
                                  .title = "Q", .log_group_names = {"/aws/lambda/fn"}, .query_lines = {"fields @message", "limit 5"}})}}});
  Json w = body_of(stack)["widgets"];
  EXPECT_EQ(w[0]["properties"].dump(), R"({"title":"Alarm Status","alarms":["arn:aws:cloudwatch:r:1:alarm:a"]})");
  EXPECT_EQ(w[0]["height"], 3);
  EXPECT_EQ(w[1]["properties"].dump(),
            R"({"view":"singleValue","title":"V","region":"<ref>","metrics":[["NS","M",{"stat":"p95"}]]})");
  EXPECT_EQ(w[2]["properties"]["query"], "SOURCE '/aws/lambda/fn' | fields @message\n| limit 5");
  EXPECT_EQ(w[2]["properties"]["view"], "table");
}

TEST(CloudwatchDashboard, TooWideWidgetAndTooManyWidgetsAreErrors) {
  App app;
  Stack stack(app, "S");
  auto& d = stack.add<cloudwatch::Dashboard>("Dash", cloudwatch::DashboardProps{.dashboard_name = "bad name"});
  d.add_widgets({text("wide", 25)});
  for (int i = 0; i < 500; ++i) d.add_widgets({text("w", 1, 1)});
  const std::string errors = errors_of(app);
  EXPECT_NE(errors.find("S/Dash: text widget \"wide\" is 25 columns wide; widgets are 1 to 24 columns wide"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("S/Dash: dashboard has 501 widgets; CloudWatch allows at most 500"), std::string::npos) << errors;
  EXPECT_NE(errors.find("dashboard name \"bad name\" is not valid"), std::string::npos) << errors;
}

namespace {

cloudwatch::Metric lambda_metric(const char* name, std::string unit = "") {
  return cloudwatch::Metric({.namespace_ = "AWS/Lambda",
                             .metric_name = name,
                             .dimensions_map = {{"FunctionName", "fn"}},
                             .statistic = "Sum",
                             .unit = std::move(unit)});
}

cloudwatch::MathExpression expression(std::string text, std::vector<std::pair<std::string, cloudwatch::Metric>> uses) {
  return cloudwatch::MathExpression({.expression = std::move(text), .using_metrics = std::move(uses)});
}

// The "metrics" of a dashboard whose only widget graphs `left`.
std::string graphed_metrics(std::vector<cloudwatch::AnyMetric> left) {
  App app;
  Stack stack(app, "S", {.env = {"111111111111", "eu-west-2"}});
  auto g = std::make_shared<cloudwatch::GraphWidget>(
      cloudwatch::GraphWidgetProps{.title = "T", .left = std::move(left), .width = 12});
  stack.add<cloudwatch::Dashboard>("Dash", cloudwatch::DashboardProps{.widgets = {{g}}});
  return body_of(stack)["widgets"][0]["properties"]["metrics"].dump();
}

}  // namespace

// aws-cdk-lib's MetricSet: a metric is found by its id first, then by its series (the unit and the
// order of an expression's metrics are not part of it). Expected strings: aws-cdk-lib 2.276.
TEST(CloudwatchDashboard, GraphSeriesAreSharedLikeAwsCdkLib) {
  const auto errors = lambda_metric("Errors");
  const auto invocations = lambda_metric("Invocations");
  // Two expressions using one metric under one id: the metric is drawn once.
  EXPECT_EQ(graphed_metrics({expression("e * 2", {{"e", errors}}), expression("e + 1", {{"e", errors}})}),
            R"([[{"label":"e * 2","expression":"e * 2"}],)"
            R"(["AWS/Lambda","Errors","FunctionName","fn",{"id":"e","visible":false,"stat":"Sum"}],)"
            R"([{"label":"e + 1","expression":"e + 1"}]])");
  EXPECT_EQ(graphed_metrics({errors, lambda_metric("Errors", "Count")}),
            R"([["AWS/Lambda","Errors","FunctionName","fn",{"stat":"Sum"}]])");
  EXPECT_EQ(graphed_metrics({expression("a + b", {{"a", errors}, {"b", invocations}}),
                             expression("a + b", {{"b", invocations}, {"a", errors}})}),
            R"([[{"label":"a + b","expression":"a + b"}],)"
            R"(["AWS/Lambda","Errors","FunctionName","fn",{"id":"a","visible":false,"stat":"Sum"}],)"
            R"(["AWS/Lambda","Invocations","FunctionName","fn",{"id":"b","visible":false,"stat":"Sum"}]])");
}

TEST(CloudwatchDashboard, OneMetricIdForTwoDifferentMetricsIsAnError) {
  App app;
  Stack stack(app, "S");
  const auto errors = lambda_metric("Errors");
  stack.add<cloudwatch::Dashboard>(
      "Dash", cloudwatch::DashboardProps{.widgets = {{std::make_shared<cloudwatch::GraphWidget>(cloudwatch::GraphWidgetProps{
                  .title = "T",
                  .left = {expression("e * 2", {{"e", errors}})},
                  .right = {expression("e + 1", {{"e", lambda_metric("Invocations")}})},
                  .width = 12})}}});
  // Within one expression too: CloudWatch rejects a query list with an id twice.
  stack.add<cloudwatch::Alarm>("Alarm", cloudwatch::AlarmProps{.metric = expression("e + e", {{"e", errors}, {"e", errors}}),
                                                               .threshold = 1,
                                                               .evaluation_periods = 1});
  const std::string errors_text = errors_of(app);
  EXPECT_NE(errors_text.find("S/Dash: graph widget \"T\": metric id \"e\" names two different metrics "
                             "(AWS/Lambda/Errors and AWS/Lambda/Invocations); ids must be unique within one widget"),
            std::string::npos)
      << errors_text;
  EXPECT_NE(errors_text.find("S/Alarm: math expression \"e + e\": metric id \"e\" is given twice"), std::string::npos)
      << errors_text;
}
