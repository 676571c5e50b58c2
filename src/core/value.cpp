#include "opsynth/core/value.hpp"

#include <algorithm>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <variant>

#include "opsynth/core/json_object_index.hpp"

namespace opsynth {

void reserve_object(Json& object, std::size_t entries) {
  if (object.is_null()) object = Json::object();
  object.get_ref<Json::object_t&>().reserve(entries);
}

// One node of a value. The payload is a variant (one alternative per kind group) so that a
// node stays small: a dashboard body or a policy document is thousands of nodes.
struct Value::Node {
  struct Reference {  // Ref, GetAtt (with its attribute), ElementName
    const CfnElement* target;
    std::string attribute;
    bool operator==(const Reference&) const = default;
  };
  struct Named {  // Intrinsic (its name and argument), JsonString (no name, the document)
    std::string name;
    Value argument;
    bool operator==(const Named&) const = default;
  };
  struct Producer {  // Lazy; equal only to itself (operator== compares nodes first)
    std::function<Value()> produce;
    bool operator==(const Producer&) const { return false; }
  };

  // The payload is built in place, in the node make_shared allocates: a node built first and
  // then moved in moved its payload twice (a string or list per node, thousands per stack).
  template <class Payload>
  Node(Kind k, bool literal, bool is_repeated, Payload&& p)
      : kind(k), all_literal(literal), repeated(is_repeated),
        payload(std::in_place_type<std::decay_t<Payload>>, std::forward<Payload>(p)) {}

  Kind kind;
  bool all_literal;
  bool repeated = false;
  // A literal string is held as std::string, not as JSON: one allocation less for the commonest
  // node of all. Json holds the other literals (null, booleans, numbers).
  std::variant<Json, std::string, std::vector<Value>, ValueMap, Reference, Named, Producer> payload;
};

namespace {
template <class Payload>
std::shared_ptr<const Value::Node> make_node(Value::Kind kind, bool all_literal, Payload&& payload,
                                             bool repeated = false) {
  return std::make_shared<const Value::Node>(kind, all_literal, repeated, std::forward<Payload>(payload));
}

// `j` is null, a boolean or a number: strings are made by make_string.
std::shared_ptr<const Value::Node> make_literal(Json j) { return make_node(Value::Kind::Literal, true, std::move(j)); }
std::shared_ptr<const Value::Node> make_string(std::string s) {
  return make_node(Value::Kind::Literal, true, std::move(s));
}

const std::shared_ptr<const Value::Node>& null_node() {
  static const auto node = make_literal(Json());
  return node;
}

const std::vector<Value> kNoItems;
const ValueMap kNoEntries;
const std::string kNoName;
}  // namespace

Value::Value() : node_(null_node()) {}
Value::Value(bool b) : node_(make_literal(Json(b))) {}
Value::Value(long long n) : node_(make_literal(Json(static_cast<std::int64_t>(n)))) {}
Value::Value(std::string s) : node_(make_string(std::move(s))) {}

Value::Value(double d) {
  // JSON.stringify renders 5.0 as "5": keep integral doubles as integers.
  if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) {
    node_ = make_literal(Json(static_cast<std::int64_t>(d)));
  } else {
    node_ = make_literal(Json(d));
  }
}

Value::Value(std::vector<Value> items) {
  const bool all_literal = std::all_of(items.begin(), items.end(), [](const Value& i) { return i.is_literal(); });
  node_ = make_node(Kind::List, all_literal, std::move(items));
}

Value Value::literal(Json j) {
  if (j.is_object()) {
    ValueMap entries;
    entries.reserve(j.size());
    for (auto& [k, v] : j.items()) entries.emplace_back(k, literal(v));
    return object(std::move(entries));
  }
  if (j.is_array()) {
    std::vector<Value> items;
    items.reserve(j.size());
    for (auto& v : j) items.push_back(literal(v));
    return Value(std::move(items));
  }
  if (j.is_number_float()) return Value(j.get<double>());
  if (j.is_string()) return Value(std::move(j.get_ref<std::string&>()));
  return Value(make_literal(std::move(j)));
}

Value Value::object(std::vector<std::pair<std::string, Value>> entries) {
  return make_object(std::move(entries), false);
}

Value Value::repeated_object(std::vector<std::pair<std::string, Value>> entries) {
  return make_object(std::move(entries), true);
}

Value Value::make_object(std::vector<std::pair<std::string, Value>> entries, bool repeated) {
  const bool all_literal =
      std::all_of(entries.begin(), entries.end(), [](const auto& e) { return e.second.is_literal(); });
  return Value(make_node(Kind::Object, all_literal, std::move(entries), repeated));
}

