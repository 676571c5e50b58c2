#include "opsynth/diff/previous_templates.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "opsynth/core/json_parse.hpp"
#include "yaml_template.hpp"

namespace opsynth::diff {
namespace {

// CloudFormation templates are shallow; the limit keeps every recursive walk over a
// hostile file (the diff, printing values) far from the end of the stack.
constexpr int kMaxDepth = 100;

void check_depth(const Json& j, const std::string& origin, int depth = 0) {
  if (depth > kMaxDepth)
    throw InputError(fmt::format("{}: nested deeper than {} levels; a CloudFormation template is not", origin,
                                 kMaxDepth));
  if (j.is_structured())
    for (const auto& child : j) check_depth(child, origin, depth + 1);
}

Json parse_json(std::string_view text, const std::string& origin) {
  try {
    return parse_json_text(text);
  } catch (const Json::exception& e) {  // parse_error, or out_of_range for a number too large
    throw InputError(fmt::format("{}: not valid JSON ({})", origin, e.what()));
  }
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) throw InputError(fmt::format("{}: cannot read the file", file.string()));
  return text.str();
}

TextFormat format_of(const std::filesystem::path& file) {
  const auto ext = file.extension().string();
  if (ext == ".json") return TextFormat::Json;
  if (ext == ".yaml" || ext == ".yml") return TextFormat::Yaml;
  return TextFormat::Detect;
}

// The template file must stay inside the assembly directory.
bool is_inside(const std::string& relative) {
  std::filesystem::path p(relative);
  if (relative.empty() || p.is_absolute() || p.has_root_name()) return false;
  for (const auto& part : p)
    if (part == "..") return false;
  return true;
}

}  // namespace

namespace {

// `unwrap`: a template that is one string is read as the text it holds, once.
Json parse_template(std::string_view text, const std::string& origin, TextFormat format, bool unwrap) {
  if (format == TextFormat::Detect) {
    auto first = text.find_first_not_of(" \t\r\n");
    format = first != std::string_view::npos && text[first] == '{' ? TextFormat::Json : TextFormat::Yaml;
  }
  Json t = format == TextFormat::Json ? parse_json(text, origin) : yaml_template_to_json(text, origin);
  // The AWS CLI's get-template --query TemplateBody prints a YAML body as one JSON string: the
  // template is the text it holds.
  if (t.is_string() && unwrap) return parse_template(t.get<std::string>(), origin, TextFormat::Detect, false);
  if (!t.is_object())
    throw InputError(fmt::format("{}: a template is an object with a \"Resources\" map, found {}", origin,
                                 t.type_name()));
  check_depth(t, origin);
  auto resources = t.find("Resources");
  if (resources == t.end() || !resources->is_object())
    throw InputError(fmt::format("{}: no \"Resources\" map; a CloudFormation template has one", origin));
  std::vector<std::string> problems;
  for (const auto& [id, resource] : resources->items()) {
    auto type = resource.is_object() ? resource.find("Type") : resource.end();
    if (!resource.is_object() || type == resource.end() || !type->is_string()) {
      problems.push_back(fmt::format("{}: resource \"{}\" needs a string \"Type\" (like \"AWS::S3::Bucket\")", origin, id));
      continue;
    }
    // Unread properties would hide a create-only change, which the diff exists to catch.
    if (auto props = resource.find("Properties"); props != resource.end() && !props->is_object())
      problems.push_back(fmt::format("{}: resource \"{}\": \"Properties\" must be a map, found {}", origin, id,
                                     props->type_name()));
  }
  for (const char* section : {"Outputs", "Parameters"}) {
    auto it = t.find(section);
    if (it != t.end() && !it->is_object())
      problems.push_back(fmt::format("{}: \"{}\" must be a map, found {}", origin, section, it->type_name()));
  }
  if (!problems.empty()) throw InputError(fmt::format("{}", fmt::join(problems, "\n")));
  return t;
}

}  // namespace

Json parse_template_text(std::string_view text, const std::string& origin, TextFormat format) {
  return parse_template(text, origin, format, true);
}

std::vector<StackTemplateRef> parse_manifest_text(std::string_view text, const std::string& origin) {
  Json m = parse_json(text, origin);
  if (!m.is_object())
    throw InputError(fmt::format("{}: a cloud assembly manifest is a JSON object, found {}", origin, m.type_name()));
  auto artifacts = m.find("artifacts");
  if (artifacts == m.end() || !artifacts->is_object())
    throw InputError(fmt::format("{}: no \"artifacts\" map; is this a cloud assembly manifest?", origin));
  std::vector<StackTemplateRef> out;
  for (const auto& [id, artifact] : artifacts->items()) {
    if (!artifact.is_object() || artifact.value("type", Json()) != "aws:cloudformation:stack") continue;
    const Json* file = nullptr;
    std::string stack = id;
    if (auto props = artifact.find("properties"); props != artifact.end() && props->is_object()) {
      if (auto f = props->find("templateFile"); f != props->end() && f->is_string()) file = &*f;
      if (auto n = props->find("stackName"); n != props->end() && n->is_string() && !n->get_ref<const std::string&>().empty())
        stack = n->get<std::string>();
    }
    if (file == nullptr || !is_inside(file->get<std::string>()))
      throw InputError(fmt::format(
          "{}: stack artifact \"{}\" needs properties.templateFile, a file inside the assembly directory", origin, id));
    out.push_back({std::move(stack), file->get<std::string>()});
  }
  if (out.empty())
    throw InputError(fmt::format("{}: no stack artifacts (type aws:cloudformation:stack)", origin));
  return out;
}

PreviousTemplates load_previous(const std::filesystem::path& dir_or_template) {
  std::error_code ec;
  PreviousTemplates out;
  if (std::filesystem::is_directory(dir_or_template, ec)) {
    const auto manifest = dir_or_template / "manifest.json";
    if (!std::filesystem::exists(manifest, ec))
      throw InputError(fmt::format("{}: no manifest.json; expected a cloud assembly directory (from opsynth synth "
                                   "or cdk synth) or a template file",
                                   dir_or_template.string()));
    out.is_assembly = true;
    std::vector<std::string> problems;  // of every template, not only the first
    for (auto& ref : parse_manifest_text(read_text(manifest), manifest.string())) {
      const auto file = dir_or_template / ref.template_file;
      try {
        out.templates.push_back({ref.stack, file, parse_template_text(read_text(file), file.string(), format_of(file))});
      } catch (const InputError& e) {
        problems.push_back(e.what());
      }
    }
    if (!problems.empty()) throw InputError(fmt::format("{}", fmt::join(problems, "\n")));
    return out;
  }
  if (!std::filesystem::exists(dir_or_template, ec))
    throw InputError(fmt::format("{}: no such directory or file; expected a cloud assembly directory or a template "
                                 "file (run opsynth synth first, or pass --against)",
                                 dir_or_template.string()));
  out.templates.push_back({"", dir_or_template,
                           parse_template_text(read_text(dir_or_template), dir_or_template.string(),
                                               format_of(dir_or_template))});
  return out;
}

}  // namespace opsynth::diff
