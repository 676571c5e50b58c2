#include "opsynth/core/template_text.hpp"

#include <algorithm>

namespace opsynth {

JsonWriter& TemplateText::begin_entry(std::string_view section, std::string_view logical_id) {
  auto it = std::find_if(sections_.begin(), sections_.end(), [&](const Section& s) { return s.name == section; });
  if (it == sections_.end()) it = sections_.insert(sections_.end(), Section{std::string(section), {}, 0});
  std::string& body = it->body;
  if (it->entries++ > 0) body += ',';
  body += "\n  ";  // entries are members of a member of the template: depth 2
  JsonWriter::append_quoted(body, logical_id);
  body += ": ";
  return writer_.emplace(body, 2);
}

std::size_t TemplateText::count(std::string_view section) const {
  for (const auto& s : sections_)
    if (s.name == section) return s.entries;
  return 0;
}

std::string TemplateText::finish(const std::string& description) {
  if (description.empty() && sections_.empty()) return "{}";
  std::size_t size = description.size() + 32;
  for (const auto& s : sections_) size += s.name.size() + s.body.size() + 16;
  std::string out;
  out.reserve(size);
  out += '{';
  bool first = true;
  if (!description.empty()) {
    out += "\n \"Description\": ";
    JsonWriter::append_quoted(out, description);
    first = false;
  }
  for (auto& s : sections_) {
    if (!first) out += ',';
    first = false;
    out += "\n ";
    JsonWriter::append_quoted(out, s.name);
    out += ": {";
    out += s.body;
    out += "\n }";
    std::string().swap(s.body);
  }
  out += "\n}";
  return out;
}

}  // namespace opsynth
