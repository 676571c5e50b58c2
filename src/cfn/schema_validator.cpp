// Walks a resource's rendered properties against the rule tables that spec/generate_l1.py
// emits from the provider schemas (include/opsynth/cfn/schema.hpp).
//
// Leniency follows CloudFormation and cfn-lint: numbers and booleans are accepted where a
// string is expected, numeric strings where a number is, "true"/"false" where a boolean is.
// Anything that is an intrinsic (known only at deploy time) is skipped.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "opsynth/cfn/schema.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth::cfn {

using schema::Node;
using schema::Table;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
      char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x == y ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {

// Schema patterns are ECMAScript regexes (JSON Schema), compiled on first use and kept;
// nullptr when one does not compile (the check is then skipped rather than failing synthesis).
const Regex* compiled(const char* pattern) {
  static std::mutex mu;
  static std::unordered_map<const char*, std::unique_ptr<Regex>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(pattern);
  if (it != cache.end()) return it->second.get();
  std::unique_ptr<Regex> re;
  try {
    re = std::make_unique<Regex>(pattern);
  } catch (const std::invalid_argument&) {
  }
  return cache.emplace(pattern, std::move(re)).first->second.get();
}

// A value that many resources hold (Value::repeated_object: an applied tag) is checked against a
// schema node once: a check without errors is remembered for that (table, node, value), and the
// memo holds the value, so its identity cannot be reused by another (tables are the generated,
// static ones). Checks with errors are never remembered, so each resource still reports them with
// its own path. The stack's tags were a tenth of a stack's synthesis, checked again on every
// tagged resource.
class RepeatedValueMemo {
 public:
  bool known_valid(const Table& t, std::uint16_t node, const Value& v) {
    std::lock_guard<std::mutex> lock(mu_);
    return valid_.contains(Key{&t, node, v.identity()});
  }
  void remember_valid(const Table& t, std::uint16_t node, const Value& v) {
    std::lock_guard<std::mutex> lock(mu_);
    if (valid_.size() >= kMaxEntries) valid_.clear();  // a long-running process synthesizing many apps
    valid_.emplace(Key{&t, node, v.identity()}, v);
  }

 private:
  struct Key {
    const Table* table;
    std::uint16_t node;
    const void* value;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<const void*>{}(k.table) ^ (std::hash<const void*>{}(k.value) * 31) ^ k.node;
    }
  };
  static constexpr std::size_t kMaxEntries = 1 << 16;
  std::mutex mu_;
  std::unordered_map<Key, Value, KeyHash> valid_;
};

RepeatedValueMemo& repeated_value_memo() {
  static RepeatedValueMemo memo;
  return memo;
}

// JSON Schema patterns are not anchored. A match the engine gives up on (its match limit)
// counts as a match: the check is skipped, not failed.
bool search(const Regex& re, std::string_view s) {
  try {
    return re.search(s);
  } catch (const std::runtime_error&) {
    return true;
  }
}

enum class JT { Null, Bool, Int, Float, String, Array, Object, Unknown };

// A view of a value being checked: an opsynth::Value (a literal string is one), or the JSON
// inside another literal Value.
struct View {
  const Value* v = nullptr;
  const Json* j = nullptr;

  static View of(const Value& val) {
    if (val.kind() == Value::Kind::Literal && !val.is_string()) return View{nullptr, &val.as_literal()};
    return View{&val, nullptr};
  }
  static View of(const Json& json) { return View{nullptr, &json}; }

