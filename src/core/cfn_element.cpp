#include "opsynth/core/cfn_element.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "opsynth/core/logical_id.hpp"
#include "opsynth/core/resolver.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/template_text.hpp"

namespace opsynth {

CfnElement::CfnElement(Construct& scope, std::string id) : Construct(scope, std::move(id)) {
  if (!in_stack()) report_construction_error("a CloudFormation element must be created inside a Stack");
}

const std::string& CfnElement::logical_id() const {
  if (!logical_id_known_) {
    // The ids from the stack (excluded) down to this element, views into the constructs.
    std::vector<std::string_view> components;
    const Stack* s = &stack();
    for (const Construct* c = this; c != s; c = c->scope()) components.push_back(c->id());
    std::reverse(components.begin(), components.end());
    try {
      logical_id_ = make_unique_id(std::move(components));
    } catch (const std::invalid_argument&) {
      // "Default" directly under the stack: no path is left. The ID stays empty, an error.
    }
    logical_id_known_ = true;
  }
  return logical_id_;
}

void CfnElement::override_logical_id(std::string id) {
  logical_id_ = std::move(id);
  logical_id_known_ = true;
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

void CfnResource::take_properties_snapshot() {
  ValueMap props = properties();
  for (auto& [name, value] : props)
    while (value.kind() == Value::Kind::Lazy) value = value.produce();
  snapshot_ = std::move(props);
}

const ValueMap& CfnResource::synthesized_properties() const {
  if (!snapshot_) throw std::logic_error(fmt::format("{}: synthesized_properties() is only known during synthesis", path()));
  return *snapshot_;
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

std::vector<const Tag*> CfnResource::effective_tags() const {
  std::vector<const Tag*> tags;
  tags.reserve(own_tags_.size());
  for (const Tag& t : own_tags_) tags.push_back(&t);
  auto set = [&tags, this](const Tag& t) {
    for (const auto& excluded : t.exclude_resource_types)
      if (excluded == cfn_type()) return;
    for (auto& existing : tags) {
      if (existing->key == t.key) {
        existing = &t;
        return;
      }
    }
    tags.push_back(&t);
  };
  // Root first, so the nearest scope's tag wins (aws-cdk-lib applies tag aspects top-down).
  for (const Construct* c : scopes()) {
    if (const Stack* s = c->as_stack()) {
      for (const auto& t : s->tags()) set(t);
    }
    for (const auto& t : c->applied_tags()) set(t);
  }
  std::stable_sort(tags.begin(), tags.end(), [](const Tag* a, const Tag* b) { return locale_less(a->key, b->key); });
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

}  // namespace

void CfnResource::render(TemplateText& out, Resolver& r) const {
  JsonWriter& w = out.begin_entry("Resources", logical_id());
  w.begin_object();
  w.key("Type");
  w.string(type_);

  const ValueMap& props = synthesized_properties();
  if (!overrides_.empty()) {
    // Overrides reach into resolved values, so this (rare) resource is resolved to a document first.
    Json resolved = Json::object();
    reserve_object(resolved, props.size());
    for (const auto& [name, value] : props) resolved[name] = r.resolve(value, *this);
    for (const auto& [path, value] : overrides_) apply_override(resolved, path, r.resolve(value, *this));
    if (!resolved.empty()) {
      w.key("Properties");
      w.value(resolved);
    }
  } else if (!props.empty()) {
    w.key("Properties");
    w.begin_object();
    for (const auto& [name, value] : props) {
      w.key(name);
      r.write(value, *this, w);
    }
    w.end_object();
  }

  if (!depends_on_.empty()) {
    // aws-cdk-lib sorts DependsOn by the construct path of the target.
    std::vector<std::pair<std::string, const CfnResource*>> keyed;
    keyed.reserve(depends_on_.size());
    for (const auto* d : depends_on_) keyed.emplace_back(d->path(), d);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return locale_less(a.first, b.first); });
    w.key("DependsOn");
    w.begin_array();
    for (const auto& [p, d] : keyed) w.string(d->logical_id());
    w.end_array();
  }
  if (update_replace_policy_) {
    w.key("UpdateReplacePolicy");
    w.string(*update_replace_policy_);
  }
  if (deletion_policy_) {
    w.key("DeletionPolicy");
    w.string(*deletion_policy_);
  }
  if (!resource_metadata_.empty()) {
    w.key("Metadata");
    w.value(resource_metadata_);
  }
  if (condition_ != nullptr) {
    w.key("Condition");
    w.string(condition_->logical_id());
  }
  w.end_object();
}

std::vector<CfnResource*> resources_below(Construct& scope) {
  std::vector<CfnResource*> out;
  for_each_construct(scope, [&out](const Construct& c) {
    // for_each_construct visits constructs as const; the subtree of a non-const scope is not.
    if (const CfnResource* r = c.as_cfn_resource()) out.push_back(const_cast<CfnResource*>(r));
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

void CfnOutput::render(TemplateText& out, Resolver& r) const {
  JsonWriter& w = out.begin_entry("Outputs", logical_id());
  w.begin_object();
  if (!props_.description.empty()) {
    w.key("Description");
    w.string(props_.description);
  }
  w.key("Value");
  r.write(props_.value, *this, w);
  if (!props_.export_name.empty()) {
    w.key("Export");
    w.begin_object();
    w.key("Name");
    w.string(props_.export_name);
    w.end_object();
  }
  if (props_.condition != nullptr) {
    w.key("Condition");
    w.string(props_.condition->logical_id());
  }
  w.end_object();
}

// ---------------------------------------------------------------- CfnParameter

CfnParameter::CfnParameter(Construct& scope, std::string id, CfnParameterProps props)
    : CfnElement(scope, std::move(id)), props_(std::move(props)) {}

void CfnParameter::render(TemplateText& out, Resolver& r) const {
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
  out.begin_entry("Parameters", logical_id()).value(p);
}

// ---------------------------------------------------------------- CfnCondition

CfnCondition::CfnCondition(Construct& scope, std::string id, Value expression)
    : CfnElement(scope, std::move(id)), expression_(std::move(expression)) {}

void CfnCondition::render(TemplateText& out, Resolver& r) const {
  r.write(expression_, *this, out.begin_entry("Conditions", logical_id()));
}

}  // namespace opsynth
