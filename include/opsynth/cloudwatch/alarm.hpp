// A CloudWatch alarm (aws-cdk-lib's cloudwatch.Alarm): child "Resource" (AWS::CloudWatch::Alarm)
// on a Metric (Namespace/MetricName/Dimensions/Period and Statistic or ExtendedStatistic) or a
// MathExpression (Metrics list).
//
//   auto& alarm = stack.add<cloudwatch::Alarm>("HealthAlarm", cloudwatch::AlarmProps{
//       .metric = canary.metric_success_percent(), .threshold = 90, .evaluation_periods = 2,
//       .comparison_operator = cloudwatch::ComparisonOperator::LessThanThreshold,
//       .treat_missing_data = cloudwatch::TreatMissingData::Breaching});
//   alarm.add_alarm_action(cloudwatch::SnsAction(topic));
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/cloudwatch/metric.hpp"
#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::cloudwatch {
class CfnAlarm;
}

namespace opsynth::cloudwatch {

enum class ComparisonOperator {
  GreaterThanOrEqualToThreshold,
  GreaterThanThreshold,
  LessThanThreshold,
  LessThanOrEqualToThreshold,
  // Anomaly-detection band operators.
  LessThanLowerOrGreaterThanUpperThreshold,
  GreaterThanUpperThreshold,
  LessThanLowerThreshold,
};
std::string to_string(ComparisonOperator op);

enum class TreatMissingData { Breaching, NotBreaching, Ignore, Missing };
std::string to_string(TreatMissingData t);

// Something an alarm notifies (aws-cdk-lib's IAlarmAction), e.g. SnsAction.
class IAlarmAction {
 public:
  virtual ~IAlarmAction() = default;
  virtual Value alarm_action_arn() const = 0;
};

struct AlarmProps {
  AnyMetric metric;  // required
  double threshold = 0;
  int evaluation_periods = 1;
  std::optional<int> datapoints_to_alarm;
  ComparisonOperator comparison_operator = ComparisonOperator::GreaterThanOrEqualToThreshold;
  std::optional<TreatMissingData> treat_missing_data;
  std::string alarm_name;         // empty: CloudFormation generates one
  std::string alarm_description;  // empty: none
  std::optional<bool> actions_enabled;
  std::string evaluate_low_sample_count_percentile;  // "evaluate" or "ignore"; percentiles only
};

class Alarm : public Construct {
 public:
  Alarm(Construct& scope, std::string id, AlarmProps props);

  Value alarm_arn() const;   // Fn::GetAtt Arn
  Value alarm_name() const;  // Ref
  const AlarmProps& props() const { return props_; }

  void add_alarm_action(const IAlarmAction& action);
  void add_ok_action(const IAlarmAction& action);
  void add_insufficient_data_action(const IAlarmAction& action);

  cfn::cloudwatch::CfnAlarm& resource() { return *resource_; }
  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  AlarmProps props_;
  std::vector<Value> alarm_actions_, ok_actions_, insufficient_data_actions_;
  cfn::cloudwatch::CfnAlarm* resource_;
};

}  // namespace opsynth::cloudwatch
