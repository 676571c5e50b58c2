#include "opsynth/cloudwatch/dashboard.hpp"

#include <fmt/format.h>

#include "opsynth/cfn/cloudwatch/dashboard.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/core/stack.hpp"

namespace opsynth::cloudwatch {

Dashboard::Dashboard(Construct& scope, std::string id, DashboardProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<cfn::cloudwatch::CfnDashboard>("Resource");
  for (auto& row : props_.widgets) add_widgets(std::move(row));
  props_.widgets.clear();
}

void Dashboard::add_widgets(std::vector<WidgetPtr> widgets) {
  if (widgets.empty()) return;
  rows_.push_back(widgets.size() == 1 ? widgets.front() : std::make_shared<Row>(std::move(widgets)));
}

Value Dashboard::dashboard_name() const { return resource_->ref(); }

// The body is lazy, as aws-cdk-lib's Lazy dashboardBody: its thousands of values are built when
// the stack is validated and written, and dropped after, instead of living from prepare to the
// end of synthesis for every dashboard of the app.
void Dashboard::prepare() {
  auto& p = resource_->props();
  p.dashboard_body = Value::lazy([this] { return body(); });
  if (!props_.dashboard_name.empty()) p.dashboard_name = props_.dashboard_name;
}

Value Dashboard::body() const {
  Column column(rows_);
  column.position(0, 0);
  ValueMap body;
  if (!props_.start.empty()) body.emplace_back("start", props_.start);
  if (!props_.end.empty()) body.emplace_back("end", props_.end);
  if (!props_.period_override.empty()) body.emplace_back("periodOverride", props_.period_override);
  body.emplace_back("widgets", Value::list(column.to_json()));
  return Stack::to_json_string(Value::object(std::move(body)));
}

void Dashboard::validate(std::vector<std::string>& errors) const {
  static const Regex kName("^[A-Za-z0-9_-]{1,255}$");
  if (!props_.dashboard_name.empty() && !kName.full_match(props_.dashboard_name))
    errors.push_back(fmt::format("dashboard name \"{}\" is not valid; use 1-255 letters, digits, '-' and '_'",
                                 props_.dashboard_name));
  if (!props_.end.empty() && props_.start.empty()) errors.push_back("dashboard end is set without start; give both");
  std::vector<const Widget*> leaves;
  for (const auto& row : rows_) {
    row->leaves(leaves);
    for (auto& p : row->problems()) errors.push_back(std::move(p));
  }
  if (leaves.size() > kMaxDashboardWidgets)
    errors.push_back(fmt::format("dashboard has {} widgets; CloudWatch allows at most {}", leaves.size(),
                                 kMaxDashboardWidgets));
}

}  // namespace opsynth::cloudwatch
