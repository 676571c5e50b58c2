#include "opsynth_stacks/backup_account_stack.hpp"

namespace opsynth::seed {

BackupAccountStackProps backup_account_stack_props(const SeedConfig& c) {
  BackupAccountStackProps p;
  p.stack.env = {c.backup_account_id, c.region};
  p.source_account_id = c.target_account();
  p.organization_id = c.organization_id;
  return p;
}

BackupAccountStack::BackupAccountStack(Construct& scope, std::string id, BackupAccountStackProps props)
    : Stack(scope, std::move(id), props.stack) {}

}  // namespace opsynth::seed
