// The "before" side of `opsynth diff`: the templates of a previous cloud assembly (its
// manifest.json lists the stack artifacts) or one template file, such as the output of
// `aws cloudformation get-template --query TemplateBody`. Templates may be JSON or YAML;
// YAML short-form intrinsics (!Ref, !GetAtt, !Sub, ...) become their JSON form.
// Every parser here reads outside input: it throws InputError with a message naming the
// file and what is expected, never anything else (the fuzz targets hold it to that). Where
// there are several problems, the message has one per line.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth::diff {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class TextFormat { Json, Yaml, Detect };  // Detect: JSON when the text starts with '{'

// A template: an object with a "Resources" object whose entries are objects with a string "Type".
// A string holding one (a YAML body as `aws cloudformation get-template --query TemplateBody`
// prints it) is that template. `origin` names the input in messages.
Json parse_template_text(std::string_view text, const std::string& origin, TextFormat format = TextFormat::Detect);

struct StackTemplateRef {
  // The deployed stack's name: properties.stackName, else the artifact id (aws-cdk-lib names an
  // artifact after its construct, which is the stack's name unless stackName is set).
  std::string stack;
  std::string template_file;  // relative to the assembly directory
};

// The CloudFormation stack artifacts of a cloud assembly manifest, in manifest order.
std::vector<StackTemplateRef> parse_manifest_text(std::string_view text, const std::string& origin);

struct PreviousTemplate {
  std::string stack;  // empty for a single template file: the caller says which stack it is
  std::filesystem::path file;
  Json template_json;
};

struct PreviousTemplates {
  bool is_assembly = false;  // a directory with manifest.json, else one template file
  std::vector<PreviousTemplate> templates;
};

PreviousTemplates load_previous(const std::filesystem::path& dir_or_template);

}  // namespace opsynth::diff
