#include "opsynth/core/stack.hpp"

#include <fmt/format.h>

#include "opsynth/core/app.hpp"

namespace opsynth {

Stack::Stack(Construct& scope, std::string id, StackProps props) : Construct(scope, std::move(id)), props_(std::move(props)) {
  set_stack(this);
  if (props_.stack_name.empty()) props_.stack_name = this->id();
  if (scope.in_stack()) report_construction_error("nested stacks are not supported: create stacks directly under the App");
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
  for (auto& [k, v] : options.context.items()) set_context(k, v);
}

std::vector<Stack*> App::stacks() const {
  std::vector<Stack*> out;
  for (auto* c : children())
    if (auto* s = dynamic_cast<Stack*>(c)) out.push_back(s);
  return out;
}

}  // namespace opsynth
