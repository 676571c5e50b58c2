#include "opsynth/core/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

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

// The two-character escapes JSON.stringify uses; every other control character is \u00XX.
constexpr std::array<char, 256> kShortEscape = [] {
  std::array<char, 256> table{};
  table['"'] = '"';
  table['\\'] = '\\';
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  return table;
}();

// True when none of the 8 bytes in `block` needs escaping or UTF-8 checking: no byte below 0x20,
// none at or above 0x80, no '"' and no '\\' (the "has a zero byte" word tricks, which are exact
// about whether such a byte exists). Strings are mostly plain: this checks them 8 bytes at a time.
// (16 at a time with vector compares measured no fewer instructions: most strings are short.)
bool plain_block(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
  const std::uint64_t special = (x - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes);
  return ((special | x) & kHighs) == 0;
}

std::size_t first_non_plain(std::string_view s) {
  std::size_t i = 0;
  while (i + 8 <= s.size() && plain_block(s.data() + i)) i += 8;
  while (i < s.size() && class_of(s[i]) == kPlain) ++i;
  return i;
}

// A newline and the spaces of the deepest indents, appended in one piece: a template has a
// newline and indent before every key and array element.
constexpr std::size_t kIndentSpaces = 63;
constexpr std::array<char, kIndentSpaces + 1> kNewlineAndSpaces = [] {
  std::array<char, kIndentSpaces + 1> text{};
  text.fill(' ');
  text[0] = '\n';
  return text;
}();

void append_scalar_via_library(std::string& out, const Json& j) {
  out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void JsonWriter::append_quoted(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  append_escaped(out, s);
  out += '"';
}

void JsonWriter::append_escaped(std::string& out, std::string_view s) {
  const std::size_t first_special = first_non_plain(s);
  if (first_special == s.size()) {  // the common case: nothing to escape
    out += s;
    return;
  }
  // Multi-byte UTF-8 must be validated (invalid bytes become U+FFFD): nlohmann's serializer,
  // the reference, does that. ASCII is escaped here, the way it and JSON.stringify escape it.
  if (std::any_of(s.begin() + static_cast<std::ptrdiff_t>(first_special), s.end(),
                  [](char c) { return class_of(c) == kNonAscii; })) {
    std::string quoted;
    append_scalar_via_library(quoted, Json(std::string(s)));
    out.append(quoted, 1, quoted.size() - 2);
    return;
  }
  // Plain runs between escapes are copied whole, found 8 bytes at a time: a JSON document inside a
  // string (a dashboard body) or inline code escapes every few words.
  static constexpr char kHex[] = "0123456789abcdef";
  out.append(s.data(), first_special);
  for (std::size_t i = first_special; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i++]);  // a byte to escape: ASCII only, checked above
    if (kShortEscape[c] != 0) {
      const char escape[] = {'\\', kShortEscape[c]};
      out.append(escape, sizeof escape);
    } else {
      const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
      out.append(escape, sizeof escape);
    }
    const std::size_t plain = first_non_plain(s.substr(i));
    out.append(s.data() + i, plain);
    i += plain;
  }
}

void JsonWriter::append_quoted_in_string(std::string& out, std::string_view s) {
  if (first_non_plain(s) == s.size()) {  // quoting it once escapes nothing but the quotes
    out += "\\\"";
    out += s;
    out += "\\\"";
    return;
  }
  std::string once;
  append_quoted(once, s);
  append_escaped(out, once);
}

void JsonWriter::quoted(std::string_view s) {
  if (in_string_) {
    append_quoted_in_string(out_, s);
  } else {
    append_quoted(out_, s);
  }
}

void JsonWriter::newline_and_indent(std::size_t depth) {
  if (compact_) return;
  const std::size_t spaces = depth * indent_;
  if (spaces <= kIndentSpaces) {
    out_.append(kNewlineAndSpaces.data(), spaces + 1);
    return;
  }
  out_ += '\n';
  out_.append(spaces, ' ');
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
  quoted(name);
  out_.append(": ", compact_ ? 1 : 2);
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
  quoted(s);
}

void JsonWriter::escaped_string(std::string_view escaped) {
  before_value();
  out_ += '"';
  out_ += escaped;
  out_ += '"';
}

JsonWriter JsonWriter::writer_for_next_value(std::string& text) const {
  JsonWriter w(text, depth(), indent_);
  w.compact_ = compact_;
  w.in_string_ = in_string_;
  return w;
}

void JsonWriter::raw_value(std::string_view text) {
  before_value();
  out_ += text;
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