  JT type() const {
    if (v) {
      switch (v->kind()) {
        case Value::Kind::Literal: return JT::String;  // View::of keeps only strings as values
        case Value::Kind::List: return JT::Array;
        case Value::Kind::Object: {
          const auto& e = v->entries();
          if (e.size() == 1 && intrinsic_key(e[0].first)) return JT::Unknown;
          return JT::Object;
        }
        default: return JT::Unknown;  // Ref, GetAtt, Fn::*, a JSON string with references
      }
    }
    switch (j->type()) {
      case Json::value_t::null: return JT::Null;
      case Json::value_t::boolean: return JT::Bool;
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned: return JT::Int;
      case Json::value_t::number_float: return JT::Float;
      case Json::value_t::string: return JT::String;
      case Json::value_t::array: return JT::Array;
      case Json::value_t::object:
        if (j->size() == 1 && intrinsic_key(j->begin().key())) return JT::Unknown;
        return JT::Object;
      default: return JT::Unknown;
    }
  }
  static bool intrinsic_key(std::string_view k) {
    return k == "Ref" || k == "Condition" || k.substr(0, 5) == "Fn::";
  }
  const std::string& str() const { return v ? v->as_string() : j->get_ref<const std::string&>(); }
  double num() const { return j->get<double>(); }
  std::size_t size() const { return v ? (v->kind() == Value::Kind::List ? v->items().size() : v->entries().size()) : j->size(); }
  View item(std::size_t i) const { return v ? View::of(v->items()[i]) : View::of((*j)[i]); }
  template <class F>
  void for_each_entry(F&& f) const {
    if (v) {
      for (const auto& [k, val] : v->entries()) f(std::string_view(k), View::of(val));
    } else {
      for (auto it = j->begin(); it != j->end(); ++it) f(std::string_view(it.key()), View::of(it.value()));
    }
  }
  bool has(std::string_view key) const {
    if (v) return v->find(key) != nullptr;
    return j->contains(key);
  }
  bool is_literal() const { return j != nullptr || v->is_literal(); }
  // Equality of two literal views (is_literal() both), without building JSON when both are
  // JSON or both are values.
  bool same_literal(const View& o) const {
    if (j && o.j) return *j == *o.j;
    if (v && o.v) return *v == *o.v;
    return *literal() == *o.literal();
  }
  // A hash of a literal view (is_literal()) that equal literals share. A JSON view is a null, a
  // boolean or a number (Value keeps strings, lists and objects as nodes). Every number hashes
  // alike: nlohmann's == equates numbers across integer, unsigned and floating types in ways no
  // hash of the value follows (unsigned 2^64-1 equals -1), so numbers are compared pairwise.
  std::size_t hash() const {
    if (j) {
      if (j->is_boolean()) return j->get<bool>() ? 1 : 2;
      return j->is_number() ? 5 : 6;
    }
    auto mix = [](std::size_t seed, std::size_t h) { return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); };
    switch (v->kind()) {
      case Value::Kind::Literal: return std::hash<std::string>{}(v->as_string());
      case Value::Kind::List: {
        std::size_t h = 3;
        for (const auto& i : v->items()) h = mix(h, View::of(i).hash());
        return h;
      }
      default: {  // an object
        std::size_t h = 4;
        for (const auto& [k, i] : v->entries()) h = mix(mix(h, std::hash<std::string>{}(k)), View::of(i).hash());
        return h;
      }
    }
  }
  // Literal JSON of the whole value, or nullopt when it holds an intrinsic.
  std::optional<Json> literal() const {
    if (j) return *j;
    if (!v->is_literal()) return std::nullopt;
    if (v->kind() == Value::Kind::Literal) return Json(v->as_string());
    Json out = v->kind() == Value::Kind::List ? Json::array() : Json::object();
    if (v->kind() == Value::Kind::List) {
      for (const auto& i : v->items()) {
        auto l = View::of(i).literal();
        if (!l) return std::nullopt;
        out.push_back(*l);
      }
    } else {
      for (const auto& [k, i] : v->entries()) {
        auto l = View::of(i).literal();
        if (!l) return std::nullopt;
        out[k] = *l;
      }
    }
    return out;
  }
};

const char* type_name(JT t) {
  switch (t) {
    case JT::Null: return "null";
    case JT::Bool: return "boolean";
    case JT::Int: return "integer";
    case JT::Float: return "number";
    case JT::String: return "string";
    case JT::Array: return "array";
    case JT::Object: return "object";
    default: return "intrinsic";
  }
}

std::string expected_types(std::uint8_t bits) {
  static const std::pair<std::uint8_t, const char*> names[] = {
      {schema::kString, "string"}, {schema::kNumber, "number"}, {schema::kInteger, "integer"},
      {schema::kBoolean, "boolean"}, {schema::kArray, "array"}, {schema::kObject, "object"}, {schema::kNull, "null"}};
  std::string out;
  for (const auto& [bit, name] : names)
    if (bits & bit) out += (out.empty() ? "" : " or ") + std::string(name);
  return out;
}

std::optional<double> parse_number(const std::string& s) {
  double d = 0;
  auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, d);
  if (ec != std::errc() || p != end || s.empty()) return std::nullopt;
  return d;
}

