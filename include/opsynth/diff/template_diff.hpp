// Compares the previous and the new CloudFormation template of one stack and says what a
// deploy would do to each resource: add it, update it in place, replace it, delete it or
// orphan it; and whether that would lose data (a stateful resource, see stateful.hpp).
//
// A replacement is predicted from the resource provider schemas (cfn/registry.hpp): a
// changed create-only property replaces, a changed conditionally-create-only one may
// replace; so does a changed Type. A changed logical ID is a removal plus an addition:
// CloudFormation creates the new resource empty, and the data goes with the removed one.
//
// Blocking: replacing, deleting or orphaning a stateful resource is blocked unless its
// logical ID is in DiffOptions::allow_replace. Orphaning (removal with DeletionPolicy
// Retain) blocks too: the data survives, but the stack no longer manages it and the app
// moves on to whatever replaces it (usually a new, empty resource) — a deliberate act.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth::diff {

enum class Action {
  Add,
  Update,      // in place
  Replace,     // a create-only property or the Type changed
  MayReplace,  // a conditionally create-only property changed
  Destroy,     // removed from the template
  Orphan,      // removed, but DeletionPolicy Retain keeps it (unmanaged)
};

enum class Replacement { No, Yes, Maybe };

// One changed value inside a resource, output or parameter.
struct ValueChange {
  std::string path;               // "Properties.TableName", "Properties.KeySchema[0].AttributeName", "DeletionPolicy"
  std::optional<Json> old_value;  // absent when added
  std::optional<Json> new_value;  // absent when removed
  Replacement replacement = Replacement::No;
};

struct ResourceChange {
  std::string logical_id;
  std::string type;                  // the new Type (the old one for a removal)
  std::string old_type;              // differs from `type` when the Type changed
  Action action = Action::Update;
  std::vector<ValueChange> changes;  // for Update, Replace, MayReplace
  std::string reason;                // why it is replaced / destroyed / orphaned; empty otherwise
  std::vector<std::string> notes;    // rename hints, retained old copies, unknown schemas
  bool stateful = false;
  bool blocked = false;              // loses or abandons data and --allow-replace does not name it
};

// An output or a parameter: Add, Update or Destroy.
struct EntryChange {
  std::string name;
  Action action = Action::Update;
  std::vector<ValueChange> changes;
  std::optional<Json> old_value;  // the whole entry, for Destroy
  std::optional<Json> new_value;  // the whole entry, for Add
};

struct StackDiff {
  std::string stack;
  std::vector<ResourceChange> resources;  // sorted by logical ID
  std::vector<EntryChange> parameters;    // sorted by name
  std::vector<EntryChange> outputs;       // sorted by name
  bool empty() const { return resources.empty() && parameters.empty() && outputs.empty(); }
  bool blocked() const;
};

struct DiffOptions {
  std::set<std::string> allow_replace;  // logical IDs whose replacement or deletion is accepted
};

// Both templates are objects; a missing Resources / Outputs / Parameters map counts as empty
// (previous templates are checked for shape when they are loaded, see previous_templates.hpp).
StackDiff diff_stack(std::string stack, const Json& old_template, const Json& new_template,
                     const DiffOptions& options);

}  // namespace opsynth::diff
