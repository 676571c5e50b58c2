// A CloudWatch dashboard (aws-cdk-lib's cloudwatch.Dashboard): child "Resource"
// (AWS::CloudWatch::Dashboard). Each add_widgets call adds a row (aws-cdk-lib's addWidgets);
// rows are stacked in a Column at (0, 0) and the body is rendered like Stack.toJsonString
// (a Fn::Join when a widget holds a reference).
//
//   auto& d = stack.add<cloudwatch::Dashboard>("Dashboard", cloudwatch::DashboardProps{
//       .dashboard_name = "prod-operations"});
//   d.add_widgets({graph_a, graph_b});
#pragma once

#include <string>
#include <vector>

#include "opsynth/cloudwatch/widget.hpp"
#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::cloudwatch {
class CfnDashboard;
}

namespace opsynth::cloudwatch {

// CloudWatch's limit on the widgets of one dashboard.
inline constexpr std::size_t kMaxDashboardWidgets = 500;

struct DashboardProps {
  std::string dashboard_name;  // [A-Za-z0-9_-], at most 255; empty: CloudFormation generates one
  std::vector<std::vector<WidgetPtr>> widgets;  // rows
  std::string start;            // e.g. "-P7D"; empty: the console default
  std::string end;              // needs start
  std::string period_override;  // "auto" or "inherit"; empty: none
};

class Dashboard : public Construct {
 public:
  Dashboard(Construct& scope, std::string id, DashboardProps props = {});
  // Adds one row (a single widget is added as it is, like aws-cdk-lib).
  void add_widgets(std::vector<WidgetPtr> widgets);

  Value dashboard_name() const;  // Ref
  cfn::cloudwatch::CfnDashboard& resource() { return *resource_; }
  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  // The DashboardBody document, with the widgets laid out (the lazy value prepare() sets).
  Value body() const;
  DashboardProps props_;
  std::vector<WidgetPtr> rows_;
  cfn::cloudwatch::CfnDashboard* resource_;
};

}  // namespace opsynth::cloudwatch
