// The construct tree: App -> Stack -> constructs, modelled on aws/constructs.
//
// A parent owns the children created with `add<T>(id, ...)`. Ids are unique among
// siblings; a duplicate is reported as a synthesis error naming the parent's path
// (all errors of an app are collected, none is thrown half-way through building).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth {

class Stack;
class CfnElement;
class CfnResource;
class App;

struct Tag {
  std::string key;
  std::string value;
  // Resource types this tag skips (aws-cdk-lib's TagProps.excludeResourceTypes).
  std::vector<std::string> exclude_resource_types = {};

  // {"Key": key, "Value": value}, built on first use and then shared by every resource the tag
  // reaches (an app-wide tag is in nearly every tag list of the app).
  const Value& cfn_tag() const;

  // The cache behind cfn_tag(). A copy starts empty, as the copy's fields may then be changed.
  struct Rendered {
    mutable std::optional<Value> value;
    Rendered() = default;
    Rendered(const Rendered&) {}
    Rendered& operator=(const Rendered&) {
      value.reset();
      return *this;
    }
  };
  Rendered rendered = {};
};

struct MetadataEntry {
  std::string type;  // e.g. "aws:cdk:warning"
  Json data;
};

class Construct {
 public:
  Construct(Construct& scope, std::string id);
  virtual ~Construct();
  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;

  // Creates a child construct owned by this one: T(*this, id, args...).
  template <class T, class... Args>
  T& add(std::string id, Args&&... args) {
    auto owned = std::make_unique<T>(*this, std::move(id), std::forward<Args>(args)...);
    T& ref = *owned;
    owned_.push_back(std::move(owned));
    return ref;
  }

  const std::string& id() const { return id_; }
  Construct* scope() const { return scope_; }
  // Ids from the root (excluded, as in aws-cdk) joined by '/'.
  std::string path() const;
  // This construct and its ancestors, root first (the root App is included).
  std::vector<const Construct*> scopes() const;
  const std::vector<Construct*>& children() const { return children_; }
  Construct* find_child(std::string_view id) const;
  Stack& stack() const;  // the nearest enclosing stack; fails for App
  bool in_stack() const { return stack_ != nullptr; }
  App& app() const;

  // Context: the nearest value set on this construct or an ancestor.
  const Json* try_get_context(std::string_view key) const;
  void set_context(std::string key, Json value);

  void add_metadata(std::string type, Json data);
  void add_warning(std::string message) { add_metadata("aws:cdk:warning", std::move(message)); }
  void add_info(std::string message) { add_metadata("aws:cdk:info", std::move(message)); }
  const std::vector<MetadataEntry>& metadata() const { return metadata_; }

  // A validation returns error messages (empty when valid); they are reported
  // with this construct's path.
  using Validation = std::function<std::vector<std::string>()>;
  void add_validation(Validation v) { validations_.push_back(std::move(v)); }
  const std::vector<Validation>& validations() const { return validations_; }

  // Every resource below this construct is deployed after every resource below
  // `other` (DependsOn within a stack, a stack dependency across stacks).
  void add_dependency(Construct& other) { dependencies_.push_back(&other); }
  const std::vector<Construct*>& dependencies() const { return dependencies_; }

  // Called once per construct before validation, parents before children, so an
  // L2 can turn what it accumulated (grants, widgets) into L1 properties.
  virtual void prepare() {}
  // Work for synthesis to run once every construct is prepared (aws-cdk-lib: an aspect), in tree
  // order, for code that is not this construct's class (cdk-nag suppressions on any scope). It
  // sees the finished tree, so it must not add constructs.
  using Preparation = std::function<void()>;
  void add_preparation(Preparation p) { preparations_.push_back(std::move(p)); }
  const std::vector<Preparation>& preparations() const { return preparations_; }
  // Errors this construct finds in itself (added to those of add_validation).
  virtual void validate(std::vector<std::string>& errors) const { (void)errors; }

  // This construct as a template element, resource or stack, else null. Synthesis asks this of
  // every construct in several passes, where dynamic_cast's walk of the class hierarchy was
  // about 3% of a stack's synthesis.
  virtual const CfnElement* as_cfn_element() const { return nullptr; }
  virtual const CfnResource* as_cfn_resource() const { return nullptr; }
  virtual const Stack* as_stack() const { return nullptr; }

  // Tags applied here for every taggable resource below (see Tags in cfn_element.hpp).
  void apply_tag(Tag t);
  const std::vector<Tag>& applied_tags() const { return applied_tags_; }

  // Errors found while building the tree (duplicate ids), reported at synthesis.
  const std::vector<std::string>& construction_errors() const { return construction_errors_; }

 protected:
  // The root of a tree (App) has no scope.
  explicit Construct(std::string id);
  void set_stack(Stack* s) { stack_ = s; }
  void report_construction_error(std::string message) { construction_errors_.push_back(std::move(message)); }

 private:
  std::string id_;
  Construct* scope_ = nullptr;
  Stack* stack_ = nullptr;
  std::vector<Construct*> children_;  // in creation order
  std::unordered_map<std::string_view, Construct*> child_index_;
  std::vector<std::unique_ptr<Construct>> owned_;
  std::map<std::string, Json, std::less<>> context_;  // a map: an App can be given thousands of keys
  std::vector<MetadataEntry> metadata_;
  std::vector<Validation> validations_;
  std::vector<Preparation> preparations_;
  std::vector<Construct*> dependencies_;
  std::vector<std::string> construction_errors_;
  std::vector<Tag> applied_tags_;
};

// Depth-first, pre-order walk of `root` and everything below it.
void for_each_construct(const Construct& root, const std::function<void(const Construct&)>& visit);

}  // namespace opsynth
