// Typed property values for the generated L1 classes (opsynth/cfn/<service>/<resource>.hpp).
//
// Every wrapper holds either a literal of its C++ type or an opsynth::Value intrinsic
// (Ref, Fn::GetAtt, Fn::Join, Fn::If...), so each property of an L1 can be given a
// reference that is known only at deploy time. Properties are cfn::Optional<wrapper>
// (a std::optional): an unset property is not rendered.
//
//   cfn::String    a string                    "x", std::string, Value
//   cfn::Number    an integer or number        42, 0.5, Value
//   cfn::Boolean   a boolean                   true, Value
//   cfn::Json      any JSON (policy documents) opsynth::Json, Value (objects may nest intrinsics)
//   cfn::List<T>   a list of T                 {a, b}, std::vector<T>, Value (Fn::Split, Fn::If...)
//   cfn::Map<T>    string keys to T            {{"k", v}}, Value
//   cfn::Object<T> a generated property struct T{...}, Value
//
// Hand-written; the generator (spec/generate_l1.py) only uses these.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth {
class CfnResource;
}

namespace opsynth::cfn {

class String {
 public:
  String(const char* s) : v_(s) {}
  String(std::string s) : v_(std::move(s)) {}
  String(std::string_view s) : v_(s) {}
  String(Value v) : v_(std::move(v)) {}
  // Guards against surprising conversions (0 -> null const char*, bool -> Value).
  String(std::nullptr_t) = delete;
  String(int) = delete;
  String(bool) = delete;

  // True for a literal string (known at synthesis).
  bool is_literal() const { return v_.is_string(); }
  // The literal string; throws std::logic_error for an intrinsic.
  const std::string& str() const;
  const Value& value() const { return v_; }
  Value to_value() const { return v_; }
  friend bool operator==(const String& a, const String& b) { return a.v_ == b.v_; }

 private:
  Value v_;
};

class Number {
 public:
  Number(int n) : v_(n) {}
  Number(long n) : v_(n) {}
  Number(long long n) : v_(n) {}
  Number(unsigned n) : v_(n) {}
  Number(unsigned long n) : v_(n) {}
  Number(double d) : v_(d) {}
  Number(Value v) : v_(std::move(v)) {}
  Number(const char*) = delete;
  Number(bool) = delete;

  bool is_literal() const { return v_.is_number(); }
  double number() const;  // literal only; throws std::logic_error for an intrinsic
  const Value& value() const { return v_; }
  Value to_value() const { return v_; }
  friend bool operator==(const Number& a, const Number& b) { return a.v_ == b.v_; }

 private:
  Value v_;
};

class Boolean {
 public:
  Boolean(bool b) : v_(b) {}
  Boolean(Value v) : v_(std::move(v)) {}
  Boolean(const char*) = delete;  // a pointer would silently become `true`
  Boolean(int) = delete;

  bool is_literal() const;
  bool boolean() const;  // literal only; throws std::logic_error for an intrinsic
  const Value& value() const { return v_; }
  Value to_value() const { return v_; }
  friend bool operator==(const Boolean& a, const Boolean& b) { return a.v_ == b.v_; }

 private:
  Value v_;
};

// Free-form JSON: a literal document, or a Value (objects and lists of Values may hold
// intrinsics anywhere inside, e.g. a policy document naming a bucket's ARN).
class Json {
 public:
  Json(opsynth::Json j) : v_(Value::literal(std::move(j))) {}
  Json(Value v) : v_(std::move(v)) {}
  const Value& value() const { return v_; }
  Value to_value() const { return v_; }
  friend bool operator==(const Json& a, const Json& b) { return a.v_ == b.v_; }

 private:
  Value v_;
};

namespace detail {
[[noreturn]] void throw_intrinsic(const char* what);
}

template <class T>
class List {
 public:
  List() = default;
  List(std::initializer_list<T> items) : items_(items) {}
  List(std::vector<T> items) : items_(std::move(items)) {}
  List(Value intrinsic) : intrinsic_(std::move(intrinsic)) {}

  bool is_intrinsic() const { return intrinsic_.has_value(); }
  const std::optional<Value>& intrinsic() const { return intrinsic_; }
  // The literal items; throws std::logic_error when the list is an intrinsic.
  std::vector<T>& items() {
    if (intrinsic_) detail::throw_intrinsic("cfn::List");
    return items_;
  }
  const std::vector<T>& items() const {
    if (intrinsic_) detail::throw_intrinsic("cfn::List");
    return items_;
  }
  void push_back(T item) { items().push_back(std::move(item)); }
  std::size_t size() const { return items().size(); }

  Value to_value() const {
    if (intrinsic_) return *intrinsic_;
    std::vector<Value> out;
    out.reserve(items_.size());
    for (const auto& i : items_) out.push_back(i.to_value());
    return Value::list(std::move(out));
  }

 private:
  std::vector<T> items_;
  std::optional<Value> intrinsic_;
};

template <class T>
class Map {
 public:
  using Entries = std::vector<std::pair<std::string, T>>;
  Map() = default;
  Map(std::initializer_list<std::pair<std::string, T>> entries) : entries_(entries) {}
  Map(Entries entries) : entries_(std::move(entries)) {}
  Map(Value intrinsic) : intrinsic_(std::move(intrinsic)) {}

