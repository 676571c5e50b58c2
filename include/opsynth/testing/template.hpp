// Assertions on a synthesized template, modelled on aws-cdk-lib's `assertions` module
// (Template.fromStack(stack).hasResourceProperties(...)). Usable from any test framework:
// a failed assertion throws opsynth::assertions::AssertionError whose message says which
// resources of the type were closest and why they did not match.
//
//   auto t = assertions::Template::from_stack(stack);   // synthesizes the stack's app
//   t.resource_count_is("AWS::S3::Bucket", 1);
//   t.has_resource_properties("AWS::S3::Bucket", {{"VersioningConfiguration", {{"Status", "Enabled"}}}});
//   t.has_resource("AWS::KMS::Key", {{"DeletionPolicy", "Retain"}});
//   auto roles = t.find_resources("AWS::IAM::Role", {{"Properties", {{"RoleName", "x"}}}});
//   t.has_resource_properties("AWS::IAM::Policy", {{"PolicyDocument", {{"Statement",
//       assertions::Match::array_with({{{"Action", "s3:ListAllMyBuckets"}}})}}}});
//
// Matching is aws-cdk-lib's objectLike at the top: expected object keys must be present and
// match, others are ignored; nested objects are objectLike too; arrays must match element by
// element (same length) unless wrapped in Match::array_with. Literals match by equality.
//
// The namespace is `assertions`, not `testing`, so `using namespace opsynth;` in a GoogleTest
// file does not make `testing::` ambiguous.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "opsynth/core/value.hpp"

namespace opsynth {
class Stack;
struct SynthResult;
}  // namespace opsynth

namespace opsynth::assertions {

class AssertionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Special matchers, placed anywhere inside an expected JSON value (encoded as a marker object).
namespace Match {
Json absent();                        // the key must not be present
Json any_value();                     // present, any value but null
Json array_with(Json items);          // the array contains these items in this order (others between allowed)
Json object_like(Json pattern);       // explicit objectLike (the default for nested objects)
Json object_equals(Json pattern);     // exactly these keys
Json exact(Json value);               // deep equality, no objectLike
Json string_like_regexp(std::string regex);  // a string with a match of this ECMAScript regex (anywhere in it)
Json not_(Json pattern);              // anything that does not match
}  // namespace Match

// Why `actual` does not match `expected` ("" when it matches). Paths are JSON-pointer-like.
std::string match_failure(const Json& expected, const Json& actual);

class Template {
 public:
  explicit Template(Json template_json);
  // Synthesizes the stack's app and takes the stack's template; throws AssertionError listing
  // the synthesis errors when the app is invalid.
  static Template from_stack(Stack& stack);
  // The template of the named stack artifact in an existing synthesis result.
  static Template from_result(const SynthResult& result, const std::string& artifact_id);

  const Json& json() const { return json_; }

  void resource_count_is(const std::string& type, std::size_t count) const;
  // A resource of `type` whose Properties match `props` (objectLike).
  void has_resource_properties(const std::string& type, const Json& props) const;
  // A resource of `type` whose whole definition (Properties, DependsOn, DeletionPolicy...) matches.
  void has_resource(const std::string& type, const Json& resource) const;
  // Logical ID -> resource, for resources of `type` matching `resource` (objectLike).
  std::map<std::string, Json> find_resources(const std::string& type, const Json& resource = Json::object()) const;
  // The resource with this logical ID; throws when absent.
  const Json& resource(const std::string& logical_id) const;
  void has_output(const std::string& logical_id, const Json& output) const;
  // The whole template matches (objectLike), e.g. {"Resources": {"BucketPolicyE9A3008A": {...}}}.
  void template_matches(const Json& expected) const;

 private:
  Json json_;
};

}  // namespace opsynth::assertions
