#include "opsynth/cloudwatch/widgets.hpp"

#include <fmt/format.h>

#include "opsynth/core/value.hpp"

namespace opsynth::cloudwatch {
namespace {

void put(ValueMap& out, const char* key, std::optional<Value> v) {
  if (v) out.emplace_back(key, std::move(*v));
}
template <class T>
std::optional<Value> opt(const std::optional<T>& v) {
  return v ? std::optional<Value>(Value(*v)) : std::nullopt;
}
std::optional<Value> non_empty(const std::string& s) { return s.empty() ? std::nullopt : std::optional<Value>(s); }
Value region_or_deploying(const std::string& region) { return region.empty() ? aws::region() : Value(region); }

std::optional<Value> y_axis(const std::optional<YAxisProps>& a) {
  if (!a) return std::nullopt;
  ValueMap out;
  put(out, "min", opt(a->min));
  put(out, "max", opt(a->max));
  put(out, "label", non_empty(a->label));
  put(out, "showUnits", opt(a->show_units));
  return Value::object(std::move(out));
}

std::vector<std::string> all_metric_problems(const std::string& widget, const std::vector<AnyMetric>& left,
                                             const std::vector<AnyMetric>& right = {}) {
  std::vector<std::string> out;
  for (const auto* metrics : {&left, &right})
    for (const auto& m : *metrics)
      for (auto& p : metric_problems(m)) out.push_back(fmt::format("{}: {}", widget, p));
  for (auto& p : metric_id_conflicts(left, right)) out.push_back(fmt::format("{}: {}", widget, p));
  return out;
}

const char* to_string(GraphView v) {
  switch (v) {
    case GraphView::Bar: return "bar";
    case GraphView::Pie: return "pie";
    case GraphView::TimeSeries: break;
  }
  return "timeSeries";
}

const char* to_string(LegendPosition p) {
  switch (p) {
    case LegendPosition::Right: return "right";
    case LegendPosition::Hidden: return "hidden";
    case LegendPosition::Bottom: break;
  }
  return "bottom";
}

}  // namespace

GraphWidget::GraphWidget(GraphWidgetProps props) : ConcreteWidget(props.width, props.height), props_(std::move(props)) {}

std::vector<Value> GraphWidget::to_json() const {
  ValueMap p;
  p.emplace_back("view", to_string(props_.view));
  put(p, "title", non_empty(props_.title));
  p.emplace_back("region", region_or_deploying(props_.region));
  put(p, "stacked", opt(props_.stacked));
  Value metrics = metrics_graph_json(props_.left, props_.right);
  if (!metrics.items().empty()) p.emplace_back("metrics", std::move(metrics));
  if (!props_.left_annotations.empty()) {
    std::vector<Value> horizontal;
    for (const auto& a : props_.left_annotations) {
      ValueMap entry;
      entry.emplace_back("value", a.value);
      put(entry, "label", non_empty(a.label));
      put(entry, "color", non_empty(a.color));
      put(entry, "fill", non_empty(a.fill));
      entry.emplace_back("yAxis", "left");
      horizontal.push_back(Value::object(std::move(entry)));
    }
    p.emplace_back("annotations", Value::object({{"horizontal", Value::list(std::move(horizontal))}}));
  }
  ValueMap axes;
  put(axes, "left", y_axis(props_.left_y_axis));
  put(axes, "right", y_axis(props_.right_y_axis));
  p.emplace_back("yAxis", Value::object(std::move(axes)));
  if (props_.legend_position) p.emplace_back("legend", Value::object({{"position", to_string(*props_.legend_position)}}));
  put(p, "liveData", opt(props_.live_data));
  put(p, "period", opt(props_.period_seconds));
  put(p, "stat", non_empty(props_.statistic));
  return {entry("metric", Value::object(std::move(p)))};
}

std::vector<std::string> GraphWidget::problems() const {
  auto out = ConcreteWidget::problems();
  for (auto& p : all_metric_problems(describe(), props_.left, props_.right)) out.push_back(std::move(p));
  return out;
}

SingleValueWidget::SingleValueWidget(SingleValueWidgetProps props)
    : ConcreteWidget(props.width, props.height), props_(std::move(props)) {}

std::vector<Value> SingleValueWidget::to_json() const {
  ValueMap p;
  p.emplace_back("view", "singleValue");
  put(p, "title", non_empty(props_.title));
  p.emplace_back("region", region_or_deploying(props_.region));
  put(p, "sparkline", opt(props_.sparkline));
  p.emplace_back("metrics", metrics_graph_json(props_.metrics, {}));
  put(p, "setPeriodToTimeRange", opt(props_.set_period_to_time_range));
  put(p, "singleValueFullPrecision", opt(props_.full_precision));
  put(p, "period", opt(props_.period_seconds));
  return {entry("metric", Value::object(std::move(p)))};
}

std::vector<std::string> SingleValueWidget::problems() const {
  auto out = ConcreteWidget::problems();
  for (auto& p : all_metric_problems(describe(), props_.metrics)) out.push_back(std::move(p));
  return out;
}

TextWidget::TextWidget(TextWidgetProps props) : ConcreteWidget(props.width, props.height), props_(std::move(props)) {}

std::vector<Value> TextWidget::to_json() const {
  const char* background = props_.background == TextWidgetBackground::Solid ? "solid" : "transparent";
  return {entry("text", Value::object({{"markdown", props_.markdown}, {"background", background}}))};
}

std::string TextWidget::describe() const {
  return "text widget \"" + props_.markdown.substr(0, 40) + (props_.markdown.size() > 40 ? "...\"" : "\"");
}

AlarmStatusWidget::AlarmStatusWidget(AlarmStatusWidgetProps props)
    : ConcreteWidget(props.width, props.height), props_(std::move(props)) {}

std::vector<Value> AlarmStatusWidget::to_json() const {
  ValueMap p;
  p.emplace_back("title", props_.title.empty() ? std::string("Alarm Status") : props_.title);
  p.emplace_back("alarms", Value::list(props_.alarm_arns));
  if (!props_.states.empty()) {
    std::vector<Value> states(props_.states.begin(), props_.states.end());
    p.emplace_back("states", Value::list(std::move(states)));
  }
  put(p, "sortBy", non_empty(props_.sort_by));
  return {entry("alarm", Value::object(std::move(p)))};
}

std::vector<std::string> AlarmStatusWidget::problems() const {
  auto out = ConcreteWidget::problems();
  // CloudWatch shows at most 100 alarms in one alarm status widget.
  if (props_.alarm_arns.empty() || props_.alarm_arns.size() > 100)
    out.push_back(fmt::format("{} lists {} alarms; give 1 to 100", describe(), props_.alarm_arns.size()));
  for (const auto& s : props_.states)
    if (s != "ALARM" && s != "OK" && s != "INSUFFICIENT_DATA")
      out.push_back(fmt::format("{}: state \"{}\" is not one of ALARM, OK, INSUFFICIENT_DATA", describe(), s));
  return out;
}

LogQueryWidget::LogQueryWidget(LogQueryWidgetProps props) : ConcreteWidget(props.width, props.height), props_(std::move(props)) {}

std::vector<Value> LogQueryWidget::to_json() const {
  // "SOURCE 'a' | SOURCE 'b' | <query>" (log group names may be references).
  std::vector<Value> parts;
  for (std::size_t i = 0; i < props_.log_group_names.size(); ++i) {
    parts.emplace_back(i == 0 ? "SOURCE '" : " | SOURCE '");
    parts.push_back(props_.log_group_names[i]);
    parts.emplace_back("'");
  }
  std::string query = props_.query_string;
  if (!props_.query_lines.empty()) {
    query.clear();
    for (std::size_t i = 0; i < props_.query_lines.size(); ++i) query += (i ? "\n| " : "") + props_.query_lines[i];
  }
  parts.emplace_back(" | " + query);

  ValueMap p;
  const bool series = props_.view == LogQueryView::Line || props_.view == LogQueryView::StackedArea;
  const char* view = series ? "timeSeries"
                     : props_.view == LogQueryView::Bar ? "bar"
                     : props_.view == LogQueryView::Pie ? "pie"
                                                        : "table";
  p.emplace_back("view", view);
  put(p, "title", non_empty(props_.title));
  p.emplace_back("region", region_or_deploying(props_.region));
  p.emplace_back("query", fn::concat(std::move(parts)));
  if (series) p.emplace_back("stacked", props_.view == LogQueryView::StackedArea);
  return {entry("log", Value::object(std::move(p)))};
}

std::vector<std::string> LogQueryWidget::problems() const {
  auto out = ConcreteWidget::problems();
  if (props_.log_group_names.empty()) out.push_back(describe() + " names no log group; give at least one");
  if (props_.query_string.empty() == props_.query_lines.empty())
    out.push_back(describe() + " needs exactly one of query_string and query_lines");
  return out;
}

}  // namespace opsynth::cloudwatch
