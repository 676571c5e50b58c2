// `opsynth runbook -o DIR`: the app's disaster-recovery scripts (stacks/ops_runbooks.cpp).
#include "opsynth/cli.hpp"
#include "opsynth_stacks/runbooks.hpp"

namespace opsynth::cli {

void register_runbook_command(CLI::App& root, CommonOptions& options, int& exit_code) {
  auto* cmd = root.add_subcommand("runbook", "Write the app's disaster-recovery scripts (restore a table, the whole "
                                             "environment, Cognito users), generated from the synthesized app");
  add_context_options(cmd, options);
  static std::string outdir = "runbooks";
  cmd->add_option("-o,--output", outdir, "Output directory (default: runbooks)");
  cmd->callback([&] {
    auto facts = synthesize_ops_facts(options);
    exit_code = facts && write_generated_files(outdir, seed::render_runbooks(*facts), true) ? kExitOk : kExitInvalid;
  });
}

}  // namespace opsynth::cli
