#include "opsynth/core/cfn_element.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "opsynth/core/logical_id.hpp"
#include "opsynth/core/resolver.hpp"
#include "opsynth/core/stack.hpp"

namespace opsynth {

CfnElement::CfnElement(Construct& scope, std::string id) : Construct(scope, std::move(id)) {
  if (!in_stack()) report_construction_error("a CloudFormation element must be created inside a Stack");
}

const std::string& CfnElement::logical_id() const {
  if (logical_id_.empty()) {
    std::vector<std::string> components;
    const Stack* s = &stack();
    for (const Construct* c : scopes()) {
      if (c == s) {
        components.clear();
        continue;
      }
      components.push_back(c->id());
    }
    logical_id_ = make_unique_id(std::move(components));
  }
  return logical_id_;
}

void CfnElement::override_logical_id(std::string id) {
  logical_id_ = std::move(id);
  overridden_ = true;
}

// ---------------------------------------------------------------- CfnResource

CfnResource::CfnResource(Construct& scope, std::string id, std::string type, ValueMap properties)
    : CfnElement(scope, std::move(id)), type_(std::move(type)), properties_(std::move(properties)) {}

void CfnResource::set_property(std::string name, Value v) {
  for (auto& [k, existing] : properties_) {
    if (k == name) {
      existing = std::move(v);
      return;
    }
  }
  properties_.emplace_back(std::move(name), std::move(v));
}

void CfnResource::add_property_override(std::string dotted_path, Value v) {
  overrides_.emplace_back(std::move(dotted_path), std::move(v));
}

void CfnResource::add_depends_on(const CfnResource& other) {
  if (std::find(depends_on_.begin(), depends_on_.end(), &other) == depends_on_.end()) depends_on_.push_back(&other);
}

void CfnResource::apply_removal_policy(RemovalPolicy policy) {
  const char* p = "Delete";
  switch (policy) {
    case RemovalPolicy::Destroy: p = "Delete"; break;
    case RemovalPolicy::Retain: p = "Retain"; break;
    case RemovalPolicy::Snapshot: p = "Snapshot"; break;
    case RemovalPolicy::RetainOnUpdateOrDelete: p = "RetainExceptOnCreate"; break;
  }
  deletion_policy_ = p;
  update_replace_policy_ = p;
}

void CfnResource::add_resource_metadata(std::string key, Json value) { resource_metadata_[key] = std::move(value); }

std::vector<Tag> CfnResource::effective_tags() const {
  std::vector<Tag> tags = own_tags_;
  auto set = [&tags, this](const Tag& t) {
    for (const auto& excluded : t.exclude_resource_types)
      if (excluded == cfn_type()) return;
    for (auto& existing : tags) {
      if (existing.key == t.key) {
        existing.value = t.value;
        return;
      }
    }
    tags.push_back(t);
  };
  // Root first, so the nearest scope's tag wins (aws-cdk-lib applies tag aspects top-down).
  for (const Construct* c : scopes()) {
    if (const auto* s = dynamic_cast<const Stack*>(c)) {
      for (const auto& t : s->tags()) set(t);
    }
    for (const auto& t : c->applied_tags()) set(t);
  }
  std::stable_sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) { return locale_less(a.key, b.key); });
  return tags;
}

namespace {

// Sets `value` at a dotted path ("A.B.C") inside `target`, creating objects on the way.
void apply_override(Json& target, const std::string& dotted_path, Json value) {
  Json* node = &target;
  std::size_t start = 0;
  while (true) {
    auto dot = dotted_path.find('.', start);
    std::string key = dotted_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object()) *node = Json::object();
    if (dot == std::string::npos) {
      (*node)[key] = std::move(value);
      return;
    }
    node = &(*node)[key];
    start = dot + 1;
  }
}

Json render_tags(const std::vector<Tag>& tags, CfnResource::TagFormat format) {
  if (format == CfnResource::TagFormat::Map) {
    Json out = Json::object();
    reserve_object(out, tags.size());
    for (const auto& t : tags) out[t.key] = t.value;
    return out;
  }
  Json out = Json::array();
  for (const auto& t : tags) out.push_back(Json{{"Key", t.key}, {"Value", t.value}});
  return out;
}

// Sets `key` in place when present, else inserts it where the alphabetical order of
// properties (aws-cdk-lib's cfn2ts order) puts it.
void set_sorted(Json& props, const std::string& key, Json value) {
  if (props.contains(key)) {
    props[key] = std::move(value);
    return;
  }
  Json out = Json::object();
  reserve_object(out, props.size() + 1);
  bool placed = false;
  for (auto& [k, v] : props.items()) {
    if (!placed && key < k) {
      out[key] = std::move(value);
      placed = true;
    }
    out[k] = std::move(v);
  }
  if (!placed) out[key] = std::move(value);
  props = std::move(out);
}

}  // namespace

