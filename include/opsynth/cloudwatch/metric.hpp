// CloudWatch metrics as aws-cdk-lib models them: a `Metric` (namespace, name, dimensions,
// statistic, period) and a `MathExpression` over named metrics (incl. SEARCH expressions).
// Both are values; alarms and dashboard widgets render them (alarm.hpp, widgets.hpp).
//
//   cloudwatch::Metric errors({.namespace_ = "AWS/Lambda", .metric_name = "Errors",
//                              .dimensions_map = {{"FunctionName", "my-fn"}}, .statistic = "Sum"});
//   cloudwatch::Metric p95 = latency.with_statistic("p95");   // ExtendedStatistic in an alarm
//   cloudwatch::MathExpression rate({.expression = "100 * e / i",
//                                    .using_metrics = {{"e", errors}, {"i", invocations}}});
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth::cloudwatch {

// A statistic as CloudWatch names it: a simple one ("Average", "Sum", ...; aliases such as
// "avg" or "max" are normalized) or an extended one ("p95", "tm90", "IQM", "PR(10:20)").
struct ParsedStatistic {
  enum class Kind { Simple, Extended, Unparseable } kind;
  std::string statistic;  // normalized
};
ParsedStatistic parse_statistic(const std::string& statistic);

struct MetricProps {
  std::string namespace_;    // required
  std::string metric_name;   // required
  // Dimension name -> value (at most 30); rendered sorted by name like aws-cdk-lib.
  std::vector<std::pair<std::string, Value>> dimensions_map;
  std::string statistic = "Average";
  int period_seconds = 300;  // 1, 5, 10, 30 or a multiple of 60
  std::string label;         // empty: none
  std::string color;         // e.g. "#1f77b4"; empty: automatic
  std::string unit;          // unit filter (alarms); empty: any
  std::string region;        // empty: the stack's region
  std::string account;       // empty: the stack's account
};

class Metric {
 public:
  explicit Metric(MetricProps props);
  const MetricProps& props() const { return props_; }
  // The statistic normalized (see parse_statistic).
  const std::string& statistic() const { return statistic_.statistic; }
  ParsedStatistic::Kind statistic_kind() const { return statistic_.kind; }
  // Dimensions sorted by name.
  const std::vector<std::pair<std::string, Value>>& dimensions() const {
    return sorted_dimensions_.empty() ? props_.dimensions_map : sorted_dimensions_;
  }

  Metric with_statistic(std::string statistic) const;
  Metric with_period(int seconds) const;
  Metric with_label(std::string label) const;
  Metric with_color(std::string color) const;
  Metric with_region(std::string region) const;

  // What is wrong with this metric (empty when valid).
  std::vector<std::string> problems() const;
  // True when both stand for the same time series (aws-cdk-lib's metricKey: label, colour and unit ignored).
  bool same_series(const Metric& other) const;

 private:
  MetricProps props_;
  ParsedStatistic statistic_;  // parsed once: a dashboard makes hundreds of metrics
  // The dimensions sorted once (series are compared often); empty when props_ has them in order
  // already, as a metric with one dimension does.
  std::vector<std::pair<std::string, Value>> sorted_dimensions_;
};

struct MathExpressionProps {
  // A metric math expression over the ids of using_metrics, or a SEARCH(...) expression.
  std::string expression;
  // Id (^[a-z][a-zA-Z0-9_]*$) -> metric. Their periods are set to this expression's period.
  std::vector<std::pair<std::string, Metric>> using_metrics;
  std::string label;  // empty: the expression itself is the graph label
  std::string color;
  int period_seconds = 300;
  std::string search_region;   // SEARCH in another region
  std::string search_account;  // SEARCH in another account
};

class MathExpression {
 public:
  explicit MathExpression(MathExpressionProps props);
  const MathExpressionProps& props() const { return props_; }
  bool is_search() const;  // a SEARCH(...) expression
  MathExpression with_label(std::string label) const;
  MathExpression with_period(int seconds) const;
  std::vector<std::string> problems() const;
  bool same_series(const MathExpression& other) const;

 private:
  MathExpressionProps props_;
};

// What graphs and alarms take.
using AnyMetric = std::variant<Metric, MathExpression>;
std::vector<std::string> metric_problems(const AnyMetric& m);

}  // namespace opsynth::cloudwatch
