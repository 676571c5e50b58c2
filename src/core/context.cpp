#include "opsynth/core/context.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "opsynth/core/json_object_index.hpp"
#include "opsynth/core/json_parse.hpp"

namespace opsynth {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// cdk.json and cdk.context.json may be missing; when present each is a file to read.
std::optional<std::string> read_project_file(const std::filesystem::path& p, ContextResult& into) {
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) return std::nullopt;
  if (std::filesystem::is_directory(p, ec)) {
    into.errors.push_back(fmt::format("{}: is a directory; expected a JSON file (or none)", p.string()));
    return std::nullopt;
  }
  auto text = read_file(p);
  if (!text) into.errors.push_back(fmt::format("{}: cannot read the file", p.string()));
  return text;
}

void merge_object(Json source, ContextResult& into) {
  ObjectIndex keys(into.context);
  for (auto& [k, v] : source.items()) keys[k] = std::move(v);
}

// Aliases can make a YAML graph cyclic (`a: &a [*a]`) or expand a few bytes into millions
// of values ("billion laughs"); context values are small and shallow, so both are refused.
constexpr int kMaxYamlDepth = 64;
constexpr std::size_t kMaxYamlValues = 100'000;

struct YamlLimits {
  int depth = 0;
  std::size_t values = 0;
};

// An integer as JSON writes one: -?(0|[1-9][0-9]*). Digits with a leading zero are not one (YAML 1.1
// read them as octal, 1.2 as decimal): they stay text, as an account id such as 012345678901 must.
bool is_json_integer(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  if (s.empty() || (s.front() == '0' && s.size() > 1)) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `source` goes on after its first document. The parser is asked for two documents at
// most: yaml-cpp's LoadAll never returns on some malformed input (found by the context_yaml fuzzer).
bool holds_a_second_document(const std::string& source) {
  struct Ignore : YAML::EventHandler {
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
  } ignore;
  std::istringstream in(source);
  YAML::Parser parser(in);
  return parser.HandleNextDocument(ignore) && parser.HandleNextDocument(ignore);
}

// YAML scalars stay strings unless they are plainly numbers or booleans, as a CDK user
// writing `canaryIntervalMinutes: 5` expects. Returns nullopt past the limits (error added).
std::optional<Json> yaml_to_json(const YAML::Node& n, const std::string& origin, ContextResult& into,
                                 YamlLimits& limits) {
  if (limits.depth > kMaxYamlDepth || ++limits.values > kMaxYamlValues) {
    into.errors.push_back(fmt::format("{}: nested deeper than {} levels or more than {} values (a recursive or "
                                      "repeated alias?); context values are small",
                                      origin, kMaxYamlDepth, kMaxYamlValues));
    return std::nullopt;
  }
  struct Nested {
    int& depth;
    explicit Nested(int& d) : depth(++d) {}
    ~Nested() { --depth; }
  } nested(limits.depth);
  // "?" is a plain value's tag, "!" a quoted one's; yaml-cpp keeps any other tag and hands over
  // the value beneath it (envName: !Ref x would be "x").
  constexpr std::string_view kStr = "tag:yaml.org,2002:str";
  const std::string& tag = n.Tag();
  if (!tag.empty() && tag != "?" && tag != "!" && tag != kStr) {
    const std::string what = n.IsScalar() ? fmt::format("\"{}\"", n.Scalar()) : n.IsMap() ? "a map" : "a list";
    into.errors.push_back(fmt::format("{}: the YAML tag {} (on {}) is not supported; a config holds plain strings, "
                                      "numbers, booleans, lists and maps (quote a value that should be text)",
                                      origin, tag, what));
    return Json(nullptr);  // the other values are still checked
  }
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return Json(nullptr);
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (tag == "!" || tag == kStr) return s;  // quoted in the source, or !!str
      if (s == "true" || s == "false") return s == "true";
      if (is_json_integer(s) && s.size() < 16) return std::stoll(s);
      return s;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& x : n) {
        auto item = yaml_to_json(x, origin, into, limits);
        if (!item) return std::nullopt;
        out.push_back(std::move(*item));
      }
      return out;
    }
    case YAML::NodeType::Map: {
      Json out = Json::object();
      ObjectIndex keys(out);
      for (const auto& kv : n) {
        if (!kv.first.IsScalar()) {
          into.errors.push_back(fmt::format("{}: keys must be plain strings", origin));
          continue;
        }
        // yaml-cpp keeps a merge key as an ordinary key "<<": its keys would silently be missing.
        if (kv.first.Scalar() == "<<" && kv.first.Tag() != "!") {
          into.errors.push_back(fmt::format("{}: merge keys (<<) are not supported; write the keys out", origin));
          continue;
        }
        // YAML requires unique keys; yaml-cpp would silently keep the last of two.
        if (keys.contains(kv.first.Scalar())) {
          into.errors.push_back(fmt::format("{}: key \"{}\" is given twice; give each key once", origin, kv.first.Scalar()));
          continue;
        }
        auto value = yaml_to_json(kv.second, origin, into, limits);
        if (!value) return std::nullopt;
        keys[kv.first.Scalar()] = std::move(*value);
      }
      return out;
    }
  }
  return Json(nullptr);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& context_environment_variables() {
  static const std::vector<std::pair<std::string, std::string>> vars{
      {"ENVIRONMENT_NAME", "envName"}, {"DEPLOYMENT_NAME", "deploymentName"}, {"ALERT_EMAIL", "alertEmail"}};
  return vars;
}

