#include "opsynth/sns/subscription.hpp"

#include <fmt/format.h>

#include "opsynth/cfn/sns/subscription.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth::sns {

std::string to_string(SubscriptionProtocol p) {
  switch (p) {
    case SubscriptionProtocol::Email: return "email";
    case SubscriptionProtocol::EmailJson: return "email-json";
    case SubscriptionProtocol::Https: return "https";
    case SubscriptionProtocol::Http: return "http";
    case SubscriptionProtocol::Sqs: return "sqs";
    case SubscriptionProtocol::Lambda: return "lambda";
    case SubscriptionProtocol::Sms: return "sms";
    case SubscriptionProtocol::Firehose: return "firehose";
    case SubscriptionProtocol::Application: return "application";
  }
  return "email";
}

bool is_email_address(const std::string& s) {
  static const Regex kEmail(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)");
  return kEmail.full_match(s);
}

Subscription::Subscription(Construct& scope, std::string id, SubscriptionProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<cfn::sns::CfnSubscription>("Resource", cfn::sns::CfnSubscriptionProps{
                                                              .endpoint = props_.endpoint,
                                                              .protocol = to_string(props_.protocol),
                                                              .topic_arn = props_.topic_arn,
                                                          });
}

Value Subscription::subscription_arn() const { return resource_->ref(); }

void Subscription::validate(std::vector<std::string>& errors) const {
  const bool email = props_.protocol == SubscriptionProtocol::Email || props_.protocol == SubscriptionProtocol::EmailJson;
  if (email && props_.endpoint.is_string() && !is_email_address(props_.endpoint.as_string()))
    errors.push_back(fmt::format("subscription endpoint \"{}\" is not an email address; {} subscriptions need "
                                 "name@domain.tld",
                                 props_.endpoint.as_string(), to_string(props_.protocol)));
}

}  // namespace opsynth::sns
