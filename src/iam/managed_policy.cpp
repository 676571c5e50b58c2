#include "opsynth/iam/managed_policy.hpp"

namespace opsynth::iam {

ManagedPolicy ManagedPolicy::from_aws_managed_policy_name(const std::string& name) {
  return ManagedPolicy(fn::join("", {"arn:", aws::partition(), ":iam::aws:policy/" + name}));
}

}  // namespace opsynth::iam
