#include "opsynth/core/stack.hpp"

#include <fmt/format.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth {
namespace {

// What is wrong with a literal environment; empty parts are environment-agnostic and fine.
std::vector<std::string> environment_problems(const Environment& env) {
  static const Regex kAccount("^[0-9]{12}$");  // an AWS account id is 12 digits
  static const Regex kRegion("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$");  // e.g. eu-west-2, us-gov-west-1
  std::vector<std::string> out;
  if (!env.account.empty() && !kAccount.full_match(env.account))
    out.push_back(fmt::format("account \"{}\" is not an AWS account id; use 12 digits", env.account));
  if (!env.region.empty() && !kRegion.full_match(env.region))
    out.push_back(fmt::format("region \"{}\" is not an AWS region name; use one such as eu-west-2", env.region));
  return out;
}

}  // namespace

Stack::Stack(Construct& scope, std::string id, StackProps props) : Construct(scope, std::move(id)), props_(std::move(props)) {
  set_stack(this);
  if (props_.stack_name.empty()) props_.stack_name = this->id();
  if (scope.in_stack()) report_construction_error("nested stacks are not supported: create stacks directly under the App");
  add_validation([this] { return environment_problems(props_.env); });
}

std::string Stack::environment_uri() const {
  return fmt::format("aws://{}/{}", props_.env.account.empty() ? "unknown-account" : props_.env.account,
                     props_.env.region.empty() ? "unknown-region" : props_.env.region);
}

Value Stack::account() const { return props_.env.account.empty() ? aws::account_id() : Value(props_.env.account); }
Value Stack::region() const { return props_.env.region.empty() ? aws::region() : Value(props_.env.region); }
Value Stack::partition() const { return aws::partition(); }
Value Stack::url_suffix() const { return aws::url_suffix(); }

Value Stack::format_arn(const ArnParts& p) const {
  std::vector<Value> parts{"arn:", partition(), ":" + p.service + ":", p.region ? *p.region : region(), ":",
                           p.account ? *p.account : account(), ":", p.resource};
  if (p.resource_name) {
    parts.emplace_back(p.separator);
    parts.push_back(*p.resource_name);
  }
  return fn::concat(std::move(parts));
}

void Stack::add_stack_dependency(Stack& other, std::string reason) {
  for (const auto& d : stack_dependencies_)
    if (d.stack == &other) return;
  stack_dependencies_.push_back({&other, std::move(reason)});
}

App::App(AppOptions options) : Construct(std::string()) {
  if (!options.context.is_object()) options.context = Json::object();
  for (auto& [k, v] : options.context.items()) set_context(k, std::move(v));
}

void keep_until_exit(std::unique_ptr<App> app) {
  static auto* const kept = new std::vector<std::unique_ptr<App>>();  // never destroyed, on purpose
  kept->push_back(std::move(app));
}

std::vector<Stack*> App::stacks() const {
  std::vector<Stack*> out;
  for (auto* c : children())
    if (const Stack* s = c->as_stack()) out.push_back(const_cast<Stack*>(s));  // the app's own children
  return out;
}

}  // namespace opsynth
