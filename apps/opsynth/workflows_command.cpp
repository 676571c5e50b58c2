// `opsynth workflows -o DIR`: the GitHub Actions workflows of the app (stacks/ops_workflows.cpp),
// and the helpers `opsynth runbook` shares: the app's operations facts, writing generated files.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "opsynth/cli.hpp"
#include "opsynth_stacks/workflows.hpp"

namespace opsynth::cli {

std::optional<seed::OpsFacts> synthesize_ops_facts(const CommonOptions& options) {
  Synthesis s = synthesize_default_app(options);
  // Only problems are reported: synth's notes for the operator are not about these files.
  if (!s.ok()) {
    report(s);
    return std::nullopt;
  }
  std::vector<std::string> errors;
  const seed::SeedConfig config = seed::read_seed_config(*s.app, errors);
  seed::OpsFacts facts = seed::read_ops_facts(config, s.result.assembly, errors);
  for (const auto& e : errors) std::cerr << "error: " << e << '\n';
  if (!errors.empty()) return std::nullopt;
  return facts;
}

bool write_generated_files(const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files,
                           bool executable) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const auto& [name, text] : files) {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::cerr << fmt::format("error: cannot write {}\n", path.string());
      return false;
    }
    if (executable)
      std::filesystem::permissions(path, std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec |
                                             std::filesystem::perms::others_exec,
                                   std::filesystem::perm_options::add);
    std::cerr << path.string() << '\n';
  }
  return true;
}

namespace {

// The generator's context arguments, passed on to the opsynth commands in the workflows.
std::vector<std::string> context_arguments(const CommonOptions& options) {
  std::vector<std::string> args;
  for (const auto& f : options.config_files) args.insert(args.end(), {"--config", f});
  for (const auto& p : options.context_pairs) args.insert(args.end(), {"-c", p});
  return args;
}

std::optional<seed::OpsFacts> facts_for_environment(CommonOptions options, const std::string& env_name) {
  options.context_pairs.push_back("envName=" + env_name);  // the last -c wins
  return synthesize_ops_facts(options);
}

}  // namespace

void register_workflows_command(CLI::App& root, CommonOptions& options, int& exit_code) {
  auto* cmd = root.add_subcommand("workflows", "Write the app's GitHub Actions workflows (synth, deploy-environment, "
                                               "synthetic-test), generated from the synthesized app");
  add_context_options(cmd, options);
  static std::string outdir = ".github/workflows";
  cmd->add_option("-o,--output", outdir, "Output directory (default: .github/workflows)");
  cmd->callback([&] {
    auto app = synthesize_ops_facts(options);
    auto prod = app ? facts_for_environment(options, "prod") : std::nullopt;
    auto ci = prod ? facts_for_environment(options, "ci") : std::nullopt;
    if (!ci) {
      exit_code = kExitInvalid;
      return;
    }
    const seed::WorkflowInputs in{*app, *prod, *ci, context_arguments(options)};
    exit_code = write_generated_files(outdir, seed::render_workflows(in), false) ? kExitOk : kExitInvalid;
  });
}

}  // namespace opsynth::cli
