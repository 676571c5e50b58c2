// aws-cdk-lib's allMetricsGraphJson (aws-cloudwatch/lib/private/rendering.js): one array per
// series, [namespace, name, dim, value, ..., {options}], options in aws-cdk-lib's key order.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "opsynth/cloudwatch/widgets.hpp"

namespace opsynth::cloudwatch {
namespace {

// One series of a graph: a widget's own metric or expression, or a metric an expression uses.
// The pointers are into the widget's props: a set lives only while its widget is rendered or checked.
using Series = std::variant<const Metric*, const MathExpression*>;

struct Entry {
  Series series;
  std::string y_axis;  // "left" / "right"; empty for the metrics an expression uses
  std::string id;
};

// Hash and equality of aws-cdk-lib's metricKey (Metric::same_series: label, colour and unit do not count).
struct SeriesHash {
  std::size_t operator()(const Series& s) const {
    const std::hash<std::string_view> h;
    if (const auto* x = std::get_if<const MathExpression*>(&s)) return h((*x)->props().expression);
    const Metric& m = *std::get<const Metric*>(s);
    // The dimensions too: a dashboard's metrics often differ only there (one per function).
    std::size_t out = h(m.props().metric_name) ^ static_cast<std::size_t>(m.props().period_seconds);
    for (const auto& [name, value] : m.dimensions())
      if (value.is_string()) out = out * 31 + h(value.as_string());
    return out;
  }
};
struct SameSeries {
  bool operator()(const Series& a, const Series& b) const {
    if (a.index() != b.index()) return false;
    if (const auto* m = std::get_if<const Metric*>(&a)) return (*m)->same_series(*std::get<const Metric*>(b));
    return std::get<const MathExpression*>(a)->same_series(*std::get<const MathExpression*>(b));
  }
};

std::string describe(const Series& s) {
  if (const auto* m = std::get_if<const Metric*>(&s))
    return fmt::format("{}/{}", (*m)->props().namespace_, (*m)->props().metric_name);
  return fmt::format("expression \"{}\"", std::get<const MathExpression*>(s)->props().expression);
}

// aws-cdk-lib's MetricSet: a series is drawn once. One given with an id is found by that id
// first, then by its series, unless the entry found has another id. Hashed: a graph of hundreds
// of metrics stays linear.
class MetricSet {
 public:
  MetricSet(const std::vector<AnyMetric>& left, const std::vector<AnyMetric>& right) {
    for (const auto& m : left) std::visit([&](const auto& x) { add(&x, "left", ""); }, m);
    for (const auto& m : right) std::visit([&](const auto& x) { add(&x, "right", ""); }, m);
  }
  const std::vector<Entry>& entries() const { return entries_; }
  // Ids given to two different series (aws-cdk-lib throws on the first).
  std::vector<std::string> take_conflicts() { return std::move(conflicts_); }

 private:
  void add(Series series, const char* y_axis, const std::string& id) {
    std::optional<std::size_t> found;
    if (!id.empty()) {
      if (auto it = by_id_.find(id); it != by_id_.end()) {
        if (SameSeries{}(entries_[it->second].series, series)) {
          found = it->second;
        } else {
          conflicts_.push_back(fmt::format("metric id \"{}\" names two different metrics ({} and {}); ids must be "
                                           "unique within one widget",
                                           id, describe(entries_[it->second].series), describe(series)));
        }
      }
    }
    if (!found) {
      auto it = by_series_.find(series);
      if (it != by_series_.end() && !(entries_[it->second].id.size() && id.size())) found = it->second;
    }
    if (!found) {
      found = entries_.size();
      entries_.push_back({series, "", ""});
      by_series_.insert_or_assign(series, *found);  // the newest entry of a series is the one found next
    }
    Entry& e = entries_[*found];
    if (e.id.empty() && !id.empty()) {
      e.id = id;
      by_id_.emplace(e.id, *found);
    }
    if (e.y_axis.empty()) e.y_axis = y_axis;
    if (const auto* x = std::get_if<const MathExpression*>(&series)) {
      std::unordered_set<std::string_view> seen;  // an id given twice is the expression's own problem
      for (const auto& [sub_id, sub] : (*x)->props().using_metrics)
        if (seen.insert(sub_id).second) add(&sub, "", sub_id);
    }
  }

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<Series, std::size_t, SeriesHash, SameSeries> by_series_;
  std::vector<std::string> conflicts_;
};

void put(ValueMap& out, const char* key, std::optional<Value> v) {
  if (v) out.emplace_back(key, std::move(*v));
}
std::optional<Value> non_empty(const std::string& s) { return s.empty() ? std::nullopt : std::optional<Value>(s); }

Value render(const Entry& e) {
  std::vector<Value> out;
  ValueMap options;
  const std::optional<Value> hidden = e.y_axis.empty() ? std::optional<Value>(false) : std::nullopt;
  const std::optional<Value> y_axis = e.y_axis.empty() || e.y_axis == "left" ? std::nullopt : non_empty(e.y_axis);
  if (const auto* metric = std::get_if<const Metric*>(&e.series)) {
    const Metric* m = *metric;
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
    const auto& p = std::get<const MathExpression*>(e.series)->props();
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
  MetricSet set(left, right);
  std::vector<Value> out;
  out.reserve(set.entries().size());
  for (const auto& e : set.entries()) out.push_back(render(e));
  return Value::list(std::move(out));
}

std::vector<std::string> metric_id_conflicts(const std::vector<AnyMetric>& left, const std::vector<AnyMetric>& right) {
  // Ids come only with the metrics an expression uses: a graph of plain metrics has no conflict.
  auto is_expression = [](const AnyMetric& m) { return std::holds_alternative<MathExpression>(m); };
  if (std::none_of(left.begin(), left.end(), is_expression) && std::none_of(right.begin(), right.end(), is_expression))
    return {};
  return MetricSet(left, right).take_conflicts();
}

}  // namespace opsynth::cloudwatch
