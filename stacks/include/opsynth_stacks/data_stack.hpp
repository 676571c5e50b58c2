// The seed's DataStack additions: tables with point-in-time recovery, the daily backup
// plan with a cross-account copy, and the backup selection.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

struct DataStackProps {
  StackProps stack;
  std::string resource_name_prefix;     // e.g. submit-env
  std::string backup_account_vault_arn; // arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME
  std::string backup_account_id;
};

DataStackProps data_stack_props(const SeedConfig& config);
// What an operator must do once by hand before the first deploy (printed by synth).
std::vector<std::string> deployment_prerequisites(const SeedConfig& config);

class DataStack : public Stack {
 public:
  DataStack(Construct& scope, std::string id, DataStackProps props);
};

}  // namespace opsynth::seed
