// Compact validation rules of a resource provider schema, emitted by spec/generate_l1.py as
// constant data (no JSON is parsed at start-up) and walked by validate_properties().
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth::cfn::schema {

inline constexpr std::uint16_t kNone = 0xFFFF;

// JSON types a node accepts (0: any).
enum TypeBit : std::uint8_t {
  kString = 1,
  kNumber = 2,
  kInteger = 4,
  kBoolean = 8,
  kArray = 16,
  kObject = 32,
  kNull = 64,
};

enum Flag : std::uint16_t {
  kClosed = 1,          // additionalProperties: false
  kUniqueItems = 2,
  kNumericEnum = 4,     // enum values are numbers (written as their JSON text)
  kExclusiveMin = 8,
  kExclusiveMax = 16,
  kOneOfExclusive = 32, // oneOf whose branches only list required properties: exactly one
};

// A range [begin, begin + count) in one of the Table's pools.
struct Span {
  std::uint16_t begin = 0;
  std::uint16_t count = 0;
};

struct Node {
  std::uint8_t types = 0;
  std::uint16_t flags = 0;
  Span props;            // Table::props, sorted by name
  Span required;         // Table::strings
  Span enums;            // Table::strings
  std::uint16_t items = kNone;       // node of array items
  std::uint16_t additional = kNone;  // node of values under undeclared keys (maps)
  const char* key_pattern = nullptr; // patternProperties: what keys must match
  Span one_of;           // Table::nodes_lists
  Span any_of;           // Table::nodes_lists
  Span required_xor;     // Table::strings: exactly one of these (cfn-lint's requiredXor)
  Span required_or;      // Table::strings: at least one of these (cfn-lint's requiredOr)
  Span excluded;         // Table::exclusions (cfn-lint's dependentExcluded)
  std::int32_t min_length = -1, max_length = -1;
  std::int32_t min_items = -1, max_items = -1;
  double minimum = -std::numeric_limits<double>::infinity();
  double maximum = std::numeric_limits<double>::infinity();
  const char* pattern = nullptr;     // ECMAScript regex, searched (not anchored)
};

struct Prop {
  std::string_view name;
  std::uint16_t node;
};

// When `property` is present, none of strings[excluded] may be.
struct Exclusion {
  std::string_view property;
  Span excluded;  // Table::strings
};

struct Table {
  std::string_view type_name;
  const Node* nodes;
  const Prop* props;
  const std::string_view* strings;
  const std::uint16_t* node_lists;
  const Exclusion* exclusions;
  std::uint16_t root;
};

}  // namespace opsynth::cfn::schema

namespace opsynth::cfn {

// Checks `properties` (the rendered Properties object of one resource) against `table`,
// appending messages "Properties.<path>: <what>" to `errors`. Values that are intrinsics
// (known only at deploy time) are not checked.
void validate_properties(const schema::Table& table, const Value& properties, std::vector<std::string>& errors);
void validate_properties(const schema::Table& table, const ValueMap& properties, std::vector<std::string>& errors);

// The edit (Levenshtein) distance, used to suggest the nearest valid property name.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace opsynth::cfn
