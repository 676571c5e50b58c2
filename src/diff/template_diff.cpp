#include "opsynth/diff/template_diff.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include <fmt/format.h>

#include "opsynth/cfn/registry.hpp"
#include "opsynth/diff/stateful.hpp"

namespace opsynth::diff {
namespace {

struct Segment {
  std::string name;
  bool index = false;  // an array position
};
using Path = std::vector<Segment>;

std::string render_path(const Path& path) {
  std::string out;
  for (const auto& s : path) {
    if (s.index) {
      out += "[" + s.name + "]";
    } else {
      out += (out.empty() ? "" : ".") + s.name;
    }
  }
  return out;
}

// "/properties/A/*/B" -> {"A", "*", "B"}.
std::vector<std::string> schema_pointer_segments(std::string_view pointer) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < pointer.size()) {
    std::size_t next = pointer.find('/', pos + 1);
    if (next == std::string_view::npos) next = pointer.size();
    out.emplace_back(pointer.substr(pos + 1, next - pos - 1));
    pos = next;
  }
  if (!out.empty() && out.front() == "properties") out.erase(out.begin());
  return out;
}

// A change at `path` (below Properties) touches the schema property `pointer` when one is a
// prefix of the other: a change inside it, or the change of a whole object that holds it.
bool touches(const Path& path, std::string_view pointer) {
  auto segments = schema_pointer_segments(pointer);
  std::size_t n = std::min(path.size() - 1, segments.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& seg = segments[i];
    if (seg != "*" && seg != path[i + 1].name) return false;
  }
  return true;
}

Replacement replacement_of(const Path& path, const cfn::ResourceSchemaInfo* schema) {
  if (schema == nullptr || path.size() < 2 || path.front().name != "Properties") return Replacement::No;
  for (auto p : schema->create_only)
    if (touches(path, p)) return Replacement::Yes;
  for (auto p : schema->conditional_create_only)
    if (touches(path, p)) return Replacement::Maybe;
  return Replacement::No;
}

// The members of two objects by key, in key order: each key's value in either object, nullptr where
// it has none. Paired through one map: looking each key up in the other object (ordered_json's
// find compares it with every key there) was quadratic in the size of an object, such as a
// Resources section.
using PairedMembers = std::map<std::string_view, std::pair<const Json*, const Json*>>;

PairedMembers paired_members(const Json& before, const Json& after) {
  PairedMembers out;
  if (before.is_object())
    for (auto it = before.begin(); it != before.end(); ++it) out[it.key()].first = &it.value();
  if (after.is_object())
    for (auto it = after.begin(); it != after.end(); ++it) out[it.key()].second = &it.value();
  return out;
}

class ValueWalker {
 public:
  ValueWalker(const cfn::ResourceSchemaInfo* schema, std::vector<ValueChange>& out) : schema_(schema), out_(out) {}

  void walk(const Json* before, const Json* after, Path& path) {
    if (before != nullptr && after != nullptr) {
      if (before->is_object() && after->is_object()) {
        for (const auto& [k, members] : paired_members(*before, *after)) {
          path.push_back({std::string(k)});
          walk(members.first, members.second, path);
          path.pop_back();
        }
        return;
      }
      if (before->is_array() && after->is_array() && before->size() == after->size()) {
        for (std::size_t i = 0; i < before->size(); ++i) {
          path.push_back({std::to_string(i), true});
          walk(&(*before)[i], &(*after)[i], path);
          path.pop_back();
        }
        return;
      }
      if (*before == *after) return;
    }
    ValueChange change{render_path(path), std::nullopt, std::nullopt, replacement_of(path, schema_)};
    if (before != nullptr) change.old_value = *before;
    if (after != nullptr) change.new_value = *after;
    out_.push_back(std::move(change));
  }

 private:
  const cfn::ResourceSchemaInfo* schema_;
  std::vector<ValueChange>& out_;
};

const Json& section(const Json& template_json, const char* name) {
  static const Json empty = Json::object();
  if (!template_json.is_object()) return empty;
  auto it = template_json.find(name);
  return it != template_json.end() && it->is_object() ? *it : empty;
}

