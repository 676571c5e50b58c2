#include "opsynth_stacks/data_stack.hpp"

namespace opsynth::seed {

DataStackProps data_stack_props(const SeedConfig& c) {
  DataStackProps p;
  p.stack.env = {c.target_account(), c.region};
  p.resource_name_prefix = c.env_prefix();
  p.backup_account_vault_arn = c.backup_vault_arn();
  p.backup_account_id = c.backup_account_id;
  return p;
}

std::vector<std::string> deployment_prerequisites(const SeedConfig&) { return {}; }

DataStack::DataStack(Construct& scope, std::string id, DataStackProps props) : Stack(scope, std::move(id), props.stack) {}

}  // namespace opsynth::seed
