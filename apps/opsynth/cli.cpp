#include "opsynth/cli.hpp"

#include <algorithm>
#include <cstdlib>
#include <fnmatch.h>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "opsynth/core/context.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/seed_app.hpp"

namespace opsynth::cli {
namespace {

// A stack name or a glob of the shell's (*, ?, [...]), as the cdk CLI matches stack names.
bool selects(const std::string& pattern, const std::string& stack_name) {
  return ::fnmatch(pattern.c_str(), stack_name.c_str(), 0) == 0;
}

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::nullopt : std::optional<std::string>(v);
}

const char* kExamples = R"(
Examples:
  opsynth synth                                  # the default app -> cdk.out/
  opsynth synth -c envName=ci -c deploymentName=ci-feature --format yaml
  opsynth synth --config env/prod.yaml -o out prod-app-OpsStack
  opsynth ls --long                              # stacks, accounts, regions, dependencies
  opsynth validate                               # every check of synth, nothing written
  npx cdk synth                                  # the cdk CLI runs opsynth through cdk.json
)";

}  // namespace

std::string default_outdir(const std::optional<std::string>& project_output) {
  auto dir = env("CDK_OUTDIR");
  if (dir && !dir->empty()) return *dir;
  return project_output.value_or("cdk.out");
}

std::vector<std::string> select_stacks(const App& app, const std::vector<std::string>& patterns,
                                       std::vector<std::string>& errors) {
  std::vector<std::string> selected, known;
  std::vector<bool> used(patterns.size(), false);  // whether each pattern selected a stack
  for (const Stack* s : app.stacks()) {
    const std::string& name = s->stack_name();
    known.push_back(name);
    bool chosen = patterns.empty();
    for (std::size_t i = 0; i < patterns.size(); ++i)
      if (selects(patterns[i], name)) {
        used[i] = true;
        chosen = true;
      }
    if (chosen) selected.push_back(name);
  }
  for (auto p = patterns.begin(); p != patterns.end(); ++p) {
    const bool reported = std::find(patterns.begin(), p, *p) != p;  // a pattern given twice: one error
    if (used[static_cast<std::size_t>(p - patterns.begin())] || reported) continue;
    const bool glob = p->find_first_of("*?[") != std::string::npos;
    errors.push_back(fmt::format("no stack {} \"{}\"; the app has: {}", glob ? "matches" : "named", *p,
                                 fmt::join(known, ", ")));
  }
  return selected;
}

Synthesis build_default_app(const CommonOptions& options) {
  Synthesis s;
  ContextSources sources;
  sources.project_dir = options.project_dir;
  sources.cdk_context_json = env("CDK_CONTEXT_JSON");
  for (const auto& [var, key] : context_environment_variables())
    if (auto v = env(var.c_str())) sources.environment.emplace_back(var, *v);
  for (const auto& f : options.config_files) sources.config_files.emplace_back(f);
  sources.cli_pairs = options.context_pairs;
  ContextResult ctx = load_context(sources);
  s.input_errors = std::move(ctx.errors);
  s.project_output = std::move(ctx.output_dir);

  s.app = std::make_unique<App>(AppOptions{std::move(ctx.context)});
  seed::build_seed_app(*s.app, s.input_errors, s.notes);
  return s;
}

Synthesis synthesize_default_app(const CommonOptions& options) {
  std::vector<std::string> all;
  return synthesize_selected(options, all);
}

Synthesis synthesize_selected(const CommonOptions& options, std::vector<std::string>& stacks) {
  Synthesis s = build_default_app(options);
  if (s.input_errors.empty() && !stacks.empty()) stacks = select_stacks(*s.app, stacks, s.input_errors);
  if (s.input_errors.empty()) s.result = synthesize(*s.app);
  return s;
}

int report(const Synthesis& s) {
  for (const auto& e : s.input_errors) std::cerr << "error: " << e << '\n';
  for (const auto& d : s.result.diagnostics) {
    const char* level = d.level == Diagnostic::Level::Error     ? "error"
                        : d.level == Diagnostic::Level::Warning ? "warning"
                                                                : "note";
    std::cerr << level << ": " << d.to_string() << '\n';
  }
  for (const auto& n : s.notes) std::cerr << "note: " << n << '\n';
  if (s.ok()) return kExitOk;
  std::size_t count = s.input_errors.size() + s.result.errors().size();
  std::cerr << fmt::format("opsynth: {} error{}; nothing was written\n", count, count == 1 ? "" : "s");
  return kExitInvalid;
}

void add_context_options(CLI::App* cmd, CommonOptions& options) {
  // One value per occurrence: CLI11 would otherwise take the stack names after `-c k=v` as more pairs.
  cmd->add_option("-c,--context", options.context_pairs, "Context value key=value (repeatable; wins over files)")
      ->allow_extra_args(false);
  cmd->add_option("--config", options.config_files, "Environment config, YAML or JSON map of context keys")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
}

