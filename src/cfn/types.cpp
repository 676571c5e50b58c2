// Runtime of the typed L1 property values (include/opsynth/cfn/types.hpp).
#include "opsynth/cfn/types.hpp"

#include <algorithm>

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
// The resource's effective tags plus those of its tag property that no scope overrides. They
// point into the resource, its scopes and `from_props`.
std::vector<const Tag*> merged_tags(const CfnResource& resource, const std::vector<Tag>& from_props) {
  std::vector<const Tag*> tags = resource.effective_tags();
  bool added = false;
  for (const Tag& t : from_props)
    if (std::none_of(tags.begin(), tags.end(), [&](const Tag* e) { return e->key == t.key; })) {
      tags.push_back(&t);
      added = true;
    }
  if (added) std::stable_sort(tags.begin(), tags.end(), [](const Tag* a, const Tag* b) { return a->key < b->key; });
  return tags;
}
}  // namespace

// Entries that hold an intrinsic merge like the others, as aws-cdk-lib's TagManager merges them:
// one with a literal key is sorted in by that key, and a scope's tag of the same key wins over it;
// one with an intrinsic key goes first (aws-cdk-lib sorts its token string, "${Token[...]}", first).
// Only a whole list given as an intrinsic is kept as it is, without the scopes' tags (aws-cdk-lib
// fails synthesis there instead: "Cannot add elements to list token").
void put_tags(ValueMap& out, const char* name, const CfnResource& resource,
              const std::optional<List<Object<CfnTag>>>& tags) {
  if (tags && tags->is_intrinsic()) {
    out.emplace_back(name, tags->to_value());
    return;
  }
  std::vector<Tag> from_props;
  std::vector<std::pair<std::string, Value>> with_intrinsic_value;  // literal key
  std::vector<Value> with_intrinsic_key;
  if (tags) {
    for (const auto& t : tags->items()) {
      if (t.is_intrinsic() || !t->key.is_literal()) {
        with_intrinsic_key.push_back(t.to_value());  // a whole entry as an intrinsic goes first too
      } else if (!t->value.is_literal()) {
        with_intrinsic_value.emplace_back(t->key.str(), t->to_value());
      } else {
        from_props.push_back({t->key.str(), t->value.str()});
      }
    }
  }
  const auto all = merged_tags(resource, from_props);
  std::vector<std::pair<std::string_view, Value>> sorted;
  sorted.reserve(all.size() + with_intrinsic_value.size());
  for (const Tag* t : all) sorted.emplace_back(t->key, t->cfn_tag());
  bool added = false;
  for (const auto& [key, v] : with_intrinsic_value)
    if (std::none_of(all.begin(), all.end(), [&key = key](const Tag* t) { return t->key == key; })) {
      sorted.emplace_back(key, v);
      added = true;
    }
  if (added) std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Value> items = std::move(with_intrinsic_key);
  items.reserve(items.size() + sorted.size());
  for (auto& [key, v] : sorted) items.push_back(std::move(v));
  if (items.empty()) {
    if (tags) out.emplace_back(name, Value::list({}));  // an explicitly empty list stays
    return;
  }
  out.emplace_back(name, Value::list(std::move(items)));
}

void put_tags(ValueMap& out, const char* name, const CfnResource& resource, const std::optional<Map<String>>& tags) {
  std::vector<Tag> from_props;
  if (tags) {
    bool literal = !tags->is_intrinsic();
    if (literal)
      for (const auto& [k, v] : tags->entries()) literal = literal && v.is_literal();
    if (!literal) {
      out.emplace_back(name, tags->to_value());
      return;
    }
    for (const auto& [k, v] : tags->entries()) from_props.push_back({k, v.str()});
  }
  const auto all = merged_tags(resource, from_props);
  if (all.empty()) {
    if (tags) out.emplace_back(name, Value::object({}));
    return;
  }
  ValueMap entries;
  entries.reserve(all.size());
  for (const Tag* t : all) entries.emplace_back(t->key, t->value);
  out.emplace_back(name, Value::object(std::move(entries)));
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
