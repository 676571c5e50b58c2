// A CloudFormation value: literal JSON or an intrinsic function that points at
// constructs and is rendered to logical IDs only at synthesis.
//
// Values are immutable and cheap to copy (a shared pointer to a node). Unlike
// aws-cdk-lib there are no string-encoded tokens: a reference stays a typed node
// all the way to the renderer, so concatenation builds a real `Fn::Join`.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace opsynth {

class CfnElement;
using Json = nlohmann::ordered_json;

// Sizes a JSON object for `entries` members before they are added. An ordered_json object keeps
// its entries in a std::vector<std::pair<const std::string, Json>>: the const key makes the
// pair's move constructor potentially throwing, so each time that vector grows it deep-copies
// every value already in it.
void reserve_object(Json& object, std::size_t entries);

class Value {
 public:
  enum class Kind {
    Literal,     // null, bool, number or string
    List,        // [Value...]
    Object,      // {key: Value...} in insertion order
    Ref,         // {"Ref": <logical id of element>}
    GetAtt,      // {"Fn::GetAtt": [<logical id>, attribute]}
    ElementName, // the logical id of an element, as a plain string (Fn::If, Condition)
    Intrinsic,   // {name: argument} for every other intrinsic and pseudo parameter Refs
    JsonString,  // a JSON document carried inside a string (Stack.toJsonString)
    Lazy,        // produced when a synthesis takes the properties of its resource (Value::lazy)
  };

  Value();  // JSON null
  Value(std::nullptr_t) : Value() {}
  Value(bool b);
  Value(int n) : Value(static_cast<long long>(n)) {}
  Value(long n) : Value(static_cast<long long>(n)) {}
  Value(long long n);
  Value(unsigned n) : Value(static_cast<long long>(n)) {}
  Value(unsigned long n) : Value(static_cast<long long>(n)) {}
  Value(double d);  // integral doubles are stored as integers (JSON.stringify(5.0) == "5")
  Value(const char* s) : Value(std::string(s)) {}
  Value(std::string_view s) : Value(std::string(s)) {}
  Value(std::string s);
  Value(std::vector<Value> items);

  static Value literal(Json j);
  static Value list(std::vector<Value> items) { return Value(std::move(items)); }
  static Value object(std::vector<std::pair<std::string, Value>> entries);
  // An object that many resources of a stack hold (an applied tag): the resolver writes its text
  // once per place in the layout and copies it after (Resolver::write_repeated).
  static Value repeated_object(std::vector<std::pair<std::string, Value>> entries);
  static Value ref(const CfnElement& target);
  static Value get_att(const CfnElement& target, std::string attribute);
  static Value element_name(const CfnElement& target);
  static Value intrinsic(std::string name, Value argument);
  static Value json_string(Value document);
  // A value produced when a synthesis takes the properties of the resource that holds it as a
  // whole property value (aws-cdk-lib's Lazy), on the thread that validates the stack. A large
  // value (a dashboard body) is then built as its stack is validated and written, and dropped
  // with the stack's snapshot, instead of living in the tree from prepare on. A lazy value
  // anywhere else is a synthesis error.
  static Value lazy(std::function<Value()> produce);

  Kind kind() const;
  bool is_null() const;
  bool is_string() const;   // a literal string
  bool is_number() const;   // a literal number
  // True when the whole value is known at synthesis (no intrinsic anywhere inside).
  bool is_literal() const;
  bool is_repeated() const;  // made by repeated_object
  // The node this value shares with its copies: equal for copies, distinct for values made apart.
  const void* identity() const { return node_.get(); }
  // For string-typed intrinsics (Ref, GetAtt, Join, Sub, Select, ImportValue, If...)
  // this is false; only literal strings are "known strings".
  const std::string& as_string() const;  // literal strings only
  double as_number() const;              // literal numbers only
  const Json& as_literal() const;        // null, boolean and number literals (strings: as_string)
  Json to_json() const;                  // a literal value (is_literal()) as JSON

  const std::vector<Value>& items() const;                                // List
  const std::vector<std::pair<std::string, Value>>& entries() const;      // Object
  const Value* find(std::string_view key) const;                          // Object
  const CfnElement* target() const;     // Ref, GetAtt, ElementName
  const std::string& name() const;      // GetAtt attribute or Intrinsic name
  const Value& argument() const;        // Intrinsic argument / JsonString document
  Value produce() const;                // Lazy: the produced value

  // Structural equality (same literal JSON, same targets).
  friend bool operator==(const Value& a, const Value& b);

  struct Node;

 private:
  explicit Value(std::shared_ptr<const Node> n) : node_(std::move(n)) {}
  static Value make_object(std::vector<std::pair<std::string, Value>> entries, bool repeated);
  std::shared_ptr<const Node> node_;
};

using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;

// Intrinsic functions, named after CloudFormation's.
namespace fn {
Value join(std::string delimiter, std::vector<Value> parts);  // minimal, like aws-cdk-lib
Value concat(std::vector<Value> parts);                       // join("", parts)
Value sub(std::string body);
Value sub(std::string body, ValueMap variables);
Value select(int index, Value list);
Value split(std::string delimiter, Value source);
Value import_value(Value export_name);
Value get_azs(Value region = Value(""));
Value base64(Value v);
Value if_(const CfnElement& condition, Value when_true, Value when_false);
Value equals(Value a, Value b);
Value and_(std::vector<Value> conditions);
Value or_(std::vector<Value> conditions);
Value not_(Value condition);
Value condition(const CfnElement& condition);  // {"Condition": name}
Value no_value();                              // {"Ref": "AWS::NoValue"}
}  // namespace fn

// Pseudo parameters.
namespace aws {
Value account_id();
Value region();
Value partition();
Value url_suffix();
Value stack_name();
Value stack_id();
Value notification_arns();
}  // namespace aws

}  // namespace opsynth
