// A template being written as text, one section ("Resources", "Outputs"...) at a time.
//
// Elements add their entries in tree order; sections appear in the order of their first
// entry, after the Description, as aws-cdk-lib's template object would list them. Entries can
// still be added after every element is rendered (the Exports outputs of cross-stack
// references), so the text is put together only by `finish`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/json_writer.hpp"

namespace opsynth {

class TemplateText {
 public:
  // Starts the entry `logical_id` of `section` and returns the writer for its value, which
  // the caller writes completely before starting another entry.
  JsonWriter& begin_entry(std::string_view section, std::string_view logical_id);
  // How many entries `section` has (CloudFormation limits some of them).
  std::size_t count(std::string_view section) const;
  // The whole template (JSON.stringify(template, null, 1)). The entries' text moves into it:
  // afterwards only count() answers.
  std::string finish(const std::string& description);

 private:
  struct Section {
    std::string name;
    std::string body;  // the entries, each starting with its newline and indent
    std::size_t entries = 0;
  };
  std::vector<Section> sections_;
  std::optional<JsonWriter> writer_;
};

}  // namespace opsynth
