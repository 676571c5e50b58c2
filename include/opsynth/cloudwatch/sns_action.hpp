// An alarm action that publishes to an SNS topic (aws-cdk-lib's cloudwatch-actions SnsAction).
#pragma once

#include "opsynth/cloudwatch/alarm.hpp"
#include "opsynth/sns/topic.hpp"

namespace opsynth::cloudwatch {

class SnsAction : public IAlarmAction {
 public:
  explicit SnsAction(const sns::Topic& topic) : topic_arn_(topic.topic_arn()) {}
  Value alarm_action_arn() const override { return topic_arn_; }

 private:
  Value topic_arn_;
};

}  // namespace opsynth::cloudwatch
