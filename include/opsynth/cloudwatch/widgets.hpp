// The dashboard widgets of aws-cdk-lib's cloudwatch module, rendered with its JSON keys in its
// order: GraphWidget, SingleValueWidget, TextWidget, AlarmStatusWidget, LogQueryWidget.
//
//   auto graph = std::make_shared<cloudwatch::GraphWidget>(cloudwatch::GraphWidgetProps{
//       .title = "Lambda Errors", .left = {errors_a, errors_b}, .width = 12, .height = 6});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/cloudwatch/metric.hpp"
#include "opsynth/cloudwatch/widget.hpp"

namespace opsynth::cloudwatch {

// The "metrics" array of a graph: one entry per series, a MathExpression followed by the
// metrics it uses (hidden, with their ids), like aws-cdk-lib's allMetricsGraphJson.
Value metrics_graph_json(const std::vector<AnyMetric>& left, const std::vector<AnyMetric>& right);
// What is wrong with the ids of those series: one id given to two different metrics.
std::vector<std::string> metric_id_conflicts(const std::vector<AnyMetric>& left, const std::vector<AnyMetric>& right);

struct YAxisProps {
  std::optional<double> min, max;
  std::string label;
  std::optional<bool> show_units;
};

struct HorizontalAnnotation {
  double value = 0;
  std::string label;
  std::string color;
  std::string fill;  // "above", "below" or "" (none)
};

enum class GraphView { TimeSeries, Bar, Pie };
enum class LegendPosition { Bottom, Right, Hidden };

struct GraphWidgetProps {
  std::string title;
  std::vector<AnyMetric> left;
  std::vector<AnyMetric> right;
  int width = 6;
  int height = 6;
  GraphView view = GraphView::TimeSeries;
  std::optional<bool> stacked;
  std::optional<YAxisProps> left_y_axis, right_y_axis;
  std::vector<HorizontalAnnotation> left_annotations;
  std::optional<LegendPosition> legend_position;
  std::optional<bool> live_data;
  std::optional<int> period_seconds;
  std::string statistic;
  std::string region;  // empty: the deploying region
};

class GraphWidget : public ConcreteWidget {
 public:
  explicit GraphWidget(GraphWidgetProps props);
  std::vector<Value> to_json() const override;
  std::vector<std::string> problems() const override;
  void add_left_metric(AnyMetric m) { props_.left.push_back(std::move(m)); }

 protected:
  std::string describe() const override { return "graph widget \"" + props_.title + "\""; }

 private:
  GraphWidgetProps props_;
};

struct SingleValueWidgetProps {
  std::string title;
  std::vector<AnyMetric> metrics;
  int width = 6;
  int height = 3;
  std::optional<bool> sparkline;
  std::optional<bool> set_period_to_time_range;
  std::optional<bool> full_precision;
  std::optional<int> period_seconds;
  std::string region;
};

class SingleValueWidget : public ConcreteWidget {
 public:
  explicit SingleValueWidget(SingleValueWidgetProps props);
  std::vector<Value> to_json() const override;
  std::vector<std::string> problems() const override;

 protected:
  std::string describe() const override { return "single-value widget \"" + props_.title + "\""; }

 private:
  SingleValueWidgetProps props_;
};

enum class TextWidgetBackground { Transparent, Solid };

struct TextWidgetProps {
  std::string markdown;
  int width = 6;
  int height = 2;
  TextWidgetBackground background = TextWidgetBackground::Transparent;
};

class TextWidget : public ConcreteWidget {
 public:
  explicit TextWidget(TextWidgetProps props);
  std::vector<Value> to_json() const override;

 protected:
  std::string describe() const override;

 private:
  TextWidgetProps props_;
};

struct AlarmStatusWidgetProps {
  std::string title = "Alarm Status";
  std::vector<Value> alarm_arns;  // Alarm::alarm_arn() or ARNs written out
  int width = 6;
  int height = 3;
  std::vector<std::string> states;  // e.g. "ALARM"; empty: every state
  std::string sort_by;              // "default", "stateUpdatedTimestamp", "timestamp"; empty: default
};

class AlarmStatusWidget : public ConcreteWidget {
 public:
  explicit AlarmStatusWidget(AlarmStatusWidgetProps props);
  std::vector<Value> to_json() const override;
  std::vector<std::string> problems() const override;

 protected:
  std::string describe() const override { return "alarm status widget \"" + props_.title + "\""; }

 private:
  AlarmStatusWidgetProps props_;
};

enum class LogQueryView { Table, Line, StackedArea, Bar, Pie };

struct LogQueryWidgetProps {
  std::string title;
  std::vector<Value> log_group_names;  // at least one
  std::string query_string;            // exactly one of query_string and query_lines
  std::vector<std::string> query_lines;
  int width = 6;
  int height = 6;
  LogQueryView view = LogQueryView::Table;
  std::string region;
};

class LogQueryWidget : public ConcreteWidget {
 public:
  explicit LogQueryWidget(LogQueryWidgetProps props);
  std::vector<Value> to_json() const override;
  std::vector<std::string> problems() const override;

 protected:
  std::string describe() const override { return "log query widget \"" + props_.title + "\""; }

 private:
  LogQueryWidgetProps props_;
};

}  // namespace opsynth::cloudwatch
