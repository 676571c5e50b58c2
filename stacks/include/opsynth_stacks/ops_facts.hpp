// What the operations files (CI workflows, recovery runbooks) need to know about the app,
// read from the synthesized cloud assembly itself (templates, manifest) so they cannot
// drift from the infrastructure: stack order and accounts, the GitHub synthetic alarm's
// metric, the backup vault and restore role, the tables and buckets.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

struct DeployedStack {
  std::string name;           // stack name = artifact id
  std::string account, region;
  std::string template_file;  // relative to the assembly directory
  std::string capability;     // CAPABILITY_NAMED_IAM, CAPABILITY_IAM, or "" (no IAM resources)
};

// The metric the GithubSyntheticAlarm watches: what the synthetic-test workflow must publish.
struct SyntheticMetric {
  std::string account, region;  // the alarm's (where the metric must be published)
  std::string alarm_name;
  std::string namespace_;
  std::string metric_name;
  std::vector<std::pair<std::string, std::string>> dimensions;  // in template order
  int period_seconds = 0;
};

struct BackupFacts {
  std::string account, region;
  std::string vault_name;
  std::string restore_role_arn;
  std::string bucket_name;
};

struct DataFacts {
  std::string account, region;
  std::string table_arn_prefix;          // arn:PARTITION:dynamodb:REGION:ACCOUNT:table/
  std::vector<std::string> table_names;  // in template order
  std::string assets_bucket_name;
};

struct OpsFacts {
  std::string env_name, deployment_name;
  std::string management_account_id;
  std::vector<DeployedStack> stacks;  // deploy order: dependencies first, the backup account's stacks first
  SyntheticMetric synthetic;
  BackupFacts backup;
  DataFacts data;
};

// Reads the facts from a synthesized seed app; every missing piece is appended to `errors`
// ("<stack>/<construct path>: <what is missing>").
OpsFacts read_ops_facts(const SeedConfig& config, const CloudAssembly& assembly, std::vector<std::string>& errors);

}  // namespace opsynth::seed
