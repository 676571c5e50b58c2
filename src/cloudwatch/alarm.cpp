#include "opsynth/cloudwatch/alarm.hpp"

#include <cmath>

#include <fmt/format.h>

#include "opsynth/cfn/cloudwatch/alarm.hpp"
#include "opsynth/core/stack.hpp"

namespace opsynth::cloudwatch {
namespace {

using CfnMetricQuery = cfn::cloudwatch::alarm::MetricDataQueryProperty;

cfn::cloudwatch::alarm::MetricProperty metric_identity(const Metric& m) {
  cfn::cloudwatch::alarm::MetricProperty out;
  const auto& dims = m.dimensions();
  if (!dims.empty()) {
    cfn::List<cfn::Object<cfn::cloudwatch::alarm::DimensionProperty>> list;
    for (const auto& [name, value] : dims) list.push_back(cfn::cloudwatch::alarm::DimensionProperty{.name = name, .value = value});
    out.dimensions = std::move(list);
  }
  out.metric_name = m.props().metric_name;
  out.namespace_ = m.props().namespace_;
  return out;
}

// aws-cdk-lib's alarm rendering of a math expression: the expression (id expr_1, returns data)
// and each metric it uses (MetricStat, ReturnData false).
cfn::List<cfn::Object<CfnMetricQuery>> metric_queries(const MathExpression& e) {
  cfn::List<cfn::Object<CfnMetricQuery>> out;
  CfnMetricQuery top;
  top.expression = e.props().expression;
  top.id = "expr_1";
  if (!e.props().label.empty()) top.label = e.props().label;
  if (e.is_search()) top.period = e.props().period_seconds;
  out.push_back(std::move(top));
  for (const auto& [id, m] : e.props().using_metrics) {
    CfnMetricQuery q;
    q.id = id;
    if (!m.props().label.empty()) q.label = m.props().label;
    cfn::cloudwatch::alarm::MetricStatProperty stat;
    stat.metric = metric_identity(m);
    stat.period = m.props().period_seconds;
    stat.stat = m.statistic();
    if (!m.props().unit.empty()) stat.unit = m.props().unit;
    q.metric_stat = std::move(stat);
    q.return_data = false;
    out.push_back(std::move(q));
  }
  return out;
}

int period_of(const AnyMetric& m) {
  return std::visit([](const auto& x) { return x.props().period_seconds; }, m);
}

cfn::List<cfn::String> as_list(const std::vector<Value>& arns) {
  cfn::List<cfn::String> out;
  for (const auto& a : arns) out.push_back(a);
  return out;
}

}  // namespace

std::string to_string(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::GreaterThanOrEqualToThreshold: return "GreaterThanOrEqualToThreshold";
    case ComparisonOperator::GreaterThanThreshold: return "GreaterThanThreshold";
    case ComparisonOperator::LessThanThreshold: return "LessThanThreshold";
    case ComparisonOperator::LessThanOrEqualToThreshold: return "LessThanOrEqualToThreshold";
    case ComparisonOperator::LessThanLowerOrGreaterThanUpperThreshold: return "LessThanLowerOrGreaterThanUpperThreshold";
    case ComparisonOperator::GreaterThanUpperThreshold: return "GreaterThanUpperThreshold";
    case ComparisonOperator::LessThanLowerThreshold: return "LessThanLowerThreshold";
  }
  return "GreaterThanOrEqualToThreshold";
}

std::string to_string(TreatMissingData t) {
  switch (t) {
    case TreatMissingData::Breaching: return "breaching";
    case TreatMissingData::NotBreaching: return "notBreaching";
    case TreatMissingData::Ignore: return "ignore";
    case TreatMissingData::Missing: return "missing";
  }
  return "missing";
}

Alarm::Alarm(Construct& scope, std::string id, AlarmProps props) : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<cfn::cloudwatch::CfnAlarm>("Resource");
}

Value Alarm::alarm_arn() const { return resource_->get_att("Arn"); }
Value Alarm::alarm_name() const { return resource_->ref(); }

void Alarm::add_alarm_action(const IAlarmAction& action) { alarm_actions_.push_back(action.alarm_action_arn()); }
void Alarm::add_ok_action(const IAlarmAction& action) { ok_actions_.push_back(action.alarm_action_arn()); }
void Alarm::add_insufficient_data_action(const IAlarmAction& action) {
  insufficient_data_actions_.push_back(action.alarm_action_arn());
}

