// Elements of a CloudFormation template: resources, outputs, parameters, conditions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/construct.hpp"
#include "opsynth/core/value.hpp"

namespace opsynth {

class Resolver;
class TemplateText;

// An element that has a logical ID in its stack's template.
class CfnElement : public Construct {
 public:
  CfnElement(Construct& scope, std::string id);

  // aws-cdk-lib's logical ID for this element (see logical_id.hpp), unless overridden. Empty
  // when the id leaves nothing to make one from ("_" or "Default" directly under the stack):
  // synthesis reports that, and an overridden ID that CloudFormation would not accept.
  const std::string& logical_id() const;
  void override_logical_id(std::string id);
  bool logical_id_overridden() const { return overridden_; }

  // Adds this element to `out` (a template), resolving its values with `r`.
  virtual void render(TemplateText& out, Resolver& r) const = 0;

  const CfnElement* as_cfn_element() const final { return this; }

 private:
  mutable std::string logical_id_;
  // Set once logical_id_ holds the ID, which may be empty: synthesis computes every ID before its
  // render thread starts, so that thread only reads them.
  mutable bool logical_id_known_ = false;
  bool overridden_ = false;
};

enum class RemovalPolicy { Destroy, Retain, Snapshot, RetainOnUpdateOrDelete };

class CfnCondition;

class CfnResource : public CfnElement {
 public:
  CfnResource(Construct& scope, std::string id, std::string type, ValueMap properties = {});

  const CfnResource* as_cfn_resource() const final { return this; }

  const std::string& cfn_type() const { return type_; }
  Value ref() const { return Value::ref(*this); }
  Value get_att(std::string attribute) const { return Value::get_att(*this, std::move(attribute)); }

  // Properties in the order they are rendered. L1 classes override this to render
  // their typed fields; the base class renders what was set with set_property.
  virtual ValueMap properties() const { return properties_; }
  // The properties a synthesis validates and renders: synthesize() takes properties() once,
  // after prepare, so that validation and rendering share them (building them merges the
  // typed fields, raw properties and inherited tags). Throws std::logic_error outside one.
  const ValueMap& synthesized_properties() const;
  // Lazy property values (Value::lazy) are produced here.
  void take_properties_snapshot();
  void drop_properties_snapshot() { snapshot_.reset(); }
  void set_property(std::string name, Value v);
  // Escape hatch like aws-cdk-lib's addPropertyOverride: a dotted path below Properties.
  void add_property_override(std::string dotted_path, Value v);

  void add_depends_on(const CfnResource& other);
  const std::vector<const CfnResource*>& depends_on() const { return depends_on_; }
  // Sets DeletionPolicy and UpdateReplacePolicy like aws-cdk-lib's applyRemovalPolicy.
  void apply_removal_policy(RemovalPolicy policy);
  void set_deletion_policy(std::optional<std::string> p) { deletion_policy_ = std::move(p); }
  void set_update_replace_policy(std::optional<std::string> p) { update_replace_policy_ = std::move(p); }
  const std::optional<std::string>& deletion_policy() const { return deletion_policy_; }
  const std::optional<std::string>& update_replace_policy() const { return update_replace_policy_; }
  void set_condition(const CfnCondition& c) { condition_ = &c; }
  void add_resource_metadata(std::string key, Json value);

  // Tags given directly on the resource. Taggable L1s render them merged with inherited ones
  // in their tag property (cfn::detail::put_tags).
  void add_own_tag(Tag t) { own_tags_.push_back(std::move(t)); }
  // The tags that apply to this resource: own tags overridden by those of the nearest
  // scopes (aws-cdk-lib: aspect tags win over tags from props), sorted by key. They point into
  // the resource and its scopes.
  std::vector<const Tag*> effective_tags() const;

  void render(TemplateText& out, Resolver& r) const override;

 private:
  std::string type_;
  ValueMap properties_;
  std::optional<ValueMap> snapshot_;
  std::vector<std::pair<std::string, Value>> overrides_;
  std::vector<const CfnResource*> depends_on_;
  std::optional<std::string> deletion_policy_;
  std::optional<std::string> update_replace_policy_;
  const CfnCondition* condition_ = nullptr;
  Json resource_metadata_ = Json::object();
  std::vector<Tag> own_tags_;
};

// Every CfnResource at or below `scope`, in tree order.
std::vector<CfnResource*> resources_below(Construct& scope);

// Tags applied to every taggable resource below a scope (aws-cdk-lib's Tags.of(scope).add).
class Tags {
 public:
  static Tags of(Construct& scope) { return Tags(scope); }
  void add(std::string key, std::string value, std::vector<std::string> exclude_resource_types = {});

 private:
  explicit Tags(Construct& scope) : scope_(scope) {}
  Construct& scope_;
};

struct CfnOutputProps {
  Value value;
  std::string description;
  std::string export_name;  // empty: not exported
  const CfnCondition* condition = nullptr;
};

class CfnOutput : public CfnElement {
 public:
  CfnOutput(Construct& scope, std::string id, CfnOutputProps props);
  const CfnOutputProps& props() const { return props_; }
  Value import_value() const;  // Fn::ImportValue of the export name
  void render(TemplateText& out, Resolver& r) const override;

 private:
  CfnOutputProps props_;
};

struct CfnParameterProps {
  std::string type = "String";
  std::optional<Value> default_value;
  std::string description;
  std::vector<std::string> allowed_values;
  std::string allowed_pattern;
  bool no_echo = false;
  std::optional<double> min_value, max_value;
  std::optional<int> min_length, max_length;
};

class CfnParameter : public CfnElement {
 public:
  CfnParameter(Construct& scope, std::string id, CfnParameterProps props);
  Value value() const { return Value::ref(*this); }
  void render(TemplateText& out, Resolver& r) const override;

 private:
  CfnParameterProps props_;
};

class CfnCondition : public CfnElement {
 public:
  CfnCondition(Construct& scope, std::string id, Value expression);
  void render(TemplateText& out, Resolver& r) const override;

 private:
  Value expression_;
};

}  // namespace opsynth
