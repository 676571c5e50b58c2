// The seed's BackupAccountStack, deployed in the backup account.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

struct BackupAccountStackProps {
  StackProps stack;
  std::string source_account_id;           // the prod (or CI) account
  std::string source_bucket_arn;           // S3 bucket replicated from
  std::vector<std::string> source_table_arns;
  std::string organization_id;             // optional: scopes the vault policy
};

BackupAccountStackProps backup_account_stack_props(const SeedConfig& config);

class BackupAccountStack : public Stack {
 public:
  BackupAccountStack(Construct& scope, std::string id, BackupAccountStackProps props);
};

}  // namespace opsynth::seed
