#include "yaml_template.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "opsynth/core/json_object_index.hpp"
#include "opsynth/diff/previous_templates.hpp"

namespace opsynth::diff {
namespace {

// The short forms CloudFormation's YAML accepts: `!Name` stands for {"Fn::Name": ...},
// except Ref and Condition, which have no "Fn::" prefix.
constexpr std::array<std::string_view, 18> kFnShortForms = {
    "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "GetAtt", "If", "ImportValue",
    "Join", "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform"};

// Aliases let a small document expand into a huge one ("billion laughs") or refer to
// itself (`a: &a [*a]`); no real template comes near these (CloudFormation takes at most
// 1 MB of template, and parse_template_text refuses more than 100 levels anyway).
constexpr std::size_t kMaxValues = 100'000;
constexpr int kMaxDepth = 200;

class Converter {
 public:
  explicit Converter(const std::string& origin) : origin_(origin) {}

  // `as_intrinsic_argument`: the node's own tag was read already; convert what it tags.
  Json convert(const YAML::Node& node, bool as_intrinsic_argument = false) {
    if (++values_ > kMaxValues)
      throw InputError(fmt::format("{}: expands to more than {} values (through aliases?); a template is smaller",
                                   origin_, kMaxValues));
    if (depth_ > kMaxDepth)
      throw InputError(fmt::format("{}: nested deeper than {} levels (a recursive alias?); a template is not",
                                   origin_, kMaxDepth));
    struct Nested {
      int& depth;
      explicit Nested(int& d) : depth(++d) {}
      ~Nested() { --depth; }
    } nested(depth_);
    const std::string& tag = node.Tag();
    if (!as_intrinsic_argument && tag.size() > 1 && tag[0] == '!' && tag[1] != '!')
      return intrinsic(tag.substr(1), node);
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        return tag == "?" ? plain_scalar(node.Scalar()) : Json(node.Scalar());
      case YAML::NodeType::Sequence: {
        Json out = Json::array();
        for (const auto& item : node) out.push_back(convert(item));
        return out;
      }
      case YAML::NodeType::Map: {
        Json out = Json::object();
        ObjectIndex keys(out);
        for (const auto& kv : node) {
          if (!kv.first.IsScalar())
            throw InputError(fmt::format("{}: line {}: map keys must be plain strings", origin_,
                                         kv.first.Mark().line + 1));
          keys[kv.first.Scalar()] = convert(kv.second);
        }
        return out;
      }
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
    }
    return nullptr;
  }

 private:
  Json intrinsic(const std::string& name, const YAML::Node& node) {
    Json argument = node.IsScalar() ? Json(node.Scalar()) : convert(node, true);
    if (name == "Ref" || name == "Condition") return Json{{name, argument}};
    if (std::find(kFnShortForms.begin(), kFnShortForms.end(), name) == kFnShortForms.end())
      throw InputError(fmt::format("{}: line {}: unknown tag !{}; CloudFormation's short forms are !Ref, !Condition, "
                                   "and !{}",
                                   origin_, node.Mark().line + 1, name, fmt::join(kFnShortForms, ", !")));
    if (name == "GetAtt" && argument.is_string()) {
      // `!GetAtt Resource.Attribute.Path` splits at the first dot.
      const auto s = argument.get<std::string>();
      const auto dot = s.find('.');
      if (dot == std::string::npos || dot == 0 || dot + 1 == s.size())
        throw InputError(fmt::format("{}: line {}: !GetAtt {} must read LogicalId.Attribute", origin_,
                                     node.Mark().line + 1, s));
      argument = Json::array({s.substr(0, dot), s.substr(dot + 1)});
    }
    return Json{{"Fn::" + name, argument}};
  }

  static Json plain_scalar(const std::string& s) {
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const char* last = s.data() + s.size();
    std::int64_t i = 0;
    if (auto [p, ec] = std::from_chars(first, last, i); ec == std::errc() && p == last) return i;
    if (s.find_first_of("0123456789") != std::string::npos && s.find_first_not_of("+-.0123456789eE") == std::string::npos) {
      double d = 0;
      if (auto [p, ec] = std::from_chars(first, last, d); ec == std::errc() && p == last) return d;
    }
    return s;
  }

  const std::string& origin_;
  std::size_t values_ = 0;
  int depth_ = 0;
};

}  // namespace

Json yaml_template_to_json(std::string_view text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}: not valid YAML (line {}, column {}: {})", origin, e.mark.line + 1,
                                 e.mark.column + 1, e.msg));
  }
  try {
    return Converter(origin).convert(root);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}: unreadable YAML (line {}: {})", origin, e.mark.line + 1, e.msg));
  }
}

}  // namespace opsynth::diff
