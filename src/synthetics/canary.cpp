#include "opsynth/synthetics/canary.hpp"

#include <chrono>

#include <fmt/format.h>

#include "opsynth/cfn/synthetics/canary.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth::synthetics {
namespace {

std::string utc_date_today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{days};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

cfn::synthetics::CfnCanaryProps canary_props(const CanaryProps& p) {
  cfn::synthetics::CfnCanaryProps out;
  if (p.artifacts_bucket_location.bucket != nullptr) {
    // aws-cdk-lib's bucket.s3UrlForObject(prefix).
    std::vector<Value> url{"s3://", p.artifacts_bucket_location.bucket->bucket_name()};
    if (!p.artifacts_bucket_location.prefix.empty()) url.emplace_back("/" + p.artifacts_bucket_location.prefix);
    out.artifact_s3_location = fn::concat(std::move(url));
  }
  out.code = cfn::synthetics::canary::CodeProperty{.handler = p.test.handler, .script = p.test.code.inline_script};
  if (p.role != nullptr) out.execution_role_arn = p.role->role_arn();
  if (p.failure_retention_days) out.failure_retention_period = *p.failure_retention_days;
  out.name = p.canary_name;
  if (p.timeout_seconds || p.memory_mb) {
    cfn::synthetics::canary::RunConfigProperty run;
    if (p.memory_mb) run.memory_in_mb = *p.memory_mb;
    if (p.timeout_seconds) run.timeout_in_seconds = *p.timeout_seconds;
    out.run_config = std::move(run);
  }
  out.runtime_version = p.runtime.name;
  // aws-cdk-lib writes DurationInSeconds as a string, "0" meaning "until stopped".
  out.schedule = cfn::synthetics::canary::ScheduleProperty{
      .duration_in_seconds = std::to_string(p.time_to_live_seconds.value_or(0)),
      .expression = p.schedule.expression_string()};
  out.start_canary_after_creation = p.start_after_creation;
  if (p.success_retention_days) out.success_retention_period = *p.success_retention_days;
  return out;
}

}  // namespace

Canary::Canary(Construct& scope, std::string id, CanaryProps props) : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<cfn::synthetics::CfnCanary>("Resource", canary_props(props_));
  check_runtime_ahead();
}

Value Canary::canary_name() const { return resource_->ref(); }

cloudwatch::Metric Canary::metric_success_percent() const {
  return cloudwatch::Metric({.namespace_ = "CloudWatchSynthetics",
                             .metric_name = "SuccessPercent",
                             .dimensions_map = {{"CanaryName", canary_name()}},
                             .statistic = "Average"});
}

cloudwatch::Metric Canary::metric_duration() const {
  return cloudwatch::Metric({.namespace_ = "CloudWatchSynthetics",
                             .metric_name = "Duration",
                             .dimensions_map = {{"CanaryName", canary_name()}},
                             .statistic = "Average"});
}

std::string Canary::today() const {
  const Json* pinned = try_get_context("opsynth:today");
  return pinned != nullptr && pinned->is_string() ? pinned->get<std::string>() : utc_date_today();
}

void Canary::check_runtime_ahead() {
  const RuntimeInfo* info = find_runtime(props_.runtime.name);
  if (info == nullptr) {
    add_warning(fmt::format("runtime \"{}\" is not in opsynth's Synthetics runtime catalogue; check that AWS still "
                            "accepts it",
                            props_.runtime.name));
  } else if (info->deprecation_date && *info->deprecation_date > today()) {
    add_warning(fmt::format("runtime {} will be deprecated on {}; CreateCanary rejects it from then on, move to a "
                            "current runtime such as {}",
                            info->name, *info->deprecation_date, Runtime::nodejs_puppeteer_13_0().name));
  }
}

void Canary::validate(std::vector<std::string>& errors) const {
  const auto& name = props_.canary_name;
  static const Regex kName("^[0-9a-z_-]+$");
  if (name.empty() || name.size() > 255)
    errors.push_back(fmt::format("canary name \"{}\" is {} characters; use 1 to 255", name, name.size()));
  else if (!kName.full_match(name))
    errors.push_back(fmt::format("canary name \"{}\" must match ^[0-9a-z_-]+$; use lowercase letters, digits, '-' and '_'",
                                 name));

  const RuntimeInfo* info = find_runtime(props_.runtime.name);
  // A runtime newer than the catalogue is fine as long as it is named like one.
  static const Regex kRuntimeName(R"(^syn-(nodejs|python)(-[a-z]+)?-[0-9]+\.[0-9]+$)");
  if (info == nullptr && !kRuntimeName.full_match(props_.runtime.name))
    errors.push_back(fmt::format("runtime \"{}\" is not a Synthetics runtime; use a syn-LANGUAGE-FRAMEWORK-VERSION "
                                 "runtime such as {}",
                                 props_.runtime.name, Runtime::nodejs_puppeteer_13_0().name));
  if (info != nullptr && info->deprecation_date && *info->deprecation_date <= today())
    errors.push_back(fmt::format("runtime {} was deprecated on {} and CreateCanary rejects it; use a current runtime "
                                 "such as {}",
                                 info->name, *info->deprecation_date, Runtime::nodejs_puppeteer_13_0().name));

  const auto& script = props_.test.code.inline_script;
  if (script.empty()) errors.push_back("canary inline code is empty; give the script");
  if (script.size() > kMaxInlineScriptChars)
    errors.push_back(fmt::format("canary inline code is {} characters; at most {} are allowed (use a smaller script)",
                                 script.size(), kMaxInlineScriptChars));
  if (props_.test.handler != "index.handler")
    errors.push_back(fmt::format("canary handler \"{}\" is not allowed for inline code; it must be \"index.handler\"",
                                 props_.test.handler));

  for (const auto& p : props_.schedule.problems()) errors.push_back(p);
  if (props_.role == nullptr) errors.push_back("canary has no execution role; set CanaryProps::role");
  if (props_.artifacts_bucket_location.bucket == nullptr)
    errors.push_back("canary has no artifacts bucket; set CanaryProps::artifacts_bucket_location.bucket");
  const auto& prefix = props_.artifacts_bucket_location.prefix;
  if (!prefix.empty() && prefix.front() == '/')
    errors.push_back(fmt::format("artifacts prefix \"{}\" starts with '/'; give a key prefix such as \"health/\"", prefix));
  for (auto [what, days] : {std::pair{"success", props_.success_retention_days}, std::pair{"failure", props_.failure_retention_days}})
    if (days && (*days < 1 || *days > 455))
      errors.push_back(fmt::format("{} retention of {} days is not allowed; use 1 to 455 days", what, *days));
  if (props_.timeout_seconds && (*props_.timeout_seconds < 3 || *props_.timeout_seconds > 840))
    errors.push_back(fmt::format("canary timeout {} s is not allowed; use 3 to 840 seconds", *props_.timeout_seconds));
  if (props_.memory_mb && (*props_.memory_mb < 960 || *props_.memory_mb > 3008 || *props_.memory_mb % 64 != 0))
    errors.push_back(fmt::format("canary memory {} MB is not allowed; use a multiple of 64 from 960 to 3008",
                                 *props_.memory_mb));
}

}  // namespace opsynth::synthetics