  bool is_intrinsic() const { return intrinsic_.has_value(); }
  const std::optional<Value>& intrinsic() const { return intrinsic_; }
  Entries& entries() {
    if (intrinsic_) detail::throw_intrinsic("cfn::Map");
    return entries_;
  }
  const Entries& entries() const {
    if (intrinsic_) detail::throw_intrinsic("cfn::Map");
    return entries_;
  }
  // Sets `key` (replacing an existing entry, else appending).
  void set(std::string key, T value) {
    for (auto& [k, v] : entries())
      if (k == key) {
        v = std::move(value);
        return;
      }
    entries_.emplace_back(std::move(key), std::move(value));
  }

  Value to_value() const {
    if (intrinsic_) return *intrinsic_;
    ValueMap out;
    out.reserve(entries_.size());
    for (const auto& [k, v] : entries_) out.emplace_back(k, v.to_value());
    return Value::object(std::move(out));
  }

 private:
  Entries entries_;
  std::optional<Value> intrinsic_;
};

// A generated property struct, or an intrinsic standing for one. The struct is kept on
// the heap so that recursive property types work; copies are deep.
template <class T>
class Object {
 public:
  Object() : p_(std::make_unique<T>()) {}
  Object(T value) : p_(std::make_unique<T>(std::move(value))) {}
  Object(Value intrinsic) : intrinsic_(std::move(intrinsic)) {}
  Object(const Object& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr), intrinsic_(o.intrinsic_) {}
  Object(Object&&) noexcept = default;
  Object& operator=(const Object& o) {
    if (this != &o) *this = Object(o);
    return *this;
  }
  Object& operator=(Object&&) noexcept = default;
  ~Object() = default;

  bool is_intrinsic() const { return intrinsic_.has_value(); }
  const std::optional<Value>& intrinsic() const { return intrinsic_; }
  // The struct; throws std::logic_error when this holds an intrinsic.
  T& get() {
    if (!p_) detail::throw_intrinsic("cfn::Object");
    return *p_;
  }
  const T& get() const {
    if (!p_) detail::throw_intrinsic("cfn::Object");
    return *p_;
  }
  T* operator->() { return &get(); }
  const T* operator->() const { return &get(); }
  T& operator*() { return get(); }
  const T& operator*() const { return get(); }

  Value to_value() const { return p_ ? p_->to_value() : *intrinsic_; }

 private:
  std::unique_ptr<T> p_;
  std::optional<Value> intrinsic_;
};

namespace detail {
struct NoElements {
  NoElements() = delete;
};
template <class T>
struct Elements {
  using type = NoElements;
};
template <class T>
struct Elements<List<T>> {
  using type = T;
};
template <class T>
struct Elements<Map<T>> {
  using type = std::pair<std::string, T>;
};
}  // namespace detail

// The type of every L1 property field: std::optional (unset fields are not rendered),
// plus brace-initialization of list and map fields from their elements, so that
// `.topics = {topic.ref()}` is a list of one reference and `.tags_map = {{"k", "v"}}` a map.
template <class T>
class Optional : public std::optional<T> {
 public:
  using Base = std::optional<T>;
  using Base::Base;
  using Base::operator=;
  Optional() = default;
  Optional(std::initializer_list<typename detail::Elements<T>::type> items) : Base(std::in_place, T(items)) {}
  Optional& operator=(std::initializer_list<typename detail::Elements<T>::type> items) {
    this->emplace(T(items));
    return *this;
  }
};

// The {Key, Value} tag every KeyValueList-tagged resource type uses (aws-cdk-lib's CfnTag).
struct CfnTag {
  String key = "";
  String value = "";
  Value to_value() const;
};

namespace detail {
// Generated L1 code's helpers (src/cfn/types.cpp).
// The typed properties, plus those set with CfnResource::set_property (which win), sorted by name.
ValueMap merge_properties(ValueMap typed, const ValueMap& raw);
// Moves literal tags into `resource`'s own tags; false (nothing moved) when unset or an intrinsic.
bool take_tags(CfnResource& resource, const std::optional<List<Object<CfnTag>>>& tags);
bool take_tags(CfnResource& resource, const std::optional<Map<String>>& tags);
// Adds the tag property `name` at its place: the resource's effective tags (own tags, which
// include literal props tags after prepare, overridden by tags of enclosing scopes), or the
// props value when that is an intrinsic.
void put_tags(ValueMap& out, const char* name, const CfnResource& resource,
              const std::optional<List<Object<CfnTag>>>& tags);
void put_tags(ValueMap& out, const char* name, const CfnResource& resource, const std::optional<Map<String>>& tags);
// A tag property given whole as one intrinsic (e.g. Fn::If) is rendered as it is, so it cannot also
// take the resource's effective tags: that is an error, as in aws-cdk-lib ("Cannot combine literal
// tags with a Tags property that is a single unresolved intrinsic").
void check_intrinsic_tags(const char* name, const CfnResource& resource, bool whole_intrinsic,
                          std::vector<std::string>& errors);
template <class Tags>
void check_tags(const char* name, const CfnResource& resource, const std::optional<Tags>& tags,
                std::vector<std::string>& errors) {
  check_intrinsic_tags(name, resource, tags && tags->is_intrinsic(), errors);
}

// Adds `name: field` to `out` when the optional field is set (generated code uses this).
template <class T>
inline void put(ValueMap& out, const char* name, const std::optional<T>& field) {
  if (field) out.emplace_back(name, field->to_value());
}
}  // namespace detail

}  // namespace opsynth::cfn
