// The seed's DataStack additions (prod or CI account): the tables with point-in-time recovery,
// the daily backup plan with its copy to the backup account's vault, the selection of the
// tables, and the source side of the S3 replication. Same construct tree as
// tests/node/parity/app.js.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

struct DataStackTableNames {
  std::string bundles;            // {prefix}-bundles
  std::string receipts;           // {prefix}-receipts
  std::string hmrc_api_requests;  // {prefix}-hmrc-api-requests
};

struct DataStackProps {
  StackProps stack;
  std::string resource_name_prefix;     // e.g. submit-env
  DataStackTableNames table_names;
  std::string backup_account_vault_arn; // arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME
  std::string backup_account_id;
  std::string backup_bucket_name;       // diy-submit-backup-{backup account}
  std::string source_bucket_name;       // {prefix}-origin-assets
};

DataStackProps data_stack_props(const SeedConfig& config);
// What an operator must do once by hand before the first deploy (printed by synth).
std::vector<std::string> deployment_prerequisites(const SeedConfig& config);

class DataStack : public Stack {
 public:
  DataStack(Construct& scope, std::string id, DataStackProps props);
};

}  // namespace opsynth::seed
