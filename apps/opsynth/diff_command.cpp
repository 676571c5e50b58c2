// `opsynth diff`: what deploying the app would change, compared with a previous cloud
// assembly or a deployed template; exits 1 when a stateful resource would be replaced or
// deleted and --allow-replace does not name it, so CI can block the change.
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "opsynth/cli.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/diff/previous_templates.hpp"
#include "opsynth/diff/report.hpp"

namespace opsynth::cli {
namespace {

struct DiffArgs {
  std::string against;  // default: $CDK_OUTDIR, else cdk.out (where synth writes)
  std::vector<std::string> allow_replace;
  std::vector<std::string> stacks;
};

// Which app stack a single template file is: the one named, the one its file name names
// (`<stack>.template.json`), or the app's only stack.
std::optional<std::string> stack_for_template(const Synthesis& s, const DiffArgs& args) {
  if (args.stacks.size() == 1) return args.stacks.front();
  if (!args.stacks.empty()) return std::nullopt;
  const auto name = std::filesystem::path(args.against).filename().string();
  for (const auto& a : s.result.assembly.stacks)
    for (const char* ext : {".template.json", ".template.yaml", ".template.yml"})
      if (name == a.artifact_id + ext) return a.artifact_id;
  if (s.result.assembly.stacks.size() == 1) return s.result.assembly.stacks.front().artifact_id;
  return std::nullopt;
}

int run_diff(const Synthesis& s, const DiffArgs& args) {
  diff::PreviousTemplates previous;
  try {
    previous = diff::load_previous(args.against);
  } catch (const diff::InputError& e) {
    std::istringstream problems(e.what());  // one per line
    for (std::string line; std::getline(problems, line);) std::cerr << "error: " << line << '\n';
    return kExitInvalid;
  }

  // (stack, previous template) pairs to compare; a stack new to the app compares with nothing.
  std::vector<std::pair<std::string, const Json*>> pairs;
  static const Json kEmptyTemplate = Json::object();
  if (previous.is_assembly) {
    for (const auto& a : s.result.assembly.stacks) {
      if (!args.stacks.empty() && std::find(args.stacks.begin(), args.stacks.end(), a.artifact_id) == args.stacks.end())
        continue;
      const Json* before = &kEmptyTemplate;
      for (const auto& t : previous.templates)
        if (t.stack == a.artifact_id) before = &t.template_json;
      pairs.emplace_back(a.artifact_id, before);
    }
  } else {
    auto stack = stack_for_template(s, args);
    if (!stack) {
      std::cerr << fmt::format("error: {} is one template; name the stack it belongs to: opsynth diff --against {} "
                               "STACK\n",
                               args.against, args.against);
      return kExitUsage;
    }
    pairs.emplace_back(*stack, &previous.templates.front().template_json);
  }

  const std::set<std::string> allowed(args.allow_replace.begin(), args.allow_replace.end());
  std::set<std::string> used_allowances;
  std::vector<std::string> blocks;
  std::size_t changed_stacks = 0;
  for (const auto& [name, before] : pairs) {
    const Json after = s.result.assembly.find(name)->template_json();
    auto d = diff::diff_stack(name, *before, after, {allowed});
    std::cout << diff::render_stack_diff(d) << '\n';
    if (!d.empty()) ++changed_stacks;
    for (auto& m : diff::blocking_messages(d)) blocks.push_back(std::move(m));
    for (const auto& r : d.resources)
      if (allowed.contains(r.logical_id)) used_allowances.insert(r.logical_id);
  }
  if (previous.is_assembly && args.stacks.empty()) {
    for (const auto& t : previous.templates)
      if (s.result.assembly.find(t.stack) == nullptr)
        std::cout << fmt::format("Stack {}\nIn the previous assembly only: no longer in the app (a deploy does not "
                                 "delete a stack)\n\n",
                                 t.stack);
  }
  for (const auto& id : allowed)
    if (!used_allowances.contains(id))
      std::cerr << fmt::format("warning: --allow-replace {}: no change to a resource with that logical ID\n", id);
  for (const auto& m : blocks) std::cerr << "error: " << m << '\n';
  std::cerr << fmt::format("opsynth diff: {} of {} stack{} changed; {} blocked change{}\n", changed_stacks,
                           pairs.size(), pairs.size() == 1 ? "" : "s", blocks.size(), blocks.size() == 1 ? "" : "s");
  return blocks.empty() ? kExitOk : kExitInvalid;
}

}  // namespace

void register_diff_command(CLI::App& root, CommonOptions& options, int& exit_code) {
  auto* cmd = root.add_subcommand("diff", "Compare the app with a previous cloud assembly or a deployed template; "
                                          "exit 1 when a stateful resource would be replaced or deleted");
  add_context_options(cmd, options);
  static DiffArgs args;
  cmd->add_option("--against", args.against,
                  "Previous cloud assembly directory, or one template file (JSON or YAML) "
                  "(default: $CDK_OUTDIR, else cdk.json's output, else cdk.out)");
  cmd->add_option("--allow-replace", args.allow_replace,
                  "Accept replacing or deleting this stateful resource (logical ID; repeatable)")
      ->allow_extra_args(false);  // one ID per flag, so a stack name after it stays a stack
  cmd->add_option("stacks", args.stacks, "Stacks to compare (default: all)");
  cmd->callback([&] {
    Synthesis s = synthesize_selected(options, args.stacks);
    if (args.against.empty()) args.against = default_outdir(s.project_output);
    exit_code = report(s);
    if (exit_code != kExitOk) return;
    exit_code = run_diff(s, args);
  });
}

}  // namespace opsynth::cli
