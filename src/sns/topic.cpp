#include "opsynth/sns/topic.hpp"

#include <fmt/format.h>

#include "opsynth/cfn/sns/topic.hpp"
#include "opsynth/cfn/sns/topic_policy.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/iam/policy_document.hpp"
#include "opsynth/iam/principal.hpp"
#include "opsynth/kms/key.hpp"

namespace opsynth::sns {

Topic::Topic(Construct& scope, std::string id, TopicProps props) : Construct(scope, std::move(id)), props_(std::move(props)) {
  cfn::sns::CfnTopicProps p;
  if (!props_.display_name.empty()) p.display_name = props_.display_name;
  if (props_.master_key != nullptr) p.kms_master_key_id = props_.master_key->key_arn();
  if (props_.topic_name) p.topic_name = *props_.topic_name;
  resource_ = &add<cfn::sns::CfnTopic>("Resource", std::move(p));

  if (props_.enforce_ssl) {
    // aws-cdk-lib's createSSLPolicyDocument, with its StarPrincipal ("Principal": "*").
    iam::PolicyStatement deny({.sid = "AllowPublishThroughSSLOnly",
                               .effect = iam::Effect::Deny,
                               .actions = {"sns:Publish"},
                               .resources = {topic_arn()},
                               .principals = {iam::StarPrincipal()},
                               .conditions = {{"Bool", Value::object({{"aws:SecureTransport", "false"}})}}});
    // aws-cdk-lib's TopicPolicy construct: "Policy" with its L1 as "Resource" (same logical ID).
    policy_ = &add<Construct>("Policy").add<cfn::sns::CfnTopicPolicy>(
        "Resource", cfn::sns::CfnTopicPolicyProps{.policy_document = iam::PolicyDocument({deny}).to_value(),
                                                 .topics = cfn::List<cfn::String>{topic_arn()}});
  }
}

Value Topic::topic_arn() const { return resource_->ref(); }
Value Topic::topic_name() const { return resource_->get_att("TopicName"); }

Subscription& Topic::add_email_subscription(const std::string& address, bool json) {
  return add<Subscription>(address, SubscriptionProps{
                                        .topic_arn = topic_arn(),
                                        .protocol = json ? SubscriptionProtocol::EmailJson : SubscriptionProtocol::Email,
                                        .endpoint = address,
                                    });
}

void Topic::validate(std::vector<std::string>& errors) const {
  if (props_.topic_name) {
    static const Regex kName("^[A-Za-z0-9_-]{1,256}$");
    if (!kName.full_match(*props_.topic_name))
      errors.push_back(fmt::format("topic name \"{}\" is not valid; use 1-256 letters, digits, '_' and '-'",
                                   *props_.topic_name));
  }
  if (props_.display_name.size() > 100)
    errors.push_back(fmt::format("topic display name is {} characters; at most 100 are allowed",
                                 props_.display_name.size()));
}

}  // namespace opsynth::sns
