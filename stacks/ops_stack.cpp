#include "opsynth_stacks/ops_stack.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "ops_canaries.hpp"
#include "opsynth/cloudwatch/alarm.hpp"
#include "opsynth/cloudwatch/dashboard.hpp"
#include "opsynth/cloudwatch/sns_action.hpp"
#include "opsynth/cloudwatch/widgets.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/logs/query_definition.hpp"
#include "opsynth/sns/topic.hpp"

namespace opsynth::seed {

OpsStackProps ops_stack_props(const SeedConfig& c) {
  OpsStackProps p;
  p.stack.env = {c.target_account(), c.region};
  p.env_name = c.env_name;
  p.resource_name_prefix = c.app_prefix();
  p.deployment_name = c.deployment_name;
  p.env_base_url = c.env_base_url();
  p.lambda_function_arns = c.lambda_function_arns;
  p.alert_email = c.alert_email;
  p.canary_interval_minutes = c.canary_interval_minutes;
  p.rum_app_monitor_id = c.rum_app_monitor_id;
  p.cloudfront_distribution_id = c.cloudfront_distribution_id;
  p.api_gateway_id = c.api_gateway_id;
  p.base_url = c.base_url;
  return p;
}

namespace {

using cloudwatch::AnyMetric;
using cloudwatch::Metric;
using cloudwatch::WidgetPtr;

constexpr const char* kApplication = "@antonycc/submit.diyaccounting.co.uk";

// The original project's 14 stack tags (SEED-CONTEXT.md).
std::vector<std::pair<std::string, std::string>> ops_tags(const OpsStackProps& p) {
  return {{"Environment", p.env_name},
          {"Application", kApplication},
          {"CostCenter", kApplication},
          {"Owner", kApplication},
          {"Project", kApplication},
          {"DeploymentName", p.deployment_name},
          {"Stack", "OpsStack"},
          {"ManagedBy", "aws-cdk"},
          {"BillingPurpose", "authentication-infrastructure"},
          {"ResourceType", "serverless-web-app"},
          {"Criticality", "low"},
          {"DataClassification", "public"},
          {"BackupRequired", "false"},
          {"MonitoringEnabled", "true"}};
}

// The four metrics the dashboard shows for one Lambda function (aws-cdk-lib's fn.metric*()).
struct LambdaMetrics {
  Metric invocations, errors, duration_p95, throttles;
};

LambdaMetrics lambda_metrics(const std::string& function_name) {
  auto metric = [&](const char* name, const char* statistic) {
    return Metric({.namespace_ = "AWS/Lambda",
                   .metric_name = name,
                   .dimensions_map = {{"FunctionName", function_name}},
                   .statistic = statistic});
  };
  return {metric("Invocations", "Sum"), metric("Errors", "Sum"), metric("Duration", "p95"), metric("Throttles", "Sum")};
}

// The seed's filterLambdaMetric: the metrics of the function named `...-{dash-case(handler)}`.
// A handler that is not among the functions is recorded, and synthesis fails naming it.
class LambdaMetricIndex {
 public:
  explicit LambdaMetricIndex(const std::vector<std::string>& arns) {
    by_name_.reserve(arns.size());  // a LambdaMetrics is four Metrics: growing would move them all
    for (const auto& arn : arns) {
      const std::string name = arn.substr(arn.rfind(':') + 1);
      by_name_.emplace_back(name, lambda_metrics(name));
    }
  }
  // Every function's metrics, moved out: the index answers find() no more.
  std::vector<std::pair<std::string, LambdaMetrics>> take_all() { return std::move(by_name_); }
  const LambdaMetrics* find(const std::string& handler) {
    const std::string dashed = dash_case_handler(handler);
    for (const auto& [name, m] : by_name_)
      if (name == dashed || (name.size() > dashed.size() && name.ends_with("-" + dashed))) return &m;
    // Some functions are shown in more than one widget: each missing one is one error.
    std::string problem = fmt::format("business metric needs Lambda function '{}' (name ending in '-{}'), which is not "
                                      "among lambda_function_arns (context \"lambdaFunctionArns\")",
                                      handler, dashed);
    if (std::find(missing_.begin(), missing_.end(), problem) == missing_.end()) missing_.push_back(std::move(problem));
    return nullptr;
  }
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  std::vector<std::pair<std::string, LambdaMetrics>> by_name_;
  std::vector<std::string> missing_;
};

Metric metric_5min(std::string ns, std::string name, std::vector<std::pair<std::string, Value>> dims,
                   std::string statistic, std::string region = "") {
  return Metric({.namespace_ = std::move(ns),
                 .metric_name = std::move(name),
                 .dimensions_map = std::move(dims),
                 .statistic = std::move(statistic),
                 .region = std::move(region)});
}

WidgetPtr graph(std::string title, std::vector<AnyMetric> left, int width, int height = 6) {
  return std::make_shared<cloudwatch::GraphWidget>(
      cloudwatch::GraphWidgetProps{.title = std::move(title), .left = std::move(left), .width = width, .height = height});
}

WidgetPtr text(std::string markdown) {
  return std::make_shared<cloudwatch::TextWidget>(
      cloudwatch::TextWidgetProps{.markdown = std::move(markdown), .width = 8, .height = 6});
}

}  // namespace

OpsStack::OpsStack(Construct& scope, std::string id, OpsStackProps props) : Stack(scope, std::move(id), props.stack) {
  const std::string& prefix = props.resource_name_prefix;
  // The dashboard stays untagged: cfn-lint's us-east-1 schema has no Dashboard Tags (E3002).
  for (auto& [key, value] : ops_tags(props)) Tags::of(*this).add(key, value, {"AWS::CloudWatch::Dashboard"});

  LambdaMetricIndex lambdas(props.lambda_function_arns);

  auto& topic = add<sns::Topic>(prefix + "-AlertTopic", sns::TopicProps{
                                                            .topic_name = prefix + "-ops-alerts",
                                                            .display_name = "DIY Accounting Submit - Operational Alerts",
                                                            .enforce_ssl = true,
                                                        });
  if (!props.alert_email.empty()) topic.add_email_subscription(props.alert_email);
  auto notify = [&topic](cloudwatch::Alarm& alarm) {
    alarm.add_alarm_action(cloudwatch::SnsAction(topic));
    alarm.add_ok_action(cloudwatch::SnsAction(topic));
  };

  std::optional<OpsCanaries> canaries;
  if (!props.base_url.empty()) canaries = add_ops_canaries(*this, props, notify);

  // The GitHub Actions synthetic test publishes behaviour-test (0/1) in the apex-domain namespace.
  std::string apex = props.env_base_url;
  if (apex.starts_with("https://")) apex.erase(0, 8);
  while (!apex.empty() && apex.back() == '/') apex.pop_back();
  auto github_metric = [&](int period) {
    return Metric({.namespace_ = apex,
                   .metric_name = "behaviour-test",
                   .dimensions_map = {{"deployment-name", props.deployment_name}, {"test", "submitVatBehaviour"}},
                   .statistic = "Minimum",
                   .period_seconds = period});
  };
  auto& github_alarm = add<cloudwatch::Alarm>(
      "GithubSyntheticAlarm", cloudwatch::AlarmProps{
                                  .metric = github_metric(2 * 3600),
                                  .threshold = 1,
                                  .evaluation_periods = 1,
                                  .comparison_operator = cloudwatch::ComparisonOperator::GreaterThanOrEqualToThreshold,
                                  .treat_missing_data = cloudwatch::TreatMissingData::Breaching,
                                  .alarm_name = prefix + "-github-synthetic-failed",
                                  .alarm_description = "GitHub Actions synthetic test has not succeeded in 2 hours"});
  notify(github_alarm);

  // "API Errors": API Gateway 5xx by ApiId, else the account-wide Lambda Errors (an alarm's math
  // expression cannot sum the app's 16 functions: at most 10 metrics).
  const Metric api_error_metric = props.api_gateway_id.empty()
                                      ? metric_5min("AWS/Lambda", "Errors", {}, "Sum")
                                      : metric_5min("AWS/ApiGateway", "5xx", {{"ApiId", props.api_gateway_id}}, "Sum");
  auto error_alarm = [&](const char* id, std::string name, std::string description, Metric metric) {
    auto& alarm = add<cloudwatch::Alarm>(
        id, cloudwatch::AlarmProps{.metric = std::move(metric),
                                   .threshold = 1,
                                   .evaluation_periods = 1,
                                   .comparison_operator = cloudwatch::ComparisonOperator::GreaterThanOrEqualToThreshold,
                                   .treat_missing_data = cloudwatch::TreatMissingData::NotBreaching,
                                   .alarm_name = std::move(name),
                                   .alarm_description = std::move(description)});
    notify(alarm);
  };
  error_alarm("ApiErrorAlarm", prefix + "-api-5xx-errors", "API 5xx errors >= 1 in 5 minutes", api_error_metric);
  if (auto token = lambdas.find("hmrcTokenPost"))
    error_alarm("AuthFailureAlarm", prefix + "-hmrc-auth-failures",
                "HMRC authentication (hmrcTokenPost) errors >= 1 in 5 minutes", token->errors);

  // Alarms are referred to by ARNs written out from their fixed names, not Fn::GetAtt: moto does
  // not create alarms and fails any deploy that reads their attributes.
  auto alarm_arn = [this](const std::string& name) {
    return fn::concat({"arn:aws:cloudwatch:", region(), ":", account(), ":alarm:" + name});
  };
  std::vector<std::string> alarm_names;
  if (canaries) alarm_names = {prefix + "-health-failed", prefix + "-api-failed"};
  for (const char* suffix : {"-github-synthetic-failed", "-api-5xx-errors", "-hmrc-auth-failures"})
    alarm_names.push_back(prefix + suffix);
  std::vector<Value> alarm_arns;
  for (const auto& n : alarm_names) alarm_arns.push_back(alarm_arn(n));

  // ---------------------------------------------------------------------------------- dashboard
  std::vector<std::vector<WidgetPtr>> rows;
  auto canary_metric = [](const std::string& name) {
    return metric_5min("CloudWatchSynthetics", "SuccessPercent", {{"CanaryName", name}}, "Average");
  };
  // RUM metrics are dimensioned by the app monitor's name; rum_app_monitor_id is used as that name.
  auto rum_metric = [&](const char* name, const char* statistic = "Sum") {
    return metric_5min("AWS/RUM", name, {{"application_name", props.rum_app_monitor_id}}, statistic);
  };
  auto business = [&](std::initializer_list<const char*> handlers) {
    std::vector<AnyMetric> out;
    for (const char* h : handlers)
      if (auto m = lambdas.find(h)) out.emplace_back(m->invocations);
    return out;
  };

  // Row 1: synthetic health (AWS canaries, GitHub Actions) and real users.
  rows.push_back({
      canaries ? graph("AWS Canary Health",
                       {canary_metric(canaries->health_canary_name), canary_metric(canaries->api_canary_name)}, 8)
               : text("AWS canaries not configured (no baseUrl)"),
      graph("GitHub Synthetic Tests", {github_metric(3600)}, 8),
      props.rum_app_monitor_id.empty()
          ? text("RUM not configured")
          : graph("Real User Traffic (RUM)", {rum_metric("PageViewCount"), rum_metric("SessionCount")}, 8),
  });
  // Row 2: business metrics.
  rows.push_back({graph("VAT Submissions & Sign-ups", business({"hmrcVatReturnPost", "cognitoPostConfirmation"}), 12),
                  graph("HMRC Authentications & Bundle Changes", business({"hmrcTokenPost", "bundlePost"}), 12)});
  // Rows 3 and 4: every function's invocations, errors, p95 duration and throttles.
  std::vector<AnyMetric> invocations, errors, durations, throttles;
  auto all_lambdas = lambdas.take_all();
  for (auto* list : {&invocations, &errors, &durations, &throttles}) list->reserve(all_lambdas.size());
  for (auto& [name, m] : all_lambdas) {
    invocations.emplace_back(std::move(m.invocations));
    errors.emplace_back(std::move(m.errors));
    durations.emplace_back(std::move(m.duration_p95));
    throttles.emplace_back(std::move(m.throttles));
  }
  rows.push_back({graph("Lambda Invocations by Function", std::move(invocations), 12),
                  graph("Lambda Errors by Function", std::move(errors), 12)});
  rows.push_back({graph("Lambda p95 Duration", std::move(durations), 12),
                  graph("Lambda Throttles", std::move(throttles), 12)});
  // Row 5: every alarm of the stack.
  rows.push_back({std::make_shared<cloudwatch::AlarmStatusWidget>(cloudwatch::AlarmStatusWidgetProps{
      .title = "Alarm Status", .alarm_arns = std::move(alarm_arns), .width = 24, .height = 4})});
  // Extra rows, each only when its id is given.
  if (!props.rum_app_monitor_id.empty())
    rows.push_back({graph("RUM Errors", {rum_metric("JsErrorCount"), rum_metric("HttpErrorCount")}, 12),
                    graph("RUM Page Load p95 (ms)", {rum_metric("PerformanceNavigationDuration", "p95")}, 12)});
  if (!props.cloudfront_distribution_id.empty()) {
    // CloudFront publishes its metrics in us-east-1 with Region=Global.
    auto cf = [&](const char* name, const char* statistic) {
      return metric_5min("AWS/CloudFront", name,
                         {{"DistributionId", props.cloudfront_distribution_id}, {"Region", "Global"}}, statistic,
                         "us-east-1");
    };
    rows.push_back({graph("CloudFront Requests", {cf("Requests", "Sum")}, 12),
                    graph("CloudFront Error Rates (%)", {cf("4xxErrorRate", "Average"), cf("5xxErrorRate", "Average")}, 12)});
  }
  if (!props.api_gateway_id.empty()) {
    // The project's API is an API Gateway HTTP API: metrics by ApiId.
    auto api = [&](const char* name, const char* statistic) {
      return metric_5min("AWS/ApiGateway", name, {{"ApiId", props.api_gateway_id}}, statistic);
    };
    rows.push_back({graph("API Gateway Latency p95 (ms)", {api("Latency", "p95")}, 12),
                    graph("API Gateway 4xx / 5xx", {api("4xx", "Sum"), api("5xx", "Sum")}, 12)});
  }
  auto& dashboard = add<cloudwatch::Dashboard>(
      prefix + "-Dashboard", cloudwatch::DashboardProps{.dashboard_name = prefix + "-operations", .widgets = std::move(rows)});

  // Logs Insights: real (non-synthetic) users by hour. A regex anchored at the start: the seed's
  // SQL-style NOT LIKE '...%' is a substring match in Logs Insights and would filter nothing.
  add<logs::QueryDefinition>("RealUsersQuery",
                             logs::QueryDefinitionProps{
                                 .query_definition_name = prefix + "-real-users-by-hour",
                                 .query_string = {.fields = {"@timestamp", "@message"},
                                                  .filter_statements = {"userAgent not like /^DIYAccounting-Synthetic/"},
                                                  .stats_statements = {"count(*) as realUsers by bin(1h)"}}});

  // -------------------------------------------------------------------------------------- outputs
  auto output = [this](const char* id, Value v) { add<CfnOutput>(id, CfnOutputProps{.value = std::move(v)}); };
  output("OperationalDashboard", fn::concat({"https://", region(), ".console.aws.amazon.com/cloudwatch/home?region=",
                                             region(), "#dashboards:name=", dashboard.dashboard_name()}));
  output("AlertTopicArn", topic.topic_arn());
  if (canaries) {
    output("HealthCanaryName", canaries->health_canary_name);
    output("ApiCanaryName", canaries->api_canary_name);
    output("CanaryArtifactsBucket", canaries->bucket->bucket_name());
    output("HealthAlarmArn", alarm_arn(prefix + "-health-failed"));
    output("ApiAlarmArn", alarm_arn(prefix + "-api-failed"));
  }
  output("GithubSyntheticAlarmArn", alarm_arn(prefix + "-github-synthetic-failed"));
  output("ApiErrorAlarmArn", alarm_arn(prefix + "-api-5xx-errors"));
  output("AuthFailureAlarmArn", alarm_arn(prefix + "-hmrc-auth-failures"));

  add_validation([missing = lambdas.missing()] { return missing; });
}

}  // namespace opsynth::seed