std::string string_member(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_retain(const std::string& policy) { return policy == "Retain" || policy == "RetainExceptOnCreate"; }

// The top-level property names behind the changes with the given replacement.
std::string property_names(const std::vector<ValueChange>& changes, Replacement which) {
  std::vector<std::string> names;
  for (const auto& c : changes) {
    if (c.replacement != which) continue;
    auto name = c.path.substr(0, c.path.find_first_of(".[", sizeof("Properties")));
    name = name.substr(sizeof("Properties"));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

ResourceChange compare_resource(const std::string& id, const Json& before, const Json& after) {
  ResourceChange rc;
  rc.logical_id = id;
  rc.old_type = string_member(before, "Type");
  rc.type = string_member(after, "Type");
  const auto* schema = cfn::find_schema_info(rc.type);
  ValueWalker walker(rc.old_type == rc.type ? schema : nullptr, rc.changes);
  if (before.is_object() && after.is_object()) {
    for (const auto& [k, members] : paired_members(before, after)) {
      if (k == "Type") continue;
      Path path{{std::string(k)}};
      walker.walk(members.first, members.second, path);
    }
  }
  auto has = [&](Replacement r) {
    return std::any_of(rc.changes.begin(), rc.changes.end(), [r](const auto& c) { return c.replacement == r; });
  };
  if (rc.old_type != rc.type) {
    rc.changes.insert(rc.changes.begin(), ValueChange{"Type", Json(rc.old_type), Json(rc.type), Replacement::Yes});
    rc.action = Action::Replace;
    rc.reason = fmt::format("Type changed from {} to {}", rc.old_type, rc.type);
  } else if (has(Replacement::Yes)) {
    rc.action = Action::Replace;
    rc.reason = fmt::format("create-only property {} changed", property_names(rc.changes, Replacement::Yes));
  } else if (has(Replacement::Maybe)) {
    rc.action = Action::MayReplace;
    rc.reason = fmt::format("property {} may require replacement (conditionally create-only)",
                            property_names(rc.changes, Replacement::Maybe));
  }
  if (schema == nullptr && rc.old_type == rc.type)
    rc.notes.push_back(fmt::format("no schema for {} in spec/: a replacement cannot be predicted", rc.type));
  if ((rc.action == Action::Replace || rc.action == Action::MayReplace) &&
      is_retain(string_member(before, "UpdateReplacePolicy")))
    rc.notes.push_back("UpdateReplacePolicy Retain keeps the old resource, no longer managed; the stack moves to the new one");
  rc.stateful = is_stateful(rc.type) || is_stateful(rc.old_type);
  return rc;
}

ResourceChange removed_resource(const std::string& id, const Json& before) {
  ResourceChange rc;
  rc.logical_id = id;
  rc.type = rc.old_type = string_member(before, "Type");
  if (is_retain(string_member(before, "DeletionPolicy"))) {
    rc.action = Action::Orphan;
    rc.reason = "removed from the template; DeletionPolicy Retain keeps it, no longer managed by the stack";
  } else {
    rc.action = Action::Destroy;
    rc.reason = "removed from the template; CloudFormation deletes it";
  }
  rc.stateful = is_stateful(rc.type);
  return rc;
}

// A removal and an addition of the same type is how a changed logical ID looks; said for
// stateful types only, where it matters (the data does not follow the new ID).
void add_rename_hints(std::vector<ResourceChange>& resources) {
  for (auto& removed : resources) {
    if (!removed.stateful || (removed.action != Action::Destroy && removed.action != Action::Orphan)) continue;
    for (auto& added : resources) {
      if (added.action != Action::Add || added.type != removed.type) continue;
      removed.notes.push_back(fmt::format(
          "if {} is this resource under a new logical ID: the data goes with this removal; {} starts empty",
          added.logical_id, added.logical_id));
      added.notes.push_back(fmt::format("a new, empty resource; if it replaces {}, that one's data is not moved",
                                        removed.logical_id));
    }
  }
}

// In name order.
std::vector<EntryChange> compare_entries(const Json& before, const Json& after) {
  std::vector<EntryChange> out;
  for (const auto& [key, entries] : paired_members(before, after)) {
    const auto [old_entry, new_entry] = entries;
    std::string name(key);
    if (new_entry == nullptr) {
      out.push_back(EntryChange{std::move(name), Action::Destroy, {}, *old_entry, std::nullopt});
    } else if (old_entry == nullptr) {
      out.push_back(EntryChange{std::move(name), Action::Add, {}, std::nullopt, *new_entry});
    } else {
      EntryChange ec{std::move(name), Action::Update, {}, std::nullopt, std::nullopt};
      ValueWalker walker(nullptr, ec.changes);
      Path path;
      walker.walk(old_entry, new_entry, path);
      if (!ec.changes.empty()) out.push_back(std::move(ec));
    }
  }
  return out;
}

bool loses_data(Action a) {
  return a == Action::Replace || a == Action::MayReplace || a == Action::Destroy || a == Action::Orphan;
}

}  // namespace

bool StackDiff::blocked() const {
  return std::any_of(resources.begin(), resources.end(), [](const auto& r) { return r.blocked; });
}

StackDiff diff_stack(std::string stack, const Json& old_template, const Json& new_template,
                     const DiffOptions& options) {
  StackDiff out;
  out.stack = std::move(stack);
  const Json& before = section(old_template, "Resources");
  const Json& after = section(new_template, "Resources");
  for (const auto& [key, resources] : paired_members(before, after)) {  // in logical-ID order
    const auto [old_resource, new_resource] = resources;
    const std::string id(key);
    ResourceChange rc;
    if (new_resource == nullptr) {
      rc = removed_resource(id, *old_resource);
    } else if (old_resource == nullptr) {
      rc.logical_id = id;
      rc.type = rc.old_type = string_member(*new_resource, "Type");
      rc.action = Action::Add;
      rc.stateful = is_stateful(rc.type);
    } else {
      rc = compare_resource(id, *old_resource, *new_resource);
      if (rc.changes.empty()) continue;
    }
    rc.blocked = rc.stateful && loses_data(rc.action) && !options.allow_replace.contains(id);
    out.resources.push_back(std::move(rc));
  }
  add_rename_hints(out.resources);
  out.parameters = compare_entries(section(old_template, "Parameters"), section(new_template, "Parameters"));
  out.outputs = compare_entries(section(old_template, "Outputs"), section(new_template, "Outputs"));
  return out;
}

}  // namespace opsynth::diff
