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

namespace {

// `"name": {` for a section: its entries follow, and "\n }" closes it.
void append_section_head(std::string& out, const std::string& name, bool first) {
  if (!first) out += ',';
  out += "\n ";
  JsonWriter::append_quoted(out, name);
  out += ": {";
}

// A whole section: its head, its entries and the line that closes it.
void append_section(std::string& out, const std::string& name, const std::string& body, bool first) {
  append_section_head(out, name, first);
  out += body;
  out += "\n }";
}

}  // namespace

// The template is put together in the largest section's body (Resources, in all but a template of
// parameters), moved rather than copied: the text before it is inserted in front, the sections
// after it appended. A copy into a new string was a second buffer of the template's size, pages
// touched anew for every stack.
std::string TemplateText::finish(const std::string& description) {
  if (description.empty() && sections_.empty()) return "{}";
  std::string head = "{";
  if (!description.empty()) {
    head += "\n \"Description\": ";
    JsonWriter::append_quoted(head, description);
  }
  if (sections_.empty()) return head + "\n}";
  const auto largest = std::max_element(sections_.begin(), sections_.end(), [](const Section& a, const Section& b) {
    return a.body.size() < b.body.size();
  });
  bool first = description.empty();
  for (auto s = sections_.begin(); s != largest; ++s) {
    append_section(head, s->name, s->body, first);
    first = false;
  }
  append_section_head(head, largest->name, first);
  std::size_t tail = 4;
  for (auto s = largest + 1; s != sections_.end(); ++s) tail += s->name.size() + s->body.size() + 16;
  std::string out = std::move(largest->body);
  out.reserve(head.size() + out.size() + tail);
  out.insert(0, head);
  out += "\n }";
  for (auto s = largest + 1; s != sections_.end(); ++s) append_section(out, s->name, s->body, false);
  out += "\n}";
  for (auto& s : sections_) std::string().swap(s.body);
  return out;
}

}  // namespace opsynth
