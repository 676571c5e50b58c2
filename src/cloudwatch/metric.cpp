#include "opsynth/cloudwatch/metric.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "opsynth/core/regex.hpp"

namespace opsynth::cloudwatch {
namespace {

// CloudWatch's periods: high-resolution 1, 5, 10, 20 or 30 s, else whole minutes (aws-cdk-lib
// omits 20, which GetMetricData and alarms accept).
bool valid_metric_period(int s) {
  return s == 1 || s == 5 || s == 10 || s == 20 || s == 30 || (s > 0 && s % 60 == 0);
}

std::string period_problem(int s) {
  return fmt::format("metric period {} s is not allowed; use 1, 5, 10, 20, 30 or a multiple of 60 seconds", s);
}

}  // namespace

Metric::Metric(MetricProps props) : props_(std::move(props)), statistic_(parse_statistic(props_.statistic)) {
  auto by_name = [](const auto& a, const auto& b) { return a.first < b.first; };
  // Most metrics have one dimension: they keep no second copy (std::stable_sort would also
  // allocate its buffer even for one).
  if (std::is_sorted(props_.dimensions_map.begin(), props_.dimensions_map.end(), by_name)) return;
  sorted_dimensions_ = props_.dimensions_map;
  std::stable_sort(sorted_dimensions_.begin(), sorted_dimensions_.end(), by_name);
}

Metric Metric::with_statistic(std::string statistic) const {
  MetricProps p = props_;
  p.statistic = std::move(statistic);
  return Metric(std::move(p));
}
// The others keep the statistic and dimensions: a copy, without parsing and sorting them again.
Metric Metric::with_period(int seconds) const {
  Metric m = *this;
  m.props_.period_seconds = seconds;
  return m;
}
Metric Metric::with_label(std::string label) const {
  Metric m = *this;
  m.props_.label = std::move(label);
  return m;
}
Metric Metric::with_color(std::string color) const {
  Metric m = *this;
  m.props_.color = std::move(color);
  return m;
}
Metric Metric::with_region(std::string region) const {
  Metric m = *this;
  m.props_.region = std::move(region);
  return m;
}

std::vector<std::string> Metric::problems() const {
  std::vector<std::string> out;
  // Formatted only for a problem: most metrics have none.
  auto what = [this] { return fmt::format("metric {}/{}", props_.namespace_, props_.metric_name); };
  if (props_.namespace_.empty() || props_.namespace_.size() > 255)
    out.push_back(fmt::format("{}: namespace must be 1-255 characters", what()));
  if (props_.metric_name.empty() || props_.metric_name.size() > 255)
    out.push_back(fmt::format("{}: metric name must be 1-255 characters", what()));
  if (props_.dimensions_map.size() > 30)
    out.push_back(fmt::format("{}: {} dimensions; at most 30 are allowed", what(), props_.dimensions_map.size()));
  for (const auto& [name, value] : props_.dimensions_map) {
    if (name.empty() || name.size() > 255)
      out.push_back(fmt::format("{}: dimension name \"{}\" must be 1-255 characters", what(), name));
    if (value.is_string() && (value.as_string().empty() || value.as_string().size() > 1024))
      out.push_back(fmt::format("{}: dimension {} value must be 1-1024 characters", what(), name));
  }
  if (!valid_metric_period(props_.period_seconds)) out.push_back(fmt::format("{}: {}", what(), period_problem(props_.period_seconds)));
  if (statistic_.kind == ParsedStatistic::Kind::Unparseable)
    out.push_back(fmt::format("{}: statistic \"{}\" is not recognized; use Average, Sum, Minimum, Maximum, SampleCount "
                              "or an extended statistic such as p95, tm90 or IQM",
                              what(), props_.statistic));
  return out;
}

bool Metric::same_series(const Metric& o) const {
  return props_.namespace_ == o.props_.namespace_ && props_.metric_name == o.props_.metric_name &&
         dimensions() == o.dimensions() && statistic() == o.statistic() && props_.period_seconds == o.props_.period_seconds &&
         props_.region == o.props_.region && props_.account == o.props_.account;
}

MathExpression::MathExpression(MathExpressionProps props) : props_(std::move(props)) {
  // aws-cdk-lib's changeAllPeriods: the expression's period applies to every metric it uses.
  for (auto& [id, metric] : props_.using_metrics) metric = metric.with_period(props_.period_seconds);
}

bool MathExpression::is_search() const { return props_.expression.rfind("SEARCH(", 0) == 0; }

MathExpression MathExpression::with_label(std::string label) const {
  MathExpressionProps p = props_;
  p.label = std::move(label);
  return MathExpression(std::move(p));
}
MathExpression MathExpression::with_period(int seconds) const {
  MathExpressionProps p = props_;
  p.period_seconds = seconds;
  return MathExpression(std::move(p));
}

std::vector<std::string> MathExpression::problems() const {
  std::vector<std::string> out;
  const std::string what = fmt::format("math expression \"{}\"", props_.expression);
  if (props_.expression.empty()) out.push_back("math expression is empty; give an expression such as \"m1 + m2\"");
  if (props_.expression.size() > 2048)
    out.push_back(fmt::format("{}: {} characters; at most 2048 are allowed", what, props_.expression.size()));
  if (!valid_metric_period(props_.period_seconds)) out.push_back(fmt::format("{}: {}", what, period_problem(props_.period_seconds)));
  static const Regex kId("^[a-z][a-zA-Z0-9_]*$");
  std::unordered_set<std::string_view> ids;
  for (const auto& [id, metric] : props_.using_metrics) {
    if (!kId.full_match(id))
      out.push_back(fmt::format("{}: metric id \"{}\" must match ^[a-z][a-zA-Z0-9_]*$", what, id));
    // CloudWatch rejects a query list with an id twice (aws-cdk-lib's usingMetrics cannot hold one).
    if (!ids.insert(id).second) out.push_back(fmt::format("{}: metric id \"{}\" is given twice", what, id));
    for (auto& p : metric.problems()) out.push_back(std::move(p));
  }
  // Every identifier the expression names must be one of using_metrics (SEARCH strings and
  // function names are upper case, so only lower-case-initial words are variables).
  if (!is_search()) {
    static const Regex kVar("[a-z][a-zA-Z0-9_]*");
    for (const std::string& var : kVar.find_all(props_.expression)) {
      const bool known = std::any_of(props_.using_metrics.begin(), props_.using_metrics.end(),
                                     [&](const auto& e) { return e.first == var; });
      if (!known) out.push_back(fmt::format("{}: \"{}\" is not one of its using_metrics", what, var));
    }
  }
  return out;
}

bool MathExpression::same_series(const MathExpression& o) const {
  if (props_.expression != o.props_.expression || props_.using_metrics.size() != o.props_.using_metrics.size() ||
      props_.search_region != o.props_.search_region || props_.search_account != o.props_.search_account)
    return false;
  // By id, in any order: aws-cdk-lib's usingMetrics is an object.
  for (const auto& [id, metric] : props_.using_metrics) {
    auto other = std::find_if(o.props_.using_metrics.begin(), o.props_.using_metrics.end(),
                              [&](const auto& e) { return e.first == id; });
    if (other == o.props_.using_metrics.end() || !metric.same_series(other->second)) return false;
  }
  return true;
}

std::vector<std::string> metric_problems(const AnyMetric& m) {
  return std::visit([](const auto& x) { return x.problems(); }, m);
}

}  // namespace opsynth::cloudwatch
