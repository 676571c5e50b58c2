#include "ops_canaries.hpp"

#include <cctype>

#include <fmt/format.h>

#include "opsynth/cfn/s3/bucket.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/nag/suppressions.hpp"
#include "opsynth/synthetics/canary.hpp"
#include "opsynth_embedded/api_check_js.hpp"
#include "opsynth_embedded/health_check_js.hpp"

namespace opsynth::seed {
namespace {

// The seed's sanitizeCanaryName: lowercase, anything outside [a-z0-9-] -> '-', runs collapsed.
std::string sanitize_canary_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isalnum(static_cast<unsigned char>(l))) l = '-';
    if (l == '-' && !out.empty() && out.back() == '-') continue;
    out += l;
  }
  return out;
}

// The original project kept canary names to 21 characters (SEED-CONTEXT.md).
constexpr std::size_t kCanaryNameMax = 21;

// What cdk-nag's AwsSolutions pack reports here and is deliberate (tests/integration/cdk_nag.sh).
void suppress_accepted_findings(Stack& stack, s3::Bucket& bucket, iam::Role& role, const Value& objects,
                                const std::vector<Value>& log_groups) {
  nag::add_resource_suppressions(
      bucket.resource(), {{.id = "AwsSolutions-S1",
                           .reason = "Canary artifacts are screenshots and logs of synthetic runs kept 14 days; "
                                     "request logs for them would need a log bucket without audit value."}});
  std::vector<nag::Suppression> policy{
      {.id = "AwsSolutions-IAM5",
       .applies_to = nag::resource_finding(objects),
       .reason = "The canaries write artifacts under run-specific keys of their own artifacts bucket."},
      {.id = "AwsSolutions-IAM5",
       .applies_to = nag::resource_finding("*"),
       .reason = "s3:ListAllMyBuckets and cloudwatch:PutMetricData have no resource-level permissions; "
                 "PutMetricData is limited to the CloudWatchSynthetics namespace."}};
  for (const auto& group : log_groups)
    policy.push_back({.id = "AwsSolutions-IAM5",
                      .applies_to = nag::resource_finding(group),
                      .reason = "A canary's log group name ends in an id that Synthetics assigns when it creates "
                                "the canary's function."});
  nag::add_resource_suppressions(*role.default_policy(), policy);
  // The stack-wide provider behind the bucket's auto_delete_objects.
  nag::add_resource_suppressions(
      *stack.find_child("Custom::S3AutoDeleteObjectsCustomResourceProvider")->find_child("Role"),
      {{.id = "AwsSolutions-IAM4",
        .applies_to = nag::policy_finding(
            fn::sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")),
        .reason = "The auto-delete-objects provider uses the basic Lambda execution policy only to write its "
                  "own logs."}});
}

}  // namespace

std::string canary_name(const std::string& prefix, const std::string& suffix) {
  std::string base = sanitize_canary_name(prefix);
  const std::size_t room = suffix.size() < kCanaryNameMax ? kCanaryNameMax - suffix.size() : 0;
  if (base.size() > room) base.resize(room);
  while (!base.empty() && base.back() == '-') base.pop_back();
  return base + suffix;
}

std::string canary_script(std::string_view source, const std::string& base_url) {
  static constexpr std::string_view kPlaceholder = "__BASE_URL__";
  const auto at = source.find(kPlaceholder);
  if (at == std::string_view::npos || source.find(kPlaceholder, at + 1) != std::string_view::npos) return {};
  std::string out(source.substr(0, at));
  out += base_url;
  out += source.substr(at + kPlaceholder.size());
  return out;
}