void CfnResource::render(Json& out, Resolver& r) const {
  Json resource = Json::object();
  reserve_object(resource, 7);  // Type, Properties, DependsOn, the two policies, Metadata, Condition
  resource["Type"] = type_;

  Json props = Json::object();
  const ValueMap properties_to_render = properties();
  reserve_object(props, properties_to_render.size() + 1);  // + the tags, when inherited
  for (const auto& [name, value] : properties_to_render) props[name] = r.resolve(value, *this);
  if (tag_format() != TagFormat::None) {
    auto tags = effective_tags();
    if (!tags.empty()) set_sorted(props, std::string(tag_property()), render_tags(tags, tag_format()));
  }
  for (const auto& [path, value] : overrides_) apply_override(props, path, r.resolve(value, *this));
  if (!props.empty()) resource["Properties"] = std::move(props);

  if (!depends_on_.empty()) {
    // aws-cdk-lib sorts DependsOn by the construct path of the target.
    std::vector<const CfnResource*> deps = depends_on_;
    std::vector<std::pair<std::string, const CfnResource*>> keyed;
    for (const auto* d : deps) keyed.emplace_back(d->path(), d);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return locale_less(a.first, b.first); });
    Json depends = Json::array();
    for (const auto& [p, d] : keyed) depends.push_back(d->logical_id());
    resource["DependsOn"] = std::move(depends);
  }
  if (update_replace_policy_) resource["UpdateReplacePolicy"] = *update_replace_policy_;
  if (deletion_policy_) resource["DeletionPolicy"] = *deletion_policy_;
  if (!resource_metadata_.empty()) resource["Metadata"] = resource_metadata_;
  if (condition_ != nullptr) resource["Condition"] = condition_->logical_id();

  append_new_key(out["Resources"], logical_id(), std::move(resource));
}

std::vector<CfnResource*> resources_below(Construct& scope) {
  std::vector<CfnResource*> out;
  for_each_construct(scope, [&out](const Construct& c) {
    // for_each_construct visits constructs as const; the subtree of a non-const scope is not.
    if (auto* r = dynamic_cast<const CfnResource*>(&c)) out.push_back(const_cast<CfnResource*>(r));
  });
  return out;
}

void Tags::add(std::string key, std::string value, std::vector<std::string> exclude_resource_types) {
  scope_.apply_tag({std::move(key), std::move(value), std::move(exclude_resource_types)});
}

// ---------------------------------------------------------------- CfnOutput

CfnOutput::CfnOutput(Construct& scope, std::string id, CfnOutputProps props)
    : CfnElement(scope, std::move(id)), props_(std::move(props)) {}

Value CfnOutput::import_value() const {
  if (props_.export_name.empty())
    throw std::logic_error(fmt::format("{}: import_value() needs an export name", path()));
  return fn::import_value(Value(props_.export_name));
}

void CfnOutput::render(Json& out, Resolver& r) const {
  Json o = Json::object();
  if (!props_.description.empty()) o["Description"] = props_.description;
  o["Value"] = r.resolve(props_.value, *this);
  if (!props_.export_name.empty()) o["Export"] = Json{{"Name", props_.export_name}};
  if (props_.condition != nullptr) o["Condition"] = props_.condition->logical_id();
  append_new_key(out["Outputs"], logical_id(), std::move(o));
}

// ---------------------------------------------------------------- CfnParameter

CfnParameter::CfnParameter(Construct& scope, std::string id, CfnParameterProps props)
    : CfnElement(scope, std::move(id)), props_(std::move(props)) {}

void CfnParameter::render(Json& out, Resolver& r) const {
  Json p = Json::object();
  p["Type"] = props_.type;
  if (props_.default_value) p["Default"] = r.resolve(*props_.default_value, *this);
  if (!props_.allowed_pattern.empty()) p["AllowedPattern"] = props_.allowed_pattern;
  if (!props_.allowed_values.empty()) p["AllowedValues"] = props_.allowed_values;
  if (!props_.description.empty()) p["Description"] = props_.description;
  if (props_.max_length) p["MaxLength"] = *props_.max_length;
  if (props_.max_value) p["MaxValue"] = Value(*props_.max_value).to_json();
  if (props_.min_length) p["MinLength"] = *props_.min_length;
  if (props_.min_value) p["MinValue"] = Value(*props_.min_value).to_json();
  if (props_.no_echo) p["NoEcho"] = true;
  append_new_key(out["Parameters"], logical_id(), std::move(p));
}

// ---------------------------------------------------------------- CfnCondition

CfnCondition::CfnCondition(Construct& scope, std::string id, Value expression)
    : CfnElement(scope, std::move(id)), expression_(std::move(expression)) {}

void CfnCondition::render(Json& out, Resolver& r) const {
  append_new_key(out["Conditions"], logical_id(), r.resolve(expression_, *this));
}

}  // namespace opsynth
