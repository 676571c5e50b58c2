// A CloudWatch Synthetics canary (aws-cdk-lib's synthetics.Canary): child "Resource"
// (AWS::Synthetics::Canary). opsynth takes the role and the artifacts bucket from the caller
// (aws-cdk-lib would create defaults) and supports inline code only (no assets).
//
//   auto& canary = stack.add<synthetics::Canary>("HealthCanary", synthetics::CanaryProps{
//       .canary_name = "prod-hlth",
//       .runtime = synthetics::Runtime::nodejs_puppeteer_13_0(),
//       .test = synthetics::Test::custom("index.handler", synthetics::Code::from_inline(script)),
//       .schedule = synthetics::Schedule::rate(5),
//       .role = &role,
//       .artifacts_bucket_location = {.bucket = &bucket, .prefix = "health/"}});
//   canary.metric_success_percent();
//
// Runtime checks use today's date (UTC); the context key "opsynth:today" (YYYY-MM-DD) pins it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/cloudwatch/metric.hpp"
#include "opsynth/core/construct.hpp"
#include "opsynth/synthetics/runtime.hpp"
#include "opsynth/synthetics/schedule.hpp"

namespace opsynth::cfn::synthetics {
class CfnCanary;
}
namespace opsynth::iam {
class Role;
}
namespace opsynth::s3 {
class IBucket;
}

namespace opsynth::synthetics {

// CloudFormation's limit on Code.Script for inline canary code (aws-cdk-lib refuses more).
inline constexpr std::size_t kMaxInlineScriptChars = 4096;

struct Code {
  std::string inline_script;
  static Code from_inline(std::string script) { return Code{std::move(script)}; }
};

struct Test {
  std::string handler;  // inline code: "index.handler"
  Code code;
  static Test custom(std::string handler, Code code) { return Test{std::move(handler), std::move(code)}; }
};

struct ArtifactsBucketLocation {
  const s3::IBucket* bucket = nullptr;  // required
  std::string prefix;                   // e.g. "health/"; empty: the bucket's root
};

struct CanaryProps {
  // 1-255 characters of [0-9a-z_-] (CreateCanary's rule).
  std::string canary_name;
  Runtime runtime = Runtime::nodejs_puppeteer_13_0();
  Test test;
  Schedule schedule = Schedule::rate(5);
  const iam::Role* role = nullptr;  // required: the canary's execution role
  ArtifactsBucketLocation artifacts_bucket_location;
  bool start_after_creation = true;
  std::optional<int> time_to_live_seconds;  // how long a scheduled canary keeps running; default forever
  std::optional<int> success_retention_days, failure_retention_days;  // 1..455
  std::optional<int> timeout_seconds;  // 3..840
  std::optional<int> memory_mb;        // 960..3008, a multiple of 64
};

class Canary : public Construct {
 public:
  Canary(Construct& scope, std::string id, CanaryProps props);

  Value canary_name() const;  // Ref
  const CanaryProps& props() const { return props_; }

  // aws-cdk-lib's metricSuccessPercent / metricDuration (Average over 5 minutes).
  cloudwatch::Metric metric_success_percent() const;
  cloudwatch::Metric metric_duration() const;

  cfn::synthetics::CfnCanary& resource() { return *resource_; }
  void validate(std::vector<std::string>& errors) const override;

 private:
  // Adds a warning for a runtime with a known future deprecation date, or one opsynth does not know.
  void check_runtime_ahead();
  std::string today() const;
  CanaryProps props_;
  cfn::synthetics::CfnCanary* resource_;
};

}  // namespace opsynth::synthetics
