// Writes JSON text the way aws-cdk-lib writes templates (JSON.stringify(t, null, 1)) or
// JSON strings (JSON.stringify(x)), straight into a string, without building a document first.
//
// Synthesis used to resolve every value into an nlohmann DOM, serialise it and free it; the
// DOM's allocations were most of the cost of a stack. The output is byte-identical to
// `Json::dump(indent, ' ', false, error_handler_t::replace)` (compact: `dump(-1, ...)`) of the
// same document; the unit tests compare the two. (compact_in_string writes that text as it reads
// inside a JSON string.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth {

class JsonWriter {
 public:
  // Appends to `out`, one member per line, indented by `indent` spaces per level. `depth` is
  // the nesting level the first value is written at: its members are indented by depth + 1
  // levels and its closing bracket by depth.
  explicit JsonWriter(std::string& out, std::size_t depth = 0, std::size_t indent = 1)
      : out_(out), base_depth_(depth), indent_(indent) {}
  // Appends to `out` without any whitespace (JSON.stringify(x), Json::dump()).
  static JsonWriter compact(std::string& out) {
    JsonWriter w(out);
    w.compact_ = true;
    return w;
  }
  // Appends to `out` compact JSON as it reads inside a JSON string (a document that the template
  // carries as a string, such as a dashboard body): every string quoted, then escaped once more.
  static JsonWriter compact_in_string(std::string& out) {
    JsonWriter w = compact(out);
    w.in_string_ = true;
    return w;
  }

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The next member of the current object; its value follows.
  void key(std::string_view name);

  void string(std::string_view s);
  // A string whose content is escaped already (written between quotes as it is; not for a
  // compact_in_string writer).
  void escaped_string(std::string_view escaped);
  void boolean(bool b);
  // Any JSON: scalars and whole documents (written with the same layout).
  void value(const Json& j);

  // A writer into `text` that writes a value as this one would write its next value (same layout
  // and depth), and raw_value() to write that text here as the next value (as it is: not for a
  // compact_in_string writer).
  JsonWriter writer_for_next_value(std::string& text) const;
  void raw_value(std::string_view text);
  bool is_compact() const { return compact_; }
  std::size_t depth() const { return base_depth_ + levels_.size(); }
  std::size_t indent() const { return indent_; }

  // `s` as a quoted JSON string, escaped like nlohmann (and JSON.stringify) escape it.
  static void append_quoted(std::string& out, std::string_view s);
  // `s` escaped as the content of a JSON string, without the quotes.
  static void append_escaped(std::string& out, std::string_view s);
  // `s` quoted as a JSON string, then escaped as the content of an enclosing JSON string.
  static void append_quoted_in_string(std::string& out, std::string_view s);

 private:
  void before_value();  // the separator and indent of an array element
  void open(char bracket, bool is_array);
  void close(char bracket);
  void newline_and_indent(std::size_t depth);
  void quoted(std::string_view s);  // a key or string value, quoted for this writer's mode

  struct Level {
    bool is_array;
    bool empty = true;
  };
  std::string& out_;
  std::size_t base_depth_;
  std::size_t indent_;
  bool compact_ = false;
  bool in_string_ = false;
  std::vector<Level> levels_;
};

}  // namespace opsynth
