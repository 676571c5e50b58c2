#include "opsynth/core/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

namespace opsynth {
namespace {

enum ByteClass : std::uint8_t { kPlain, kEscaped, kNonAscii };

// What JSON.stringify does with each byte of a string.
constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = kEscaped;
  table['"'] = table['\\'] = kEscaped;
  for (int c = 0x80; c < 0x100; ++c) table[c] = kNonAscii;
  return table;
}();

ByteClass class_of(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

void append_scalar_via_library(std::string& out, const Json& j) {
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void JsonWriter::append_quoted(std::string& out, std::string_view s) {
  std::size_t first_special = 0;
  while (first_special < s.size() && class_of(s[first_special]) == kPlain) ++first_special;
  out.reserve(out.size() + s.size() + 2);
  if (first_special == s.size()) {  // the common case: nothing to escape
    out += '"';
    out += s;
    out += '"';
    return;
  }
  // Multi-byte UTF-8 must be validated (invalid bytes become U+FFFD): nlohmann's serializer,
  // the reference, does that. ASCII is escaped here, the way it and JSON.stringify escape it.
  if (std::any_of(s.begin() + static_cast<std::ptrdiff_t>(first_special), s.end(),
                  [](char c) { return class_of(c) == kNonAscii; })) {
    append_scalar_via_library(out, Json(std::string(s)));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = first_special; i < s.size(); ++i) {
    if (class_of(s[i]) == kPlain) continue;
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(s.data() + plain_from, s.size() - plain_from);
  out += '"';
}

void JsonWriter::newline_and_indent(std::size_t depth) {
  if (compact_) return;
  out_ += '\n';
  out_.append(depth * indent_, ' ');
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
  out_ += compact_ ? ":" : ": ";
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