OpsCanaries add_ops_canaries(Stack& stack, const OpsStackProps& props,
                             const std::function<void(cloudwatch::Alarm&)>& notify) {
  const std::string& prefix = props.resource_name_prefix;
  OpsCanaries out;
  std::string bucket_name = prefix + "-canary-artifacts";
  for (char& c : bucket_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.bucket = &stack.add<s3::Bucket>("CanaryArtifacts", s3::BucketProps{
                                                             .bucket_name = Value(bucket_name),
                                                             .encryption = s3::BucketEncryption::S3Managed,
                                                             .lifecycle_rules = {{.expiration_days = 14}},
                                                             .block_public_access = true,
                                                             .enforce_ssl = true,
                                                             .removal_policy = RemovalPolicy::Destroy,
                                                             .auto_delete_objects = true,
                                                         });

  // The canary role has the permissions the Synthetics runtime uses and no more (aws-cdk-lib's
  // default canary role; the seed's AWS managed policies would let it manage every canary).
  auto& role = stack.add<iam::Role>("CanaryRole",
                                    iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  const Value objects = out.bucket->arn_for_objects("*");
  role.add_to_policy(iam::PolicyStatement({.actions = {"s3:PutObject"}, .resources = {objects}}));
  role.add_to_policy(iam::PolicyStatement({.actions = {"s3:GetBucketLocation"}, .resources = {out.bucket->bucket_arn()}}));
  role.add_to_policy(iam::PolicyStatement({.actions = {"s3:ListAllMyBuckets"}, .resources = {"*"}}));
  role.add_to_policy(iam::PolicyStatement(
      {.actions = {"cloudwatch:PutMetricData"},
       .resources = {"*"},
       .conditions = {{"StringEquals", Value::object({{"cloudwatch:namespace", "CloudWatchSynthetics"}})}}}));
  // Each canary runs as a Lambda function named cwsyn-<canary name>-<id>, logging to its log group.
  std::vector<Value> log_groups;
  for (const char* suffix : {"-hlth", "-api"})
    log_groups.push_back(stack.format_arn({.service = "logs",
                                           .resource = "log-group",
                                           .separator = ":",
                                           .resource_name = "/aws/lambda/cwsyn-" + canary_name(prefix, suffix) + "-*"}));
  role.add_to_policy(iam::PolicyStatement(
      {.actions = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}, .resources = log_groups}));

  struct Spec {
    const char* id;
    const char* suffix;
    std::string_view source;
    const char* source_file;
    const char* artifact_prefix;
    const char* alarm_id;
    const char* alarm_suffix;
  };
  const Spec specs[] = {
      {"HealthCanary", "-hlth", embedded::health_check_js, "health_check.js", "health/", "HealthAlarm", "-health-failed"},
      {"ApiCanary", "-api", embedded::api_check_js, "api_check.js", "api/", "ApiAlarm", "-api-failed"},
  };
  for (const auto& s : specs) {
    const std::string name = canary_name(prefix, s.suffix);
    const std::string script = canary_script(s.source, props.base_url);
    auto& canary = stack.add<synthetics::Canary>(
        s.id, synthetics::CanaryProps{
                  .canary_name = name,
                  .runtime = synthetics::Runtime::nodejs_puppeteer_13_0(),
                  .test = synthetics::Test::custom("index.handler", synthetics::Code::from_inline(script)),
                  .schedule = synthetics::Schedule::rate(props.canary_interval_minutes),
                  .role = &role,
                  .artifacts_bucket_location = {.bucket = out.bucket, .prefix = s.artifact_prefix},
                  .start_after_creation = true});
    if (script.empty()) {
      const std::string file = s.source_file;
      canary.add_validation([file] {
        return std::vector<std::string>{fmt::format("stacks/canaries/{} must contain the __BASE_URL__ placeholder "
                                                    "exactly once",
                                                    file)};
      });
    }
    // The literal name (not the canary's Ref), as the reference app writes it.
    auto& alarm = stack.add<cloudwatch::Alarm>(
        s.alarm_id, cloudwatch::AlarmProps{
                        .metric = cloudwatch::Metric({.namespace_ = "CloudWatchSynthetics",
                                                      .metric_name = "SuccessPercent",
                                                      .dimensions_map = {{"CanaryName", name}},
                                                      .statistic = "Average"}),
                        .threshold = 90,
                        .evaluation_periods = 2,
                        .comparison_operator = cloudwatch::ComparisonOperator::LessThanThreshold,
                        .treat_missing_data = cloudwatch::TreatMissingData::Breaching,
                        .alarm_name = prefix + s.alarm_suffix});
    notify(alarm);
    (s.suffix == std::string("-hlth") ? out.health_canary_name : out.api_canary_name) = name;
  }
  suppress_accepted_findings(stack, *out.bucket, role, objects, log_groups);
  return out;
}

}  // namespace opsynth::seed
