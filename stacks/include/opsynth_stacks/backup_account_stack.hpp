// The seed's BackupAccountStack, deployed in the backup account: the KMS key, the bucket that
// receives S3 replication, the vault that receives AWS Backup copies, the cross-account backup
// role and the restore role. Same construct tree as tests/node/parity/app.js.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

struct BackupAccountStackProps {
  StackProps stack;
  std::string source_account_id;           // the prod (or CI) account
  // S3 bucket replicated from. As in the seed nothing renders it: the bucket policy trusts the
  // source account (the replication role is created after this stack).
  std::string source_bucket_arn;
  std::vector<std::string> source_table_arns;  // scope the restore policy
  std::string organization_id;             // optional: scopes the vault policy
};

BackupAccountStackProps backup_account_stack_props(const SeedConfig& config);

class BackupAccountStack : public Stack {
 public:
  BackupAccountStack(Construct& scope, std::string id, BackupAccountStackProps props);
};

}  // namespace opsynth::seed
