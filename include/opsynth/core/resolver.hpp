// Turns Values into template JSON for one consuming stack.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "opsynth/core/json_writer.hpp"
#include "opsynth/core/value.hpp"

namespace opsynth {

class Stack;
class CfnElement;
class Construct;

// An Export/Fn::ImportValue pair that a reference across stacks needs (aws-cdk-lib's
// resolveReferences): the producer stack gets an output under "Exports".
struct CrossStackExport {
  const Stack* producer;
  std::string output_logical_id;
  std::string export_name;
  Json value;  // the reference as the producer renders it
};

// State shared by the resolvers of one synthesis.
class ExportTable {
 public:
  // The export name for `reference` ({"Ref": ...} or {"Fn::GetAtt": ...}) in `producer`,
  // creating the export the first time.
  std::string export_for(const Stack& producer, const Json& reference);  // a copy: exports_ grows
  const std::vector<CrossStackExport>& exports() const { return exports_; }

 private:
  std::map<std::pair<const Stack*, std::string>, std::size_t> index_;
  std::vector<CrossStackExport> exports_;
};

class Resolver {
 public:
  Resolver(const Stack& consumer, ExportTable& exports, std::vector<std::string>& errors)
      : consumer_(consumer), exports_(exports), errors_(errors) {}

  // Writes `v` as template JSON. `where` names the construct whose value it is (for error
  // messages).
  void write(const Value& v, const Construct& where, JsonWriter& out);
  // `v` as a JSON document (what `write` writes, parsed): for the few places that need to
  // change a resolved value (property overrides, values spliced into JSON strings).
  Json resolve(const Value& v, const Construct& where);
  // Stacks whose exports this consumer imports (it must deploy after them).
  const std::set<const Stack*>& imported_stacks() const { return cross_stack_; }

 private:
  Json cross_stack_reference(const Value& v, const Construct& where);
  void write_local_reference(const Value& v, JsonWriter& out);
  void write_object(const Value& v, const Construct& where, JsonWriter& out);
  void write_repeated(const Value& v, const Construct& where, JsonWriter& out);
  // `doc` as JSON.stringify writes it, in a string (Stack.toJsonString).
  void write_json_string(const Value& doc, const Construct& where, JsonWriter& out);
  // A literal part of such a document, appended to `text` compact, as it reads inside the string.
  void write_literal_in_string(const Value& v, const Construct& where, std::string& text);

  const Stack& consumer_;
  ExportTable& exports_;
  std::vector<std::string>& errors_;
  std::set<const Stack*> cross_stack_;
  // Text of repeated literal objects by (node, depth, indent), for indented template text only
  // (write() sends compact writers, which JSON strings use, the usual way): the Value keeps the
  // node, and so its address, alive while the entry is used.
  std::map<std::tuple<const void*, std::size_t, std::size_t>, std::pair<Value, std::string>> repeated_;
};

}  // namespace opsynth
