// aws-cdk-lib's allMetricsGraphJson (aws-cloudwatch/lib/private/rendering.js): one array per
// series, [namespace, name, dim, value, ..., {options}], options in aws-cdk-lib's key order.
#include <optional>

#include "opsynth/cloudwatch/widgets.hpp"

namespace opsynth::cloudwatch {
namespace {

struct Entry {
  const AnyMetric* metric;  // the widget's own: entries live only while its JSON is built
  std::string y_axis;  // "left" / "right"; empty for the metrics an expression uses
  std::string id;
};

bool same_series(const AnyMetric& a, const AnyMetric& b) {
  if (a.index() != b.index()) return false;
  if (const auto* m = std::get_if<Metric>(&a)) return m->same_series(std::get<Metric>(b));
  return std::get<MathExpression>(a).same_series(std::get<MathExpression>(b));
}

// MetricSet.addOne: a series seen before is rendered once; an expression brings its metrics.
void add(std::vector<Entry>& entries, const AnyMetric& m, const std::string& y_axis, const std::string& id) {
  Entry* existing = nullptr;
  for (auto& e : entries)
    if (same_series(*e.metric, m) && !(id.size() && e.id.size())) existing = &e;
  if (existing == nullptr) {
    entries.push_back({&m, y_axis, id});
  } else {
    if (existing->id.empty()) existing->id = id;
    if (existing->y_axis.empty()) existing->y_axis = y_axis;
  }
  if (const auto* e = std::get_if<MathExpression>(&m))
    for (const auto& [sub_id, sub] : e->props().using_metrics) add(entries, sub, "", sub_id);
}

void put(ValueMap& out, const char* key, std::optional<Value> v) {
  if (v) out.emplace_back(key, std::move(*v));
}
std::optional<Value> non_empty(const std::string& s) { return s.empty() ? std::nullopt : std::optional<Value>(s); }

Value render(const Entry& e) {
  std::vector<Value> out;
  ValueMap options;
  const std::optional<Value> hidden = e.y_axis.empty() ? std::optional<Value>(false) : std::nullopt;
  const std::optional<Value> y_axis = e.y_axis.empty() || e.y_axis == "left" ? std::nullopt : non_empty(e.y_axis);
  if (const auto* m = std::get_if<Metric>(e.metric)) {
    const auto& p = m->props();
    out.reserve(3 + 2 * m->dimensions().size());
    out.emplace_back(p.namespace_);
    out.emplace_back(p.metric_name);
    for (const auto& [name, value] : m->dimensions()) {
      out.emplace_back(name);
      out.push_back(value);
    }
    put(options, "color", non_empty(p.color));
    put(options, "label", non_empty(p.label));
    put(options, "id", non_empty(e.id));
    put(options, "visible", hidden);
    put(options, "accountId", non_empty(p.account));
    put(options, "region", non_empty(p.region));
    if (p.period_seconds != 300) put(options, "period", Value(p.period_seconds));
    if (m->statistic() != "Average") put(options, "stat", Value(m->statistic()));
    put(options, "yAxis", y_axis);
  } else {
    const auto& x = std::get<MathExpression>(*e.metric);
    const auto& p = x.props();
    // A visible expression without a label is labelled with the expression itself.
    put(options, "label", hidden ? non_empty(p.label) : Value(p.label.empty() ? p.expression : p.label));
    put(options, "color", non_empty(p.color));
    put(options, "visible", hidden);
    put(options, "expression", Value(p.expression));
    put(options, "accountId", non_empty(p.search_account));
    put(options, "region", non_empty(p.search_region));
    if (p.period_seconds != 300) put(options, "period", Value(p.period_seconds));
    put(options, "yAxis", y_axis);
    put(options, "id", non_empty(e.id));
  }
  if (!options.empty()) out.push_back(Value::object(std::move(options)));
  return Value::list(std::move(out));
}

}  // namespace

Value metrics_graph_json(const std::vector<AnyMetric>& left, const std::vector<AnyMetric>& right) {
  std::vector<Entry> entries;
  for (const auto& m : left) add(entries, m, "left", "");
  for (const auto& m : right) add(entries, m, "right", "");
  std::vector<Value> out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.push_back(render(e));
  return Value::list(std::move(out));
}

}  // namespace opsynth::cloudwatch
