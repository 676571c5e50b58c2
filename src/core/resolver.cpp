#include "opsynth/core/resolver.hpp"

#include <functional>
#include <stdexcept>
#include <variant>

#include <fmt/format.h>

#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/json_parse.hpp"
#include "opsynth/core/logical_id.hpp"
#include "opsynth/core/stack.hpp"

namespace opsynth {
namespace {

// JSON.stringify of a scalar (nlohmann's compact dump escapes the same characters).
std::string stringify(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool concatable(const Json& j) { return j.is_string() || j.is_number(); }

// {"Fn::Join": ["", [...]]}: spliced into a JSON string, its parts are spliced one by one.
bool is_empty_join(const Json& j) {
  if (!j.is_object() || j.size() != 1 || !j.contains("Fn::Join")) return false;
  const auto& args = j["Fn::Join"];
  return args.is_array() && args.size() == 2 && args[0] == "" && args[1].is_array();
}

// aws-cdk-lib's deepQuoteStringLiterals: strings inside an intrinsic that is spliced
// into a JSON string are escaped as JSON string content.
Json deep_quote(const Json& j) {
  if (j.is_array()) {
    Json out = Json::array();
    for (const auto& x : j) out.push_back(deep_quote(x));
    return out;
  }
  if (j.is_object()) {
    Json out = Json::object();
    for (const auto& [k, v] : j.items()) {
      std::string qk = stringify(Json(k));
      out[qk.substr(1, qk.size() - 2)] = deep_quote(v);
    }
    return out;
  }
  if (j.is_string()) {
    std::string q = stringify(j);
    return q.substr(1, q.size() - 2);
  }
  return j;
}

// A JSON document written as a JSON string: the text of its literal parts, already escaped the way
// the template writes it between quotes, and the intrinsics spliced into it between those texts.
// Parts are joined like aws-cdk-lib's minimalCloudFormationJoin with "": a spliced Fn::Join with ""
// is flattened, and neighbouring texts, strings and numbers are merged into one text.
class JsonStringParts {
 public:
  // The text at the end, to append escaped text to.
  std::string& text() {
    if (parts_.empty() || !is_text(parts_.back())) {
      if (!parts_.empty() && concatable(std::get<Json>(parts_.back()))) {
        parts_.back() = escaped(std::get<Json>(parts_.back()));
      } else {
        parts_.emplace_back(std::string());
      }
    }
    return std::get<std::string>(parts_.back());
  }

  void intrinsic(const Json& j) {
    spliced_ = true;
    if (is_empty_join(j)) {
      for (const auto& item : j["Fn::Join"][1]) intrinsic(item);
    } else if (concatable(j) && !parts_.empty() &&
               (is_text(parts_.back()) || concatable(std::get<Json>(parts_.back())))) {
      text() += escaped(j);
    } else {
      parts_.emplace_back(j);
    }
  }

  // A plain string when nothing was spliced in, else {"Fn::Join": ["", parts]}, even when the
  // spliced parts merged into one text (aws-cdk-lib's tokenAwareStringify does the same).
  void write(JsonWriter& out) const {
    if (!spliced_) return out.escaped_string(std::get<std::string>(parts_.front()));  // text only: one part
    out.begin_object();
    out.key("Fn::Join");
    out.begin_array();
    out.string("");
    out.begin_array();
    for (const auto& p : parts_) write_part(p, out);
    out.end_array();
    out.end_array();
    out.end_object();
  }

 private:
  using Part = std::variant<std::string, Json>;  // escaped text, or an intrinsic (or string, number) as rendered

  static bool is_text(const Part& p) { return std::holds_alternative<std::string>(p); }
  static std::string escaped(const Json& j) {
    if (!j.is_string()) return stringify(j);
    std::string out;
    JsonWriter::append_escaped(out, j.get_ref<const std::string&>());
    return out;
  }
  static void write_part(const Part& p, JsonWriter& out) {
    if (is_text(p)) {
      out.escaped_string(std::get<std::string>(p));
    } else {
      out.value(std::get<Json>(p));
    }
  }

  std::vector<Part> parts_;
  bool spliced_ = false;
};

}  // namespace

std::string ExportTable::export_for(const Stack& producer, const Json& reference) {
  std::string id = "Output" + stringify(reference);
  auto key = std::make_pair(&producer, id);
  auto it = index_.find(key);
  if (it != index_.end()) return exports_[it->second].export_name;
  std::string local = make_unique_id({"Exports", id});
  std::string prefix = producer.stack_name() + ":";
  // aws-cdk-lib keeps the export name within 255 characters by cutting the front of the local part.
  std::size_t keep = 255 > prefix.size() ? 255 - prefix.size() : 0;
  std::string name = prefix + (local.size() > keep ? local.substr(local.size() - keep) : local);
  index_.emplace(key, exports_.size());
  exports_.push_back({&producer, local, std::move(name), reference});
  return exports_.back().export_name;
}

void Resolver::write(const Value& v, const Construct& where, JsonWriter& out) {
  switch (v.kind()) {
    case Value::Kind::Literal:
      if (v.is_string()) {
        out.string(v.as_string());
      } else {
        out.value(v.as_literal());
      }
      return;
    case Value::Kind::List:
      out.begin_array();
      for (const auto& i : v.items()) write(i, where, out);
      out.end_array();
      return;
    case Value::Kind::Object:
      if (v.is_repeated() && v.is_literal() && !out.is_compact()) {
        write_repeated(v, where, out);
      } else {
        write_object(v, where, out);
      }
      return;
    case Value::Kind::Ref:
    case Value::Kind::GetAtt:
    case Value::Kind::ElementName:
      if (&v.target()->stack() == &consumer_) {
        write_local_reference(v, out);
      } else {
        out.value(cross_stack_reference(v, where));
      }
      return;
    case Value::Kind::Intrinsic:
      out.begin_object();
      out.key(v.name());
      write(v.argument(), where, out);
      out.end_object();
      return;
    case Value::Kind::JsonString:
      write_json_string(v.argument(), where, out);
      return;
    case Value::Kind::Lazy:
      // Produced only as a whole property value, on the validating thread (Value::lazy).
      errors_.push_back(fmt::format("{}: holds a lazy value inside another value; a lazy value must be a resource "
                                    "property's whole value",
                                    where.path()));
      out.value(Json());
      return;
  }
}

Json Resolver::resolve(const Value& v, const Construct& where) {
  std::string text;
  JsonWriter out(text);
  write(v, where, out);
  return parse_json_text(text);
}

void Resolver::write_object(const Value& v, const Construct& where, JsonWriter& out) {
  out.begin_object();
  for (const auto& [k, x] : v.entries()) {
    out.key(k);
    write(x, where, out);
  }
  out.end_object();
}

// An applied tag is in nearly every tag list of its stack, always at the same depth: its text is
// written once and copied. Literal only, so that skipping the writing skips no error or export.
void Resolver::write_repeated(const Value& v, const Construct& where, JsonWriter& out) {
  const auto key = std::make_tuple(v.identity(), out.depth(), out.indent());
  auto it = repeated_.find(key);
  if (it == repeated_.end()) {
    std::string text;
    JsonWriter first = out.writer_for_next_value(text);
    write_object(v, where, first);
    it = repeated_.emplace(key, std::make_pair(v, std::move(text))).first;
  }
  out.raw_value(it->second.second);
}

// The common case, written without building JSON: a reference within the consumer's own stack.
void Resolver::write_local_reference(const Value& v, JsonWriter& out) {
  const std::string& id = v.target()->logical_id();
  switch (v.kind()) {
    case Value::Kind::Ref:
      out.begin_object();
      out.key("Ref");
      out.string(id);
      out.end_object();
      return;
    case Value::Kind::GetAtt:
      out.begin_object();
      out.key("Fn::GetAtt");
      out.begin_array();
      out.string(id);
      out.string(v.name());
      out.end_array();
      out.end_object();
      return;
    default:
      out.string(id);
  }
}

// A reference to an element of another stack: an export of the producer imported here, or an
// error where CloudFormation cannot import. `rendered` is the reference as the producer writes it.
Json Resolver::cross_stack_reference(const Value& v, const Construct& where) {
  const CfnElement& target = *v.target();
  Json rendered = v.kind() == Value::Kind::Ref      ? Json{{"Ref", target.logical_id()}}
                  : v.kind() == Value::Kind::GetAtt ? Json{{"Fn::GetAtt", Json::array({target.logical_id(), v.name()})}}
                                                    : Json(target.logical_id());
  const Stack& producer = target.stack();
  if (v.kind() == Value::Kind::ElementName) {
    errors_.push_back(fmt::format("{}: refers to the condition or element {} of another stack ({}); conditions can only be used in their own stack",
                                  where.path(), target.path(), producer.stack_name()));
    return rendered;
  }
  if (producer.env() != consumer_.env()) {
    errors_.push_back(fmt::format(
        "{}: refers to {} in stack {} ({}) from stack {} ({}); CloudFormation exports only work within one account "
        "and region: pass the value as a plain string through props or context instead",
        where.path(), target.path(), producer.stack_name(), producer.environment_uri(), consumer_.stack_name(),
        consumer_.environment_uri()));
    return rendered;
  }
  cross_stack_.insert(&producer);
  return Json{{"Fn::ImportValue", exports_.export_for(producer, rendered)}};
}

namespace {

// The brackets, separators and keys of a list or an object written compact inside a JSON string.
// `text()` is the text to append to (a spliced intrinsic can start a new one); `member` writes each
// member's value.
template <class Text, class Member>
void write_container_in_string(const Value& v, Text&& text, Member&& member) {
  bool first = true;
  if (v.kind() == Value::Kind::List) {
    text() += '[';
    for (const auto& i : v.items()) {
      if (!first) text() += ',';
      first = false;
      member(i);
    }
    text() += ']';
    return;
  }
  text() += '{';
  for (const auto& [k, x] : v.entries()) {
    if (!first) text() += ',';
    first = false;
    JsonWriter::append_quoted_in_string(text(), k);
    text() += ':';
    member(x);
  }
  text() += '}';
}

}  // namespace

// The bulk of a dashboard body: written straight into the text, without a JsonWriter's
// separator and nesting bookkeeping for each token. The text is compact_in_string's, byte for byte.
void Resolver::write_literal_in_string(const Value& v, const Construct& where, std::string& text) {
  switch (v.kind()) {
    case Value::Kind::Literal:
      if (v.is_string()) {
        JsonWriter::append_quoted_in_string(text, v.as_string());
      } else {
        JsonWriter::compact(text).value(v.as_literal());  // null, a boolean or a number: nothing to escape
      }
      return;
    case Value::Kind::List:
    case Value::Kind::Object:
      write_container_in_string(
          v, [&]() -> std::string& { return text; }, [&](const Value& x) { write_literal_in_string(x, where, text); });
      return;
    default:  // only literals, lists and objects are literal (a literal JSON string is a plain string)
      throw std::logic_error(fmt::format("{}: write_literal_in_string on a value that is not literal", where.path()));
  }
}

void Resolver::write_json_string(const Value& doc, const Construct& where, JsonWriter& out) {
  JsonStringParts parts;
  std::function<void(const Value&)> write_part = [&](const Value& v) {
    if (v.is_literal()) {  // no intrinsic inside: written whole, compact
      write_literal_in_string(v, where, parts.text());
      return;
    }
    switch (v.kind()) {
      case Value::Kind::List:
      case Value::Kind::Object:
        write_container_in_string(v, [&]() -> std::string& { return parts.text(); }, write_part);
        return;
      default: {
        // A string-typed intrinsic: spliced between quotes, its literals escaped.
        Json resolved = resolve(v, where);
        if (resolved.is_string()) {
          JsonWriter::append_quoted_in_string(parts.text(), resolved.get_ref<const std::string&>());
          return;
        }
        parts.text() += "\\\"";
        parts.intrinsic(deep_quote(resolved));
        parts.text() += "\\\"";
      }
    }
  };
  write_part(doc);
  parts.write(out);
}

}  // namespace opsynth
