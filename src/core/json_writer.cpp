#include "opsynth/core/json_writer.hpp"

#include <charconv>

namespace opsynth {
namespace {

// Printable ASCII other than the quote and the backslash is written as it is. Anything else
// (control characters, multi-byte UTF-8 that must be validated, invalid bytes that become
// U+FFFD) is left to nlohmann's serializer, which is rarely needed and is the reference.
bool needs_library_escape(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return true;
  return false;
}

void append_scalar_via_library(std::string& out, const Json& j) {
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void JsonWriter::append_quoted(std::string& out, std::string_view s) {
  if (needs_library_escape(s)) {
    append_scalar_via_library(out, Json(std::string(s)));
    return;
  }
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  out += s;
  out += '"';
}

void JsonWriter::newline_and_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth, ' ');
}

void JsonWriter::before_value() {
  if (levels_.empty() || !levels_.back().is_array) return;  // top level, or after key()
  Level& level = levels_.back();
  if (!level.empty) out_ += ',';
  level.empty = false;
  newline_and_indent(base_depth_ + levels_.size());
}

void JsonWriter::key(std::string_view name) {
  Level& level = levels_.back();
  if (!level.empty) out_ += ',';
  level.empty = false;
  newline_and_indent(base_depth_ + levels_.size());
  append_quoted(out_, name);
  out_ += ": ";
}

void JsonWriter::open(char bracket, bool is_array) {
  before_value();
  out_ += bracket;
  levels_.push_back({is_array});
}

void JsonWriter::close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) newline_and_indent(base_depth_ + levels_.size());
  out_ += bracket;
}

void JsonWriter::begin_object() { open('{', false); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('[', true); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::string(std::string_view s) {
  before_value();
  append_quoted(out_, s);
}

void JsonWriter::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::value(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      begin_object();
      for (const auto& [k, v] : j.items()) {
        key(k);
        value(v);
      }
      end_object();
      return;
    case Json::value_t::array:
      begin_array();
      for (const auto& v : j) value(v);
      end_array();
      return;
    case Json::value_t::string:
      string(j.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean:
      boolean(j.get<bool>());
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      before_value();
      char digits[24];
      auto end = j.is_number_unsigned() ? std::to_chars(digits, digits + sizeof digits, j.get<std::uint64_t>()).ptr
                                        : std::to_chars(digits, digits + sizeof digits, j.get<std::int64_t>()).ptr;
      out_.append(digits, end);
      return;
    }
    default:  // null, floating-point numbers (nlohmann's shortest round-trip form), binary
      before_value();
      append_scalar_via_library(out_, j);
      return;
  }
}

}  // namespace opsynth
