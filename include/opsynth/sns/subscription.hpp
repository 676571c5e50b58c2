// An SNS subscription (aws-cdk-lib's sns.Subscription): child "Resource" (AWS::SNS::Subscription).
// Usually made by Topic::add_email_subscription, which names it after the address like
// aws-cdk-lib's EmailSubscription.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::sns {
class CfnSubscription;
}

namespace opsynth::sns {

enum class SubscriptionProtocol { Email, EmailJson, Https, Http, Sqs, Lambda, Sms, Firehose, Application };
// The CloudFormation name, e.g. "email", "email-json".
std::string to_string(SubscriptionProtocol p);

struct SubscriptionProps {
  Value topic_arn;   // required
  SubscriptionProtocol protocol = SubscriptionProtocol::Email;
  Value endpoint;    // required: an address, URL or ARN depending on the protocol
};

class Subscription : public Construct {
 public:
  Subscription(Construct& scope, std::string id, SubscriptionProps props);
  Value subscription_arn() const;  // Ref
  cfn::sns::CfnSubscription& resource() { return *resource_; }
  void validate(std::vector<std::string>& errors) const override;

 private:
  SubscriptionProps props_;
  cfn::sns::CfnSubscription* resource_;
};

// True for something shaped like an email address (local@domain.tld, no spaces).
bool is_email_address(const std::string& s);

}  // namespace opsynth::sns