Value Value::ref(const CfnElement& target) { return Value(make_node(Kind::Ref, false, Node::Reference{&target, {}})); }

Value Value::get_att(const CfnElement& target, std::string attribute) {
  return Value(make_node(Kind::GetAtt, false, Node::Reference{&target, std::move(attribute)}));
}

Value Value::element_name(const CfnElement& target) {
  return Value(make_node(Kind::ElementName, false, Node::Reference{&target, {}}));
}

Value Value::intrinsic(std::string name, Value argument) {
  return Value(make_node(Kind::Intrinsic, false, Node::Named{std::move(name), std::move(argument)}));
}

Json Value::to_json() const {
  switch (node_->kind) {
    case Kind::Literal:
      return is_string() ? Json(as_string()) : as_literal();
    case Kind::List: {
      Json out = Json::array();
      for (const auto& i : items()) out.push_back(i.to_json());
      return out;
    }
    case Kind::Object: {
      Json out = Json::object();
      reserve_object(out, entries().size());
      ObjectIndex keys(out);
      for (const auto& [k, v] : entries()) keys[k] = v.to_json();
      return out;
    }
    case Kind::JsonString:
      if (is_literal()) return argument().to_json().dump();
      break;
    default:
      break;
  }
  throw std::logic_error("opsynth::Value::to_json on a value that holds an intrinsic");
}

Value Value::json_string(Value document) {
  // A document without references is just a string (JSON.stringify's compact form).
  // Invalid UTF-8 becomes U+FFFD, as the template writer and the path with references write it.
  if (document.is_literal()) return Value(document.to_json().dump(-1, ' ', false, Json::error_handler_t::replace));
  return Value(make_node(Kind::JsonString, false, Node::Named{{}, std::move(document)}));
}

Value Value::lazy(std::function<Value()> produce) {
  return Value(make_node(Kind::Lazy, false, Node::Producer{std::move(produce)}));
}

Value Value::produce() const {
  const auto* p = std::get_if<Node::Producer>(&node_->payload);
  if (p == nullptr) throw std::logic_error("opsynth::Value::produce on a value that is not lazy");
  return p->produce();
}

Value::Kind Value::kind() const { return node_->kind; }
bool Value::is_null() const {
  const auto* j = std::get_if<Json>(&node_->payload);
  return j != nullptr && j->is_null();
}
bool Value::is_string() const { return std::holds_alternative<std::string>(node_->payload); }
bool Value::is_number() const {
  const auto* j = std::get_if<Json>(&node_->payload);
  return j != nullptr && j->is_number();
}
bool Value::is_literal() const { return node_->all_literal; }
bool Value::is_repeated() const { return node_->repeated; }

const std::string& Value::as_string() const {
  if (!is_string()) throw std::logic_error("opsynth::Value::as_string on a value that is not a literal string");
  return std::get<std::string>(node_->payload);
}

double Value::as_number() const {
  if (!is_number()) throw std::logic_error("opsynth::Value::as_number on a value that is not a literal number");
  return as_literal().get<double>();
}

const Json& Value::as_literal() const {
  const auto* j = std::get_if<Json>(&node_->payload);
  if (j == nullptr)
    throw std::logic_error(is_string() ? "opsynth::Value::as_literal on a string: use as_string"
                                       : "opsynth::Value::as_literal on a non-scalar value");
  return *j;
}

const std::vector<Value>& Value::items() const {
  const auto* items = std::get_if<std::vector<Value>>(&node_->payload);
  return items != nullptr ? *items : kNoItems;
}

const std::vector<std::pair<std::string, Value>>& Value::entries() const {
  const auto* entries = std::get_if<ValueMap>(&node_->payload);
  return entries != nullptr ? *entries : kNoEntries;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : entries())
    if (k == key) return &v;
  return nullptr;
}

const CfnElement* Value::target() const {
  const auto* r = std::get_if<Node::Reference>(&node_->payload);
  return r != nullptr ? r->target : nullptr;
}

const std::string& Value::name() const {
  if (const auto* r = std::get_if<Node::Reference>(&node_->payload)) return r->attribute;
  if (const auto* n = std::get_if<Node::Named>(&node_->payload)) return n->name;
  return kNoName;
}

const Value& Value::argument() const {
  const auto* n = std::get_if<Node::Named>(&node_->payload);
  if (n == nullptr) throw std::logic_error("opsynth::Value::argument on a value without one");
  return n->argument;
}

bool operator==(const Value& a, const Value& b) {
  return a.node_ == b.node_ || (a.node_->kind == b.node_->kind && a.node_->payload == b.node_->payload);
}

}  // namespace opsynth
