#include "opsynth_stacks/seed_app.hpp"

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/backup_account_stack.hpp"
#include "opsynth_stacks/data_stack.hpp"
#include "opsynth_stacks/ops_stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::seed {

void build_seed_app(App& app, std::vector<std::string>& errors, std::vector<std::string>& notes) {
  const std::size_t errors_before = errors.size();
  SeedConfig config = read_seed_config(app, errors);
  if (errors.size() != errors_before) return;

  // Backup account first: the DataStack's copy action needs its vault.
  auto& backup = app.add<BackupAccountStack>(config.backup_stack_id(), backup_account_stack_props(config));
  auto& data = app.add<DataStack>(config.data_stack_id(), data_stack_props(config));
  data.add_stack_dependency(backup, "the daily backup plan copies into the backup account's vault");
  app.add<OpsStack>(config.ops_stack_id(), ops_stack_props(config));

  for (auto& note : deployment_prerequisites(config)) notes.push_back(std::move(note));
}

}  // namespace opsynth::seed