void Alarm::prepare() {
  auto& p = resource_->props();
  p.actions_enabled.reset();
  if (props_.actions_enabled) p.actions_enabled = *props_.actions_enabled;
  if (!alarm_actions_.empty()) p.alarm_actions = as_list(alarm_actions_);
  if (!ok_actions_.empty()) p.ok_actions = as_list(ok_actions_);
  if (!insufficient_data_actions_.empty()) p.insufficient_data_actions = as_list(insufficient_data_actions_);
  if (!props_.alarm_description.empty()) p.alarm_description = props_.alarm_description;
  if (!props_.alarm_name.empty()) p.alarm_name = props_.alarm_name;
  p.comparison_operator = to_string(props_.comparison_operator);
  if (props_.datapoints_to_alarm) p.datapoints_to_alarm = *props_.datapoints_to_alarm;
  if (!props_.evaluate_low_sample_count_percentile.empty())
    p.evaluate_low_sample_count_percentile = props_.evaluate_low_sample_count_percentile;
  p.evaluation_periods = props_.evaluation_periods;
  p.threshold = props_.threshold;
  if (props_.treat_missing_data) p.treat_missing_data = to_string(*props_.treat_missing_data);

  if (const auto* m = std::get_if<Metric>(&props_.metric)) {
    auto identity = metric_identity(*m);
    p.dimensions = identity.dimensions;
    p.metric_name = identity.metric_name;
    p.namespace_ = identity.namespace_;
    p.period = m->props().period_seconds;
    if (m->statistic_kind() == ParsedStatistic::Kind::Simple)
      p.statistic = m->statistic();
    else
      p.extended_statistic = m->statistic();
    if (!m->props().unit.empty()) p.unit = m->props().unit;
  } else {
    p.metrics = metric_queries(std::get<MathExpression>(props_.metric));
  }
}

void Alarm::validate(std::vector<std::string>& errors) const {
  for (auto& p : metric_problems(props_.metric)) errors.push_back(std::move(p));
  const int period = period_of(props_.metric);
  // CloudWatch alarms: high-resolution 10, 20 or 30 s, else a multiple of 60 s.
  if (!(period == 10 || period == 20 || period == 30 || (period > 0 && period % 60 == 0)))
    errors.push_back(fmt::format("alarm period {} s is not allowed; use 10, 20, 30 or a multiple of 60 seconds", period));
  if (props_.evaluation_periods < 1)
    errors.push_back(fmt::format("evaluation periods {} is not allowed; use 1 or more", props_.evaluation_periods));
  // CloudWatch: the evaluation range is at most one day for periods under an hour, else 7 days.
  const long long range = static_cast<long long>(period) * props_.evaluation_periods;
  const long long max_range = period < 3600 ? 86400 : 7 * 86400;
  if (range > max_range)
    errors.push_back(fmt::format("period {} s x {} evaluation periods = {} s; at most {} s ({}) is allowed", period,
                                 props_.evaluation_periods, range, max_range,
                                 period < 3600 ? "1 day for periods under 1 hour" : "7 days"));
  if (props_.datapoints_to_alarm &&
      (*props_.datapoints_to_alarm < 1 || *props_.datapoints_to_alarm > props_.evaluation_periods))
    errors.push_back(fmt::format("datapoints to alarm {} is not allowed; use 1 to the evaluation periods ({})",
                                 *props_.datapoints_to_alarm, props_.evaluation_periods));
  if (!std::isfinite(props_.threshold)) errors.push_back("alarm threshold must be a finite number");
  if (props_.alarm_name.size() > 255)
    errors.push_back(fmt::format("alarm name is {} characters; at most 255 are allowed", props_.alarm_name.size()));
  if (props_.alarm_description.size() > 1024)
    errors.push_back(fmt::format("alarm description is {} characters; at most 1024 are allowed",
                                 props_.alarm_description.size()));
  if (const auto* m = std::get_if<Metric>(&props_.metric)) {
    const Value region = stack().region();
    if (!m->props().region.empty() && region.is_string() && m->props().region != region.as_string())
      errors.push_back(fmt::format("alarm metric is in region {} but the stack deploys to {}; an alarm can only watch "
                                   "metrics of its own region",
                                   m->props().region, region.as_string()));
    const bool extended = m->statistic_kind() == ParsedStatistic::Kind::Extended;
    if (!props_.evaluate_low_sample_count_percentile.empty() && !extended)
      errors.push_back("evaluate_low_sample_count_percentile applies only to percentile statistics such as p95");
  }
}

}  // namespace opsynth::cloudwatch