void register_core_commands(CLI::App& root, CommonOptions& options, int& exit_code) {

  // synth
  auto* synth = root.add_subcommand("synth", "Synthesize the app into a cloud assembly (cdk.out/)");
  add_context_options(synth, options);
  static std::vector<std::string> stacks;
  static std::string outdir;
  static std::string format = "json";
  static bool timings = false;
  synth->add_option("stacks", stacks, "Stacks to synthesize and report (default: all)");
  synth->add_option("-o,--output", outdir, "Output directory (default: $CDK_OUTDIR, else cdk.json's output, else cdk.out)");
  synth->add_option("--format", format, "Template format: json, or yaml to also write .template.yaml")
      ->check(CLI::IsMember({"json", "yaml"}));
  synth->add_flag("--timings", timings,
                  "Print the time each phase took (in an app of hundreds of elements a second thread renders "
                  "each stack while the next is validated; resolve is then the rendering validation did not hide)");
  synth->callback([&] {
    auto t0 = std::chrono::steady_clock::now();
    Synthesis s = build_default_app(options);
    std::vector<std::string> selected;
    if (s.input_errors.empty()) selected = select_stacks(*s.app, stacks, s.input_errors);
    std::string dir = !outdir.empty() ? outdir : default_outdir(s.project_output);
    if (s.input_errors.empty())
      s.result = synthesize_into(*s.app, dir, format == "yaml" ? TemplateFormat::JsonAndYaml : TemplateFormat::Json);
    auto t1 = std::chrono::steady_clock::now();
    exit_code = report(s);
    if (exit_code != kExitOk) return;
    for (const auto& a : s.result.assembly.stacks) {
      if (std::find(selected.begin(), selected.end(), a.artifact_id) == selected.end()) continue;
      // stderr: the cdk CLI passes the app's stdout through to its own (e.g. `cdk ls`).
      std::cerr << fmt::format("{}/{} ({} resources)\n", dir, a.template_file, a.resource_count);
    }
    if (timings) {
      for (const auto& t : s.result.timings) std::cerr << t.line() << '\n';  // the phases of synthesis, then "write"
      std::cerr << PhaseTiming{"total", t1 - t0}.line() << '\n';
    }
    keep_until_exit(std::move(s.app));  // the process ends here: the OS frees the tree at once
  });

  // ls
  auto* ls = root.add_subcommand("ls", "List the app's stacks");
  add_context_options(ls, options);
  static bool long_form = false;
  static std::vector<std::string> listed;
  ls->add_flag("-l,--long", long_form, "Show account, region and dependencies");
  ls->add_option("stacks", listed, "Stacks to list: names or globs (default: all)");
  ls->callback([&] {
    Synthesis s = synthesize_selected(options, listed);
    exit_code = report(s);
    if (exit_code != kExitOk) return;
    for (const auto& a : s.result.assembly.stacks) {
      if (!listed.empty() && std::find(listed.begin(), listed.end(), a.artifact_id) == listed.end()) continue;
      if (!long_form) {
        std::cout << a.artifact_id << '\n';
        continue;
      }
      std::string deps;
      for (const auto& d : a.dependencies) deps += (deps.empty() ? "" : ", ") + d;
      std::cout << fmt::format("{}\n  environment: {}\n  depends on: {}\n", a.artifact_id,
                               a.stack->environment_uri(), deps.empty() ? "-" : deps);
    }
  });

  // validate
  auto* validate = root.add_subcommand("validate", "Run every check synth runs, without writing anything");
  add_context_options(validate, options);
  validate->callback([&] {
    Synthesis s = synthesize_default_app(options);
    exit_code = report(s);
    if (exit_code == kExitOk) std::cout << fmt::format("{} stacks are valid\n", s.result.assembly.stacks.size());
  });
}

int run(int argc, char** argv) {
  CLI::App root{"opsynth: the AWS CDK's synthesis, native. Builds CloudFormation templates in a CDK cloud assembly."};
  root.footer(kExamples);
  root.set_version_flag("--version", std::string("opsynth ") + OPSYNTH_VERSION);
  root.require_subcommand(1);
  CommonOptions options;
  int exit_code = kExitOk;
  register_core_commands(root, options, exit_code);
  register_diff_command(root, options, exit_code);
  register_workflows_command(root, options, exit_code);
  register_runbook_command(root, options, exit_code);
  try {
    root.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return root.exit(e);
  } catch (const CLI::ParseError& e) {
    root.exit(e);
    return kExitUsage;
  }
  return exit_code;
}

}  // namespace opsynth::cli
