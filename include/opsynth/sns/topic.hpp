// An SNS topic (aws-cdk-lib's sns.Topic): child "Resource" (AWS::SNS::Topic), child
// "Policy/Resource" (AWS::SNS::TopicPolicy) when enforce_ssl is set, and one Subscription child per
// add_email_subscription, named after the address.
//
//   auto& topic = stack.add<sns::Topic>("AlertTopic", sns::TopicProps{
//       .topic_name = "prod-ops-alerts", .display_name = "Operational Alerts"});
//   topic.add_email_subscription("ops@example.com");
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"
#include "opsynth/sns/subscription.hpp"

namespace opsynth::cfn::sns {
class CfnTopic;
class CfnTopicPolicy;
}  // namespace opsynth::cfn::sns
namespace opsynth::kms {
class Key;
}

namespace opsynth::sns {

struct TopicProps {
  // 1-256 characters of [A-Za-z0-9_-] (a FIFO topic adds ".fifo"). Default: generated.
  std::optional<std::string> topic_name;
  std::string display_name;  // at most 100 characters; empty: none
  const kms::Key* master_key = nullptr;  // server-side encryption with this key
  // Deny sns:Publish without TLS (a topic policy, aws-cdk-lib's enforceSSL).
  bool enforce_ssl = false;
};

class Topic : public Construct {
 public:
  Topic(Construct& scope, std::string id, TopicProps props = {});

  Value topic_arn() const;   // Ref (SNS topics' Ref is the ARN)
  Value topic_name() const;  // Fn::GetAtt TopicName

  // aws-cdk-lib's addSubscription(new EmailSubscription(address)): construct id = the address.
  Subscription& add_email_subscription(const std::string& address, bool json = false);

  cfn::sns::CfnTopic& resource() { return *resource_; }
  const cfn::sns::CfnTopic& resource() const { return *resource_; }
  cfn::sns::CfnTopicPolicy* policy() const { return policy_; }
  void validate(std::vector<std::string>& errors) const override;

 private:
  TopicProps props_;
  cfn::sns::CfnTopic* resource_;
  cfn::sns::CfnTopicPolicy* policy_ = nullptr;
};

}  // namespace opsynth::sns