namespace {

// The JSON object `text` holds, or nullopt (the error added).
std::optional<Json> parse_json_object(std::string_view text, const std::string& origin, ContextResult& into) {
  Json doc;
  try {
    doc = parse_json_text(text);
  } catch (const Json::exception& e) {  // a syntax error is a parse_error, a number too large an out_of_range
    into.errors.push_back(fmt::format("{}: not valid JSON ({}); expected a JSON object", origin, e.what()));
    return std::nullopt;
  }
  if (!doc.is_object()) {
    into.errors.push_back(fmt::format("{}: expected a JSON object, found {}", origin, doc.type_name()));
    return std::nullopt;
  }
  return doc;
}

// A --config file's map (JSON or YAML): the context keys, or a "context" map of them as in
// cdk.json, never both.
void merge_config_map(Json map, const std::string& origin, ContextResult& into) {
  auto nested = map.find("context");
  if (nested != map.end() && nested->is_object()) {
    if (map.size() > 1) {
      into.errors.push_back(fmt::format("{}: holds a \"context\" map beside other keys; put every context key under "
                                        "\"context\", or none",
                                        origin));
      return;
    }
    map = std::move(*nested);
  }
  merge_object(std::move(map), into);
}

}  // namespace

void merge_json_context_text(std::string_view text, const std::string& origin, bool nested_under_context_key,
                             ContextResult& into) {
  auto parsed = parse_json_object(text, origin, into);
  if (!parsed) return;
  Json& doc = *parsed;
  if (!nested_under_context_key) {
    merge_object(std::move(doc), into);
    return;
  }
  if (auto output = doc.find("output"); output != doc.end()) {
    if (output->is_string() && !output->get_ref<const std::string&>().empty())
      into.output_dir = output->get<std::string>();
    else if (!output->is_string())
      into.errors.push_back(fmt::format("{}: \"output\" must be a string (the cloud assembly directory), found {}",
                                        origin, output->type_name()));
  }
  auto it = doc.find("context");
  if (it == doc.end()) return;
  if (!it->is_object()) {
    into.errors.push_back(fmt::format("{}: \"context\" must be a JSON object, found {}", origin, it->type_name()));
    return;
  }
  merge_object(std::move(*it), into);
}

void merge_yaml_context_text(std::string_view text, const std::string& origin, ContextResult& into) {
  YAML::Node root;
  bool more_documents = false;
  try {
    const std::string source(text);
    root = YAML::Load(source);
    more_documents = holds_a_second_document(source);
  } catch (const YAML::Exception& e) {
    into.errors.push_back(fmt::format("{}: not valid YAML (line {}, column {}: {}); expected a map of context keys",
                                      origin, e.mark.line + 1, e.mark.column + 1, e.msg));
    return;
  }
  if (more_documents) {
    into.errors.push_back(fmt::format("{}: holds more than one YAML document; a config is one map of context keys "
                                      "(remove the '---' lines that start the others)",
                                      origin));
    return;
  }
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    into.errors.push_back(fmt::format("{}: expected a map of context keys (key: value lines)", origin));
    return;
  }
  YamlLimits limits;
  auto converted = yaml_to_json(root, origin, into, limits);
  if (!converted) return;
  merge_config_map(std::move(*converted), origin, into);
}

namespace {

// The key and value of `-c key=value`, or nullopt (the error added).
std::optional<std::pair<std::string, std::string>> split_cli_pair(std::string_view pair, ContextResult& into) {
  auto eq = pair.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    into.errors.push_back(
        fmt::format("-c {}: context values are given as key=value (e.g. -c envName=prod)", std::string(pair)));
    return std::nullopt;
  }
  return std::make_pair(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
}

}  // namespace

void merge_cli_pairs(const std::vector<std::string>& pairs, ContextResult& into) {
  // Gathered first and merged once: each merge indexes the context's keys anew.
  Json gathered = Json::object();
  ObjectIndex keys(gathered);
  for (const auto& p : pairs)
    if (auto kv = split_cli_pair(p, into)) keys[kv->first] = std::move(kv->second);
  merge_object(std::move(gathered), into);
}

ContextResult load_context(const ContextSources& sources) {
  ContextResult result;
  const auto cdk_json = sources.project_dir / "cdk.json";
  if (auto text = read_project_file(cdk_json, result)) merge_json_context_text(*text, cdk_json.string(), true, result);
  if (result.output_dir) result.output_dir = (sources.project_dir / *result.output_dir).lexically_normal().string();
  const auto cdk_context_json = sources.project_dir / "cdk.context.json";
  if (auto text = read_project_file(cdk_context_json, result)) merge_json_context_text(*text, cdk_context_json.string(), false, result);
  // Empty is unset, as aws-cdk-lib's App reads it (CI systems export variables empty).
  if (sources.cdk_context_json && !sources.cdk_context_json->empty())
    merge_json_context_text(*sources.cdk_context_json, "CDK_CONTEXT_JSON", false, result);
  for (const auto& [var, value] : sources.environment) {
    for (const auto& [known, key] : context_environment_variables())
      if (var == known && !value.empty()) result.context[key] = value;
  }
  for (const auto& file : sources.config_files) {
    auto text = read_file(file);
    if (!text) {
      result.errors.push_back(fmt::format("--config {}: cannot read the file", file.string()));
      continue;
    }
    auto ext = file.extension().string();
    if (ext == ".json") {
      if (auto map = parse_json_object(*text, file.string(), result))
        merge_config_map(std::move(*map), file.string(), result);
    } else {
      merge_yaml_context_text(*text, file.string(), result);
    }
  }
  merge_cli_pairs(sources.cli_pairs, result);
  return result;
}

}  // namespace opsynth
