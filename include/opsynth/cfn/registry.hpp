// What the vendored resource provider schemas say about each type, kept at run time
// (for `opsynth diff`: which property changes replace a resource).
#pragma once

#include <span>
#include <string_view>

#include "opsynth/cfn/schema.hpp"

namespace opsynth::cfn {

struct ResourceSchemaInfo {
  std::string_view type_name;                          // "AWS::SNS::Topic"
  std::span<const std::string_view> create_only;       // "/properties/TopicName": a change replaces
  std::span<const std::string_view> conditional_create_only;  // may replace, depending on the change
  std::span<const std::string_view> read_only;         // "/properties/TopicArn": attributes (GetAtt)
  std::span<const std::string_view> primary_identifier;
  std::span<const std::string_view> write_only;
  bool taggable;
  std::string_view tag_property;                       // "Tags", "BackupVaultTags"; empty when not taggable
  const schema::Table* rules;                          // validation rules of the properties
};

// The schema facts of `type` ("AWS::SNS::Topic"), or nullptr for a type not vendored in spec/.
const ResourceSchemaInfo* find_schema_info(std::string_view type);

// Every vendored type, sorted by type name.
std::span<const ResourceSchemaInfo> all_schema_infos();

}  // namespace opsynth::cfn
