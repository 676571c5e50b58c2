// Runtime of the typed L1 property values (include/opsynth/cfn/types.hpp).
#include "opsynth/cfn/types.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "opsynth/core/cfn_element.hpp"

namespace opsynth::cfn {

namespace detail {
void throw_intrinsic(const char* what) {
  throw std::logic_error(std::string(what) + " holds an intrinsic, not a literal");
}

ValueMap merge_properties(ValueMap typed, const ValueMap& raw) {
  for (const auto& [name, value] : raw) {
    auto it = std::find_if(typed.begin(), typed.end(), [&name = name](const auto& e) { return e.first == name; });
    if (it != typed.end()) {
      it->second = value;
    } else {
      auto pos = std::lower_bound(typed.begin(), typed.end(), name,
                                  [](const auto& e, const std::string& n) { return e.first < n; });
      typed.emplace(pos, name, value);
    }
  }
  return typed;
}

bool take_tags(CfnResource& resource, const std::optional<List<Object<CfnTag>>>& tags) {
  if (!tags || tags->is_intrinsic()) return false;
  for (const auto& t : tags->items())
    if (t.is_intrinsic() || !t->key.is_literal() || !t->value.is_literal()) return false;
  for (const auto& t : tags->items()) resource.add_own_tag({t->key.str(), t->value.str()});
  return true;
}

bool take_tags(CfnResource& resource, const std::optional<Map<String>>& tags) {
  if (!tags || tags->is_intrinsic()) return false;
  for (const auto& [k, v] : tags->entries())
    if (!v.is_literal()) return false;
  for (const auto& [k, v] : tags->entries()) resource.add_own_tag({k, v.str()});
  return true;
}
namespace {
// One entry of a merged tag property: a tag from the resource or its scopes, or an entry of the
// property itself, whose value may hold an intrinsic.
struct MergedTag {
  std::string_view key;
  const Tag* tag;  // null for an entry of the property
  Value value;     // that entry's value
};

// The resource's effective tags plus the property's entries (literal keys) that no scope's tag
// overrides, as aws-cdk-lib's TagManager merges them: a scope's tag wins over an entry of the same
// key, an entry's intrinsic value is kept, and everything is sorted by key when entries were added.
std::vector<MergedTag> merged_tags(const CfnResource& resource,
                                   const std::vector<std::pair<std::string, Value>>& from_props) {
  std::vector<MergedTag> tags;
  for (const Tag* t : resource.effective_tags()) tags.push_back({t->key, t, Value()});
  bool added = false;
  for (const auto& [key, value] : from_props)
    if (std::none_of(tags.begin(), tags.end(), [&key = key](const MergedTag& e) { return e.key == key; })) {
      tags.push_back({key, nullptr, value});
      added = true;
    }
  if (added)
    std::stable_sort(tags.begin(), tags.end(), [](const MergedTag& a, const MergedTag& b) { return a.key < b.key; });
  return tags;
}
}  // namespace

// Entries with an intrinsic key (or a whole entry as an intrinsic) go first: aws-cdk-lib sorts
// their token string, "${Token[...]}", first. Only a whole list given as an intrinsic is kept as it
// is: with tags applied to the resource that is an error, reported by check_tags.
void put_tags(ValueMap& out, const char* name, const CfnResource& resource,
              const std::optional<List<Object<CfnTag>>>& tags) {
  if (tags && tags->is_intrinsic()) {
    out.emplace_back(name, tags->to_value());
    return;
  }
  std::vector<std::pair<std::string, Value>> from_props;
  std::vector<Value> items;
  if (tags) {
    for (const auto& t : tags->items()) {
      if (t.is_intrinsic() || !t->key.is_literal()) {
        items.push_back(t.to_value());
      } else {
        from_props.emplace_back(t->key.str(), t->value.to_value());
      }
    }
  }
  for (const MergedTag& m : merged_tags(resource, from_props))
    items.push_back(m.tag != nullptr ? m.tag->cfn_tag() : Value::object({{"Key", std::string(m.key)}, {"Value", m.value}}));
  if (items.empty()) {
    if (tags) out.emplace_back(name, Value::list({}));  // an explicitly empty list stays
    return;
  }
  out.emplace_back(name, Value::list(std::move(items)));
}

// A map given as an intrinsic is kept as it is, like a whole list.
void put_tags(ValueMap& out, const char* name, const CfnResource& resource, const std::optional<Map<String>>& tags) {
  if (tags && tags->is_intrinsic()) {
    out.emplace_back(name, tags->to_value());
    return;
  }
  std::vector<std::pair<std::string, Value>> from_props;
  if (tags)
    for (const auto& [k, v] : tags->entries()) from_props.emplace_back(k, v.to_value());
  const auto all = merged_tags(resource, from_props);
  if (all.empty()) {
    if (tags) out.emplace_back(name, Value::object({}));
    return;
  }
  ValueMap entries;
  entries.reserve(all.size());
  for (const MergedTag& m : all) entries.emplace_back(m.key, m.tag != nullptr ? Value(m.tag->value) : m.value);
  out.emplace_back(name, Value::object(std::move(entries)));
}

void check_intrinsic_tags(const char* name, const CfnResource& resource, bool whole_intrinsic,
                          std::vector<std::string>& errors) {
  if (!whole_intrinsic) return;
  const auto applied = resource.effective_tags();
  if (applied.empty()) return;
  std::string keys;
  for (const Tag* t : applied) keys += (keys.empty() ? "" : ", ") + t->key;
  errors.push_back(fmt::format(
      "{} is a single intrinsic (such as Fn::If), which cannot also hold the tags applied to this resource ({}); "
      "give {} entry by entry, or keep those tags off {} (Tags::of(scope).add(key, value, {{\"{}\"}}) skips it)",
      name, keys, name, resource.cfn_type(), resource.cfn_type()));
}
}  // namespace detail

const std::string& String::str() const {
  if (!v_.is_string()) detail::throw_intrinsic("cfn::String");
  return v_.as_string();
}

double Number::number() const {
  if (!v_.is_number()) detail::throw_intrinsic("cfn::Number");
  return v_.as_number();
}

bool Boolean::is_literal() const {
  return v_.kind() == Value::Kind::Literal && !v_.is_string() && v_.as_literal().is_boolean();
}

bool Boolean::boolean() const {
  if (!is_literal()) detail::throw_intrinsic("cfn::Boolean");
  return v_.as_literal().get<bool>();
}

Value CfnTag::to_value() const { return Value::object({{"Key", key.to_value()}, {"Value", value.to_value()}}); }

}  // namespace opsynth::cfn
