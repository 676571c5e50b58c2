// The `opsynth` command line (CLI11). Exit status: 0 ok, 1 invalid app or input, 2 usage.
#pragma once

#include <filesystem>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/ops_facts.hpp"

namespace opsynth::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

// Options every command shares.
struct CommonOptions {
  std::vector<std::string> context_pairs;  // -c key=value
  std::vector<std::string> config_files;   // --config FILE
  std::string project_dir = ".";
};

// The app built from context, synthesized in memory, with everything that went wrong.
struct Synthesis {
  std::unique_ptr<App> app;
  SynthResult result;
  std::vector<std::string> input_errors;  // context / config problems, unknown stack names
  std::vector<std::string> notes;         // operator notes from the app
  std::optional<std::string> project_output;  // cdk.json's "output", if it has one
  bool ok() const { return input_errors.empty() && result.ok(); }
};

// The default app built from context (not synthesized yet), with the context errors.
Synthesis build_default_app(const CommonOptions& options);
Synthesis synthesize_default_app(const CommonOptions& options);  // built and synthesized in memory
// The same, with `stacks` (names or globs; empty: all) replaced by the names they select.
Synthesis synthesize_selected(const CommonOptions& options, std::vector<std::string>& stacks);
// The app's stacks that `patterns` select (names, or globs such as 'prod-env-*' as the cdk CLI
// takes them), in app order; every stack when there are none. Checked before synthesis, so that
// a wrong name writes nothing: each pattern that selects no stack is an error in `errors`.
std::vector<std::string> select_stacks(const App& app, const std::vector<std::string>& patterns,
                                       std::vector<std::string>& errors);
// Prints errors, warnings and notes to stderr; returns kExitOk or kExitInvalid.
int report(const Synthesis& s);

// Where synth writes and diff reads by default: $CDK_OUTDIR (as the cdk CLI sets it) when it is
// set and not empty, else cdk.json's "output" (`project_output`), else cdk.out.
std::string default_outdir(const std::optional<std::string>& project_output = std::nullopt);

// -c key=value and --config FILE, which every command that builds the app takes.
void add_context_options(CLI::App* cmd, CommonOptions& options);
// Each extra subcommand lives in its own file and registers itself here.
void register_core_commands(CLI::App& root, CommonOptions& options, int& exit_code);
void register_diff_command(CLI::App& root, CommonOptions& options, int& exit_code);  // diff_command.cpp
void register_workflows_command(CLI::App& root, CommonOptions& options, int& exit_code);  // workflows_command.cpp
void register_runbook_command(CLI::App& root, CommonOptions& options, int& exit_code);    // runbook_command.cpp

// Shared by the workflows and runbook commands (workflows_command.cpp): the synthesized app's
// operations facts (errors printed; nullopt when any), and writing generated files into `dir`.
// `argument_errors` are the command's own, reported with the app's.
std::optional<seed::OpsFacts> synthesize_ops_facts(const CommonOptions& options,
                                                   std::vector<std::string> argument_errors = {});
bool write_generated_files(const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files,
                           bool executable);

int run(int argc, char** argv);

}  // namespace opsynth::cli