std::string format_number(double d) {
  char buf[64];
  if (std::floor(d) == d && std::fabs(d) < 1e15)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
  else
    std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

std::string show(const std::string& s) {
  std::string shown = s.size() > 80 ? s.substr(0, 77) + "..." : s;
  return Json(shown).dump();
}

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Where a checked value sits ("Properties.Tags[2].Key"). Built into a string only for an error:
// most values have none, and the paths of every value were a tenth of a synthesis' allocations.
class Path {
 public:
  explicit Path(std::string_view root) : parent_(nullptr), key_(root) {}
  Path(const Path& parent, std::string_view key) : parent_(&parent), key_(key) {}
  Path(const Path& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}
  Path(const Path&) = delete;
  Path& operator=(const Path&) = delete;

  std::string str() const {
    std::string out = parent_ != nullptr ? parent_->str() : std::string();
    if (is_index_) return out + "[" + std::to_string(index_) + "]";
    if (parent_ != nullptr) out += '.';
    return out.append(key_);
  }

 private:
  const Path* parent_;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

class Checker {
 public:
  Checker(const Table& t, std::vector<std::string>& errors) : t_(t), errors_(errors) {}

  void check(std::uint16_t index, const View& val, const Path& path) {
    if (val.v != nullptr && val.v->is_repeated()) {
      if (repeated_value_memo().known_valid(t_, index, *val.v)) return;
      const std::size_t errors_before = errors_.size();
      check_once(index, val, path);
      if (errors_.size() == errors_before) repeated_value_memo().remember_valid(t_, index, *val.v);
      return;
    }
    check_once(index, val, path);
  }

 private:
  void check_once(std::uint16_t index, const View& val, const Path& path) {
    const Node& n = t_.nodes[index];
    JT jt = val.type();
    if (jt == JT::Unknown) return;
    if (n.types && !type_ok(n.types, jt, val)) {
      error(path, "expected " + expected_types(n.types) + ", got " + type_name(jt));
      return;
    }
    if (n.enums.count && (jt == JT::String || jt == JT::Int || jt == JT::Float)) check_enum(n, val, jt, path);
    if (jt == JT::String) check_string(n, val.str(), path);
    if (jt == JT::Int || jt == JT::Float) check_range(n, val.num(), path);
    if (jt == JT::String && (n.types & (schema::kNumber | schema::kInteger)) && !(n.types & schema::kString))
      if (auto d = parse_number(val.str())) check_range(n, *d, path);
    if (jt == JT::Array) check_array(n, val, path);
    if (jt == JT::Object) check_object(n, val, path);
    if (n.one_of.count) check_branches(n, n.one_of, true, val, path);
    if (n.any_of.count) check_branches(n, n.any_of, false, val, path);
  }

  void error(const Path& path, const std::string& what) { errors_.push_back(path.str() + ": " + what); }

  static bool type_ok(std::uint8_t bits, JT jt, const View& val) {
    switch (jt) {
      case JT::Null: return bits & schema::kNull;
      case JT::Bool: return bits & (schema::kBoolean | schema::kString);
      case JT::Int: return bits & (schema::kInteger | schema::kNumber | schema::kString);
      case JT::Float:
        return (bits & (schema::kNumber | schema::kString)) ||
               ((bits & schema::kInteger) && std::floor(val.num()) == val.num());
      case JT::String: {
        if (bits & schema::kString) return true;
        const std::string& s = val.str();
        if (bits & schema::kBoolean && (s == "true" || s == "false" || s == "True" || s == "False")) return true;
        auto d = parse_number(s);
        if (d && (bits & schema::kNumber)) return true;
        if (d && (bits & schema::kInteger) && std::floor(*d) == *d) return true;
        return false;
      }
      case JT::Array: return bits & schema::kArray;
      case JT::Object: return bits & schema::kObject;
      default: return true;
    }
  }

  // The value is compared as text; its shown form (quoted JSON) is built only for an error.
  void check_enum(const Node& n, const View& val, JT jt, const Path& path) {
    std::string normalized;  // a number's text, or a numeric string in a numeric enum
    std::string_view text;
    if (jt == JT::String) {
      text = val.str();
      if (n.flags & schema::kNumericEnum)
        if (auto d = parse_number(val.str())) text = normalized = format_number(*d);
    } else {
      text = normalized = format_number(val.num());
    }
    for (std::uint16_t i = 0; i < n.enums.count; ++i)
      if (t_.strings[n.enums.begin + i] == text) return;
    std::string allowed;
    for (std::uint16_t i = 0; i < n.enums.count; ++i) {
      if (i) allowed += ", ";
      allowed += t_.strings[n.enums.begin + i];
    }
    error(path, (jt == JT::String ? show(val.str()) : normalized) + " is not one of " + allowed);
  }

  void check_string(const Node& n, const std::string& s, const Path& path) {
    if (n.min_length >= 0 || n.max_length >= 0) {
      auto len = static_cast<std::int64_t>(utf8_length(s));
      if (n.min_length >= 0 && len < n.min_length)
        error(path, show(s) + " is shorter than the minimum length " + std::to_string(n.min_length) + " (length " +
                        std::to_string(len) + ")");
      if (n.max_length >= 0 && len > n.max_length)
        error(path, show(s) + " is longer than the maximum length " + std::to_string(n.max_length) + " (length " +
                        std::to_string(len) + ")");
    }
    if (n.pattern)
      if (const Regex* re = compiled(n.pattern); re && !search(*re, s))
        error(path, show(s) + " does not match the pattern " + n.pattern);
  }

  void check_range(const Node& n, double d, const Path& path) {
    bool ex_min = n.flags & schema::kExclusiveMin, ex_max = n.flags & schema::kExclusiveMax;
    if (std::isfinite(n.minimum) && (ex_min ? d <= n.minimum : d < n.minimum))
      error(path, format_number(d) + " is less than the minimum " + format_number(n.minimum) +
                      (ex_min ? " (exclusive)" : ""));
    if (std::isfinite(n.maximum) && (ex_max ? d >= n.maximum : d > n.maximum))
      error(path, format_number(d) + " is greater than the maximum " + format_number(n.maximum) +
                      (ex_max ? " (exclusive)" : ""));
  }

  void check_array(const Node& n, const View& val, const Path& path) {
    auto size = static_cast<std::int64_t>(val.size());
    if (n.min_items >= 0 && size < n.min_items)
      error(path, std::to_string(size) + " items, fewer than the minimum " + std::to_string(n.min_items));
    if (n.max_items >= 0 && size > n.max_items)
      error(path, std::to_string(size) + " items, more than the maximum " + std::to_string(n.max_items));
    if (n.flags & schema::kUniqueItems) report_first_repeat(val, path);
    if (n.items != schema::kNone)
      for (std::size_t i = 0; i < val.size(); ++i) check(n.items, val.item(i), Path(path, i));
  }

  // uniqueItems: the first item equal to an earlier one is an error (items holding intrinsics are
  // not compared). Only items of equal hashes are compared, without copying them: every tagged
  // resource has a tag list with this rule, and comparing each pair of tags was 3% of a stack.
  void report_first_repeat(const View& list, const Path& path) {
    if (list.size() < 2) return;
    std::vector<std::pair<std::size_t, std::size_t>> earlier;  // (hash, index) of literal items
    earlier.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      const View item = list.item(i);
      if (!item.is_literal()) continue;
      const std::size_t h = item.hash();
      for (const auto& [eh, k] : earlier) {
        if (eh != h || !list.item(k).same_literal(item)) continue;
        const std::string d = item.literal()->dump();
        error(Path(path, i), "duplicate item " + (d.size() > 80 ? d.substr(0, 77) + "..." : d) + " (items must be unique)");
        return;
      }
      earlier.emplace_back(h, i);
    }
  }

  const schema::Prop* find_prop(const Node& n, std::string_view name) const {
    const schema::Prop* b = t_.props + n.props.begin;
    const schema::Prop* e = b + n.props.count;
    auto it = std::lower_bound(b, e, name, [](const schema::Prop& p, std::string_view k) { return p.name < k; });
    return it != e && it->name == name ? it : nullptr;
  }

  std::string nearest(const Node& n, std::string_view name) const {
    std::string_view best;
    std::size_t best_d = SIZE_MAX;
    for (std::uint16_t i = 0; i < n.props.count; ++i) {
      auto cand = t_.props[n.props.begin + i].name;
      auto d = edit_distance(name, cand);
      if (d < best_d) best_d = d, best = cand;
    }
    return std::string(best);
  }

  void check_object(const Node& n, const View& val, const Path& path) {
    for (std::uint16_t i = 0; i < n.required.count; ++i) {
      auto name = t_.strings[n.required.begin + i];
      if (!val.has(name)) error(Path(path, name), "required property is missing");
    }
    val.for_each_entry([&](std::string_view key, const View& v) {
      if (const auto* p = n.props.count ? find_prop(n, key) : nullptr) {
        check(p->node, v, Path(path, key));
        return;
      }
      if (n.additional != schema::kNone) {
        if (n.key_pattern) {
          std::string k(key);
          if (const Regex* re = compiled(n.key_pattern); re && !search(*re, k)) {
            error(Path(path, key), "key " + show(k) + " does not match the pattern " + n.key_pattern);
            return;
          }
        }
        check(n.additional, v, Path(path, key));
        return;
      }
      if (n.flags & schema::kClosed) {
        std::string msg = "unknown property";
        if (n.props.count) msg += "; did you mean " + nearest(n, key) + "?";
        error(Path(path, key), msg);
      }
    });
    auto list = [&](schema::Span s) {
      std::string out;
      for (std::uint16_t i = 0; i < s.count; ++i) out += (i ? ", " : "") + std::string(t_.strings[s.begin + i]);
      return out;
    };
    auto present = [&](schema::Span s) {
      int count = 0;
      for (std::uint16_t i = 0; i < s.count; ++i) count += val.has(t_.strings[s.begin + i]) ? 1 : 0;
      return count;
    };
    if (n.required_xor.count) {
      int c = present(n.required_xor);
      if (c != 1) error(path, "exactly one of " + list(n.required_xor) + " must be set" + (c ? "" : " (none is)"));
    }
    if (n.required_or.count && present(n.required_or) == 0)
      error(path, "at least one of " + list(n.required_or) + " must be set");
    for (std::uint16_t i = 0; i < n.excluded.count; ++i) {
      const auto& ex = t_.exclusions[n.excluded.begin + i];
      if (!val.has(ex.property)) continue;
      for (std::uint16_t k = 0; k < ex.excluded.count; ++k) {
        auto other = t_.strings[ex.excluded.begin + k];
        if (val.has(other)) error(Path(path, other), "must not be set together with " + std::string(ex.property));
      }
    }
  }

  // A branch that only lists required properties ({"required": [...]}).
  bool required_only(const Node& b) const {
    return b.required.count && !b.types && !b.props.count && !b.enums.count && b.items == schema::kNone &&
           b.additional == schema::kNone && !b.one_of.count && !b.any_of.count && !b.pattern;
  }

  void check_branches(const Node& n, schema::Span span, bool one_of, const View& val, const Path& path) {
    std::size_t matched = 0, best = SIZE_MAX;
    std::vector<std::string> best_errors;
    bool all_required_only = true;
    for (std::uint16_t i = 0; i < span.count; ++i) {
      const Node& b = t_.nodes[t_.node_lists[span.begin + i]];
      all_required_only = all_required_only && required_only(b);
      std::vector<std::string> errs;
      Checker(t_, errs).check(t_.node_lists[span.begin + i], val, path);
      if (errs.empty()) {
        ++matched;
      } else if (errs.size() < best) {
        best = errs.size();
        best_errors = std::move(errs);
      }
    }
    auto describe = [&] {
      std::string out;
      for (std::uint16_t i = 0; i < span.count; ++i) {
        const Node& b = t_.nodes[t_.node_lists[span.begin + i]];
        out += i ? " | " : "";
        for (std::uint16_t k = 0; k < b.required.count; ++k) out += (k ? " + " : "") + std::string(t_.strings[b.required.begin + k]);
      }
      return out;
    };
    if (matched == 0) {
      if (all_required_only)
        error(path, std::string(one_of ? "exactly" : "at least") + " one of these property sets must be given: " + describe());
      else if (!best_errors.empty())
        errors_.push_back(best_errors.front() + " (and no other allowed form matches)");
    } else if (one_of && matched > 1 && (n.flags & schema::kOneOfExclusive)) {
      error(path, "exactly one of these property sets must be given, but several are: " + describe());
    }
  }

  const Table& t_;
  std::vector<std::string>& errors_;
};

}  // namespace

void validate_properties(const Table& table, const Value& properties, std::vector<std::string>& errors) {
  Checker(table, errors).check(table.root, View::of(properties), Path("Properties"));
}

void validate_properties(const Table& table, const ValueMap& properties, std::vector<std::string>& errors) {
  validate_properties(table, Value::object(properties), errors);
}

}  // namespace opsynth::cfn
