// aws-cdk-lib-style matching of expected JSON (with Match:: markers) against actual JSON.

#include "opsynth/core/regex.hpp"
#include "opsynth/testing/template.hpp"

namespace opsynth::assertions {

namespace {
constexpr const char* kMarker = "$opsynth:match";

Json marker(const char* kind, Json arg = nullptr) { return Json{{kMarker, kind}, {"arg", std::move(arg)}}; }

bool is_marker(const Json& j) { return j.is_object() && j.contains(kMarker); }

std::string show(const Json& j) {
  std::string s = j.dump();
  return s.size() > 200 ? s.substr(0, 197) + "..." : s;
}

std::string match_at(const Json& expected, const Json* actual, const std::string& path, bool object_like);

std::string match_object(const Json& expected, const Json& actual, const std::string& path, bool object_like) {
  if (!actual.is_object()) return path + ": expected an object, found " + show(actual);
  for (const auto& [k, v] : expected.items()) {
    const Json* a = actual.contains(k) ? &actual.at(k) : nullptr;
    if (auto f = match_at(v, a, path + "/" + k, true); !f.empty()) return f;
  }
  if (!object_like)
    for (const auto& [k, v] : actual.items())
      if (!expected.contains(k)) return path + "/" + k + ": unexpected key (exact match wanted)";
  return "";
}

std::string match_array(const Json& expected, const Json& actual, const std::string& path) {
  if (!actual.is_array()) return path + ": expected an array, found " + show(actual);
  if (expected.size() != actual.size())
    return path + ": expected " + std::to_string(expected.size()) + " items, found " + std::to_string(actual.size()) +
           " in " + show(actual);
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (auto f = match_at(expected[i], &actual[i], path + "/" + std::to_string(i), true); !f.empty()) return f;
  return "";
}

std::string match_array_with(const Json& expected, const Json& actual, const std::string& path) {
  if (!actual.is_array()) return path + ": expected an array, found " + show(actual);
  std::size_t next = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    bool found = false;
    for (; next < actual.size() && !found; ++next) found = match_at(expected[i], &actual[next], path, true).empty();
    if (!found) return path + ": no item (in order) matches " + show(expected[i]) + " in " + show(actual);
  }
  return "";
}

std::string match_at(const Json& expected, const Json* actual, const std::string& path, bool object_like) {
  const std::string where = path.empty() ? "/" : path;
  if (is_marker(expected)) {
    const std::string kind = expected.at(kMarker);
    const Json& arg = expected.at("arg");
    if (kind == "absent") return actual ? where + ": expected absent, found " + show(*actual) : "";
    if (!actual) return where + ": missing";
    if (kind == "any") return actual->is_null() ? where + ": expected a value, found null" : "";
    if (kind == "array_with") return match_array_with(arg, *actual, where);
    if (kind == "object_like") return match_object(arg, *actual, path, true);
    if (kind == "object_equals") return match_object(arg, *actual, path, false);
    if (kind == "exact") return arg == *actual ? "" : where + ": expected exactly " + show(arg) + ", found " + show(*actual);
    if (kind == "regexp") {
      if (!actual->is_string() || !Regex(arg.get<std::string>()).search(actual->get<std::string>()))
        return where + ": expected a string matching /" + arg.get<std::string>() + "/, found " + show(*actual);
      return "";
    }
    if (kind == "not")
      return match_at(arg, actual, path, true).empty() ? where + ": expected no match for " + show(arg) : "";
    return where + ": unknown matcher " + kind;
  }
  if (!actual) return where + ": missing (expected " + show(expected) + ")";
  if (expected.is_object()) return match_object(expected, *actual, path, object_like);
  if (expected.is_array()) return match_array(expected, *actual, where);
  return expected == *actual ? "" : where + ": expected " + show(expected) + ", found " + show(*actual);
}
}  // namespace

namespace Match {
Json absent() { return marker("absent"); }
Json any_value() { return marker("any"); }
Json array_with(Json items) { return marker("array_with", std::move(items)); }
Json object_like(Json pattern) { return marker("object_like", std::move(pattern)); }
Json object_equals(Json pattern) { return marker("object_equals", std::move(pattern)); }
Json exact(Json value) { return marker("exact", std::move(value)); }
Json string_like_regexp(std::string regex) { return marker("regexp", std::move(regex)); }
Json not_(Json pattern) { return marker("not", std::move(pattern)); }
}  // namespace Match

std::string match_failure(const Json& expected, const Json& actual) { return match_at(expected, &actual, "", true); }

}  // namespace opsynth::assertions
