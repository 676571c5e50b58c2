#include "opsynth/core/construct.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"

namespace opsynth {

Construct::Construct(std::string id) : id_(std::move(id)) {}

Construct::Construct(Construct& scope, std::string id) : id_(std::move(id)), scope_(&scope), stack_(scope.stack_) {
  if (id_.empty()) {
    scope.report_construction_error("a construct id must not be empty (only the App has no id)");
  } else if (id_.find('/') != std::string::npos) {
    scope.report_construction_error(
        fmt::format("construct id \"{}\" contains '/', which separates path components; use another character", id_));
  }
  auto [it, inserted] = scope.child_index_.emplace(id_, this);
  if (!inserted) {
    scope.report_construction_error(
        fmt::format("there is already a construct with id \"{}\" here; sibling ids must be unique", id_));
  }
  scope.children_.push_back(this);
}

Construct::~Construct() {
  // Only reached for a child while its parent lives when the child's constructor threw
  // or it was not created with add<>(): unregister it.
  if (scope_ != nullptr && !scope_->children_.empty()) {
    auto& siblings = scope_->children_;
    siblings.erase(std::remove(siblings.begin(), siblings.end(), this), siblings.end());
    auto it = scope_->child_index_.find(id_);
    if (it != scope_->child_index_.end() && it->second == this) scope_->child_index_.erase(it);
  }
  // Children owned here are destroyed by owned_; stop them from touching us.
  for (auto* c : children_) c->scope_ = nullptr;
}

std::vector<const Construct*> Construct::scopes() const {
  std::vector<const Construct*> out;
  for (const Construct* c = this; c != nullptr; c = c->scope_) out.push_back(c);
  std::reverse(out.begin(), out.end());
  return out;
}

const Value& Tag::cfn_tag() const {
  if (!rendered.value) rendered.value = Value::repeated_object({{"Key", key}, {"Value", value}});
  return *rendered.value;
}

std::string Construct::path() const {
  std::string out;
  for (const Construct* c : scopes()) {
    if (c->scope_ == nullptr) continue;  // the root's id is not part of paths
    if (!out.empty()) out += '/';
    out += c->id_;
  }
  return out;
}

Construct* Construct::find_child(std::string_view id) const {
  auto it = child_index_.find(id);
  return it == child_index_.end() ? nullptr : it->second;
}

Stack& Construct::stack() const {
  if (stack_ == nullptr) throw std::logic_error(fmt::format("construct \"{}\" is not inside a Stack", path()));
  return *stack_;
}

App& Construct::app() const {
  const Construct* c = this;
  while (c->scope_ != nullptr) c = c->scope_;
  auto* app = dynamic_cast<const App*>(c);
  if (app == nullptr) throw std::logic_error("the root of the construct tree is not an App");
  return const_cast<App&>(*app);
}

const Json* Construct::try_get_context(std::string_view key) const {
  for (const Construct* c = this; c != nullptr; c = c->scope_)
    if (auto it = c->context_.find(key); it != c->context_.end()) return &it->second;
  return nullptr;
}

void Construct::set_context(std::string key, Json value) { context_.insert_or_assign(std::move(key), std::move(value)); }

void Construct::add_metadata(std::string type, Json data) { metadata_.push_back({std::move(type), std::move(data)}); }

void Construct::apply_tag(Tag t) {
  for (auto& existing : applied_tags_) {
    if (existing.key == t.key) {
      existing = std::move(t);
      return;
    }
  }
  applied_tags_.push_back(std::move(t));
}

void for_each_construct(const Construct& root, const std::function<void(const Construct&)>& visit) {
  std::vector<const Construct*> todo{&root};
  while (!todo.empty()) {
    const Construct* c = todo.back();
    todo.pop_back();
    visit(*c);
    const auto& kids = c->children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) todo.push_back(*it);
  }
}

}  // namespace opsynth
