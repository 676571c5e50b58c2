// The OpsStack's synthetic canaries: artifacts bucket, role, the health and API canaries and
// their success alarms (the seed's createSyntheticCanaries).
#pragma once

#include <functional>
#include <string>

#include "opsynth/cloudwatch/alarm.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth_stacks/ops_stack.hpp"

namespace opsynth::seed {

struct OpsCanaries {
  s3::Bucket* bucket = nullptr;
  std::string health_canary_name;
  std::string api_canary_name;
};

// `notify` wires an alarm's alarm and OK actions to the alert topic.
OpsCanaries add_ops_canaries(Stack& stack, const OpsStackProps& props,
                             const std::function<void(cloudwatch::Alarm&)>& notify);

}  // namespace opsynth::seed
