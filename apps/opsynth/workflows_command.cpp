// `opsynth workflows -o DIR`: the GitHub Actions workflows of the app (stacks/ops_workflows.cpp),
// and the helpers `opsynth runbook` shares: the app's operations facts, writing generated files.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "opsynth/cli.hpp"
#include "opsynth_stacks/workflows.hpp"

namespace opsynth::cli {

std::optional<seed::OpsFacts> synthesize_ops_facts(const CommonOptions& options, std::vector<std::string> argument_errors) {
  Synthesis s = synthesize_default_app(options);
  s.input_errors.insert(s.input_errors.begin(), argument_errors.begin(), argument_errors.end());
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

// Each file is written under a temporary name beside its own and renamed into place only when
// every one is written, so a run that fails leaves the files of an earlier run as they were.
bool write_generated_files(const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files,
                           bool executable) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (dir.empty()) {
    std::cerr << "error: -o '': an empty path names no directory; give one with -o DIR, or leave -o out for the "
                 "default\nopsynth: nothing was written\n";
    return false;
  }
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::cerr << fmt::format("error: {}: is not a directory; give a new directory, or the one an earlier run wrote, "
                             "with -o DIR\n",
                             dir.string());
    return false;
  }
  std::vector<std::string> problems;
  for (const auto& [name, text] : files)
    if (fs::is_directory(dir / name, ec))
      problems.push_back(fmt::format("{}: is a directory; move it out, or give another directory with -o DIR",
                                     (dir / name).string()));
  if (problems.empty() && !fs::create_directories(dir, ec) && ec)
    problems.push_back(fmt::format("cannot create {}: {}; give a writable directory with -o DIR", dir.string(),
                                   ec.message()));
  std::vector<fs::path> written;  // the temporary files, in the order of `files`
  for (std::size_t i = 0; problems.empty() && i < files.size(); ++i) {
    const fs::path tmp = dir / fmt::format(".{}.opsynth-{}", files[i].first, ::getpid());
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << files[i].second;
    out.close();
    if (!out) {
      problems.push_back(fmt::format("cannot write {}: {}; give a writable directory with -o DIR", tmp.string(),
                                     std::strerror(errno)));
      break;
    }
    written.push_back(tmp);
    if (executable)
      fs::permissions(tmp, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                      fs::perm_options::add, ec);
  }
  for (std::size_t i = 0; problems.empty() && i < written.size(); ++i) {
    fs::rename(written[i], dir / files[i].first, ec);
    if (ec) problems.push_back(fmt::format("cannot replace {}: {}", (dir / files[i].first).string(), ec.message()));
  }
  if (!problems.empty()) {
    for (const auto& tmp : written) fs::remove(tmp, ec);
    for (const auto& p : problems) std::cerr << "error: " << p << '\n';
    std::cerr << "opsynth: nothing was written\n";
    return false;
  }
  for (const auto& [name, text] : files) std::cerr << (dir / name).string() << '\n';
  return true;
}

namespace {

// The generator's context arguments are written into the workflows, which run opsynth at the
// repository root: what cannot be there is an error. The alert email comes from the ALERT_EMAIL
// secret; in a -c value it would be committed, and win over the secret.
std::vector<std::string> argument_errors(const CommonOptions& options) {
  std::vector<std::string> errors;
  for (const auto& p : options.context_pairs)
    if (p.starts_with("alertEmail="))
      errors.push_back(fmt::format("-c {}: opsynth workflows writes its -c values into the workflow files, where the "
                                   "address would be committed and win over the ALERT_EMAIL secret the deploy reads; "
                                   "leave alertEmail out and set the ALERT_EMAIL repository secret",
                                   p));
  for (const auto& f : options.config_files) {
    const std::filesystem::path path = std::filesystem::path(f).lexically_normal();
    if (path.is_absolute() || (!path.empty() && *path.begin() == ".."))
      errors.push_back(fmt::format("--config {}: opsynth workflows passes it on to opsynth at the repository root, "
                                   "which this path does not name; give a file inside the repository, relative to its "
                                   "root (e.g. env/prod.yaml)",
                                   f));
  }
  return errors;
}

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
    auto app = synthesize_ops_facts(options, argument_errors(options));
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
