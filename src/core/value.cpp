#include "opsynth/core/value.hpp"

#include <algorithm>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <variant>

namespace opsynth {

namespace {
Json::object_t::Container& object_entries(Json& object) {
  if (object.is_null()) object = Json::object();
  return object.get_ref<Json::object_t&>();
}
}  // namespace

void reserve_object(Json& object, std::size_t entries) { object_entries(object).reserve(entries); }

void append_new_key(Json& object, std::string key, Json value) {
  auto& entries = object_entries(object);
  if (entries.size() == entries.capacity()) {
    Json::object_t::Container grown;
    grown.reserve(std::max<std::size_t>(8, 2 * entries.size()));
    for (auto& [k, v] : entries) grown.emplace_back(k, std::move(v));
    entries.swap(grown);
  }
  entries.emplace_back(std::move(key), std::move(value));
}


struct Value::Node {
  Kind kind;
  Json literal;                                   // Literal
  std::vector<Value> items;                       // List
  std::vector<std::pair<std::string, Value>> entries;  // Object
  const CfnElement* target = nullptr;             // Ref, GetAtt, ElementName
  std::string name;                               // GetAtt attribute, Intrinsic name
  std::vector<Value> argument;                    // Intrinsic argument / JsonString document (0 or 1)
  bool all_literal = true;
};

namespace {
std::shared_ptr<const Value::Node> make_literal(Json j) {
  auto n = std::make_shared<Value::Node>();
  n->kind = Value::Kind::Literal;
  n->literal = std::move(j);
  return n;
}

const std::shared_ptr<const Value::Node>& null_node() {
  static const auto node = make_literal(Json());
  return node;
}
}  // namespace

Value::Value() : node_(null_node()) {}
Value::Value(bool b) : node_(make_literal(Json(b))) {}
Value::Value(long long n) : node_(make_literal(Json(static_cast<std::int64_t>(n)))) {}
Value::Value(std::string s) : node_(make_literal(Json(std::move(s)))) {}

Value::Value(double d) {
  // JSON.stringify renders 5.0 as "5": keep integral doubles as integers.
  if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) {
    node_ = make_literal(Json(static_cast<std::int64_t>(d)));
  } else {
    node_ = make_literal(Json(d));
  }
}

Value::Value(std::vector<Value> items) {
  auto n = std::make_shared<Node>();
  n->kind = Kind::List;
  for (const auto& i : items) n->all_literal = n->all_literal && i.is_literal();
  n->items = std::move(items);
  node_ = std::move(n);
}

Value Value::literal(Json j) {
  if (j.is_object()) {
    ValueMap entries;
    for (auto& [k, v] : j.items()) entries.emplace_back(k, literal(v));
    return object(std::move(entries));
  }
  if (j.is_array()) {
    std::vector<Value> items;
    for (auto& v : j) items.push_back(literal(v));
    return Value(std::move(items));
  }
  if (j.is_number_float()) return Value(j.get<double>());
  return Value(make_literal(std::move(j)));
}

Value Value::object(std::vector<std::pair<std::string, Value>> entries) {
  auto n = std::make_shared<Node>();
  n->kind = Kind::Object;
  for (const auto& e : entries) n->all_literal = n->all_literal && e.second.is_literal();
  n->entries = std::move(entries);
  return Value(std::shared_ptr<const Node>(std::move(n)));
}

namespace {
std::shared_ptr<Value::Node> reference_node(Value::Kind kind, const CfnElement& target) {
  auto n = std::make_shared<Value::Node>();
  n->kind = kind;
  n->target = &target;
  n->all_literal = false;
  return n;
}
}  // namespace

Value Value::ref(const CfnElement& target) { return Value(reference_node(Kind::Ref, target)); }

Value Value::get_att(const CfnElement& target, std::string attribute) {
  auto n = reference_node(Kind::GetAtt, target);
  n->name = std::move(attribute);
  return Value(std::shared_ptr<const Node>(std::move(n)));
}

Value Value::element_name(const CfnElement& target) {
  return Value(reference_node(Kind::ElementName, target));
}

Value Value::intrinsic(std::string name, Value argument) {
  auto n = std::make_shared<Node>();
  n->kind = Kind::Intrinsic;
  n->name = std::move(name);
  n->argument.push_back(std::move(argument));
  n->all_literal = false;
  return Value(std::shared_ptr<const Node>(std::move(n)));
}

Json Value::to_json() const {
  switch (node_->kind) {
    case Kind::Literal:
      return node_->literal;
    case Kind::List: {
      Json out = Json::array();
      for (const auto& i : node_->items) out.push_back(i.to_json());
      return out;
    }
    case Kind::Object: {
      Json out = Json::object();
      reserve_object(out, node_->entries.size());
      for (const auto& [k, v] : node_->entries) out[k] = v.to_json();
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
  if (document.is_literal()) return Value(document.to_json().dump());
  auto n = std::make_shared<Node>();
  n->kind = Kind::JsonString;
  n->all_literal = false;
  n->argument.push_back(std::move(document));
  return Value(std::shared_ptr<const Node>(std::move(n)));
}

Value::Kind Value::kind() const { return node_->kind; }
bool Value::is_null() const { return node_->kind == Kind::Literal && node_->literal.is_null(); }
bool Value::is_string() const { return node_->kind == Kind::Literal && node_->literal.is_string(); }
bool Value::is_number() const { return node_->kind == Kind::Literal && node_->literal.is_number(); }
bool Value::is_literal() const { return node_->all_literal; }

const std::string& Value::as_string() const {
  if (!is_string()) throw std::logic_error("opsynth::Value::as_string on a value that is not a literal string");
  return node_->literal.get_ref<const std::string&>();
}

double Value::as_number() const {
  if (!is_number()) throw std::logic_error("opsynth::Value::as_number on a value that is not a literal number");
  return node_->literal.get<double>();
}

const Json& Value::as_literal() const {
  if (node_->kind != Kind::Literal) throw std::logic_error("opsynth::Value::as_literal on a non-scalar value");
  return node_->literal;
}

const std::vector<Value>& Value::items() const { return node_->items; }
const std::vector<std::pair<std::string, Value>>& Value::entries() const { return node_->entries; }

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : node_->entries)
    if (k == key) return &v;
  return nullptr;
}

const CfnElement* Value::target() const { return node_->target; }
const std::string& Value::name() const { return node_->name; }

const Value& Value::argument() const {
  if (node_->argument.empty()) throw std::logic_error("opsynth::Value::argument on a value without one");
  return node_->argument.front();
}

bool operator==(const Value& a, const Value& b) {
  if (a.node_ == b.node_) return true;
  const auto& x = *a.node_;
  const auto& y = *b.node_;
  return x.kind == y.kind && x.literal == y.literal && x.items == y.items && x.entries == y.entries &&
         x.target == y.target && x.name == y.name && x.argument == y.argument;
}

}  // namespace opsynth
