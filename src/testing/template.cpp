#include "opsynth/testing/template.hpp"

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"

namespace opsynth::assertions {

namespace {
const Json& resources_of(const Json& t) {
  static const Json kEmpty = Json::object();
  return t.contains("Resources") ? t.at("Resources") : kEmpty;
}

// Why no resource of `type` matched: each candidate with its first mismatch.
[[noreturn]] void fail_no_match(const Json& t, const std::string& type, const Json& expected,
                                const std::string& what) {
  std::string msg = "no " + type + " resource matches " + what + " " + expected.dump();
  std::size_t candidates = 0;
  for (const auto& [id, r] : resources_of(t).items()) {
    if (r.value("Type", "") != type) continue;
    ++candidates;
    Json actual = what == "properties" ? r.value("Properties", Json::object()) : r;
    msg += "\n  " + id + ": " + match_failure(expected, actual);
  }
  if (candidates == 0) msg += "\n  (the template has no resource of this type)";
  throw AssertionError(msg);
}
}  // namespace

Template::Template(Json template_json) : json_(std::move(template_json)) {}

Template Template::from_stack(Stack& stack) {
  SynthResult result = synthesize(stack.app());
  if (!result.ok()) {
    std::string msg = "synthesis failed:";
    for (const auto& e : result.errors()) msg += "\n  " + e;
    throw AssertionError(msg);
  }
  for (const auto& s : result.assembly.stacks)
    if (s.stack == &stack) return Template(s.template_json());
  throw AssertionError("stack " + stack.path() + " is not in the synthesized assembly");
}

Template Template::from_result(const SynthResult& result, const std::string& artifact_id) {
  const StackArtifact* a = result.assembly.find(artifact_id);
  if (!a) throw AssertionError("no stack artifact named " + artifact_id);
  return Template(a->template_json());
}

void Template::resource_count_is(const std::string& type, std::size_t count) const {
  std::size_t n = 0;
  for (const auto& [id, r] : resources_of(json_).items())
    if (r.value("Type", "") == type) ++n;
  if (n != count)
    throw AssertionError("expected " + std::to_string(count) + " resources of type " + type + ", found " +
                         std::to_string(n));
}

void Template::has_resource_properties(const std::string& type, const Json& props) const {
  for (const auto& [id, r] : resources_of(json_).items())
    if (r.value("Type", "") == type && match_failure(props, r.value("Properties", Json::object())).empty()) return;
  fail_no_match(json_, type, props, "properties");
}

void Template::has_resource(const std::string& type, const Json& resource) const {
  if (!find_resources(type, resource).empty()) return;
  fail_no_match(json_, type, resource, "definition");
}

std::map<std::string, Json> Template::find_resources(const std::string& type, const Json& resource) const {
  std::map<std::string, Json> out;
  for (const auto& [id, r] : resources_of(json_).items())
    if (r.value("Type", "") == type && match_failure(resource, r).empty()) out.emplace(id, r);
  return out;
}

const Json& Template::resource(const std::string& logical_id) const {
  const Json& rs = resources_of(json_);
  if (!rs.contains(logical_id)) throw AssertionError("the template has no resource " + logical_id);
  return rs.at(logical_id);
}

void Template::has_output(const std::string& logical_id, const Json& output) const {
  if (!json_.contains("Outputs") || !json_.at("Outputs").contains(logical_id))
    throw AssertionError("the template has no output " + logical_id);
  if (auto f = match_failure(output, json_.at("Outputs").at(logical_id)); !f.empty())
    throw AssertionError("output " + logical_id + " does not match: " + f);
}

void Template::template_matches(const Json& expected) const {
  if (auto f = match_failure(expected, json_); !f.empty()) throw AssertionError("template does not match: " + f);
}

}  // namespace opsynth::assertions
