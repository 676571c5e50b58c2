// The "before" side of `opsynth diff`: templates (JSON, YAML) and cloud assembly manifests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "opsynth/diff/previous_templates.hpp"

namespace opsynth::diff {
namespace {
namespace fs = std::filesystem;

// The message of the InputError that `f` throws.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(DiffTemplateText, ReadsJson) {
  auto t = parse_template_text(R"({"Resources":{"T":{"Type":"AWS::SNS::Topic"}}})", "t.json");
  EXPECT_EQ(t["Resources"]["T"]["Type"], "AWS::SNS::Topic");
}

TEST(DiffTemplateText, MalformedTemplatesSayWhatIsExpected) {
  EXPECT_EQ(error_of([] { parse_template_text("{\"Resources\":", "t.json", TextFormat::Json); }).rfind(
                "t.json: not valid JSON (", 0),
            0u);
  // A number too large for a double (nlohmann's out_of_range, found by fuzzing the context parser).
  EXPECT_EQ(error_of([] { parse_template_text(R"({"Resources":{"T":{"Type":"X","Properties":{"N":1e999}}}})", "t.json",
                                              TextFormat::Json); }).rfind("t.json: not valid JSON", 0),
            0u);
  EXPECT_EQ(error_of([] { parse_template_text("[1]", "t.json", TextFormat::Json); }),
            "t.json: a template is an object with a \"Resources\" map, found array");
  EXPECT_EQ(error_of([] { parse_template_text(R"({"Outputs":{}})", "t.json"); }),
            "t.json: no \"Resources\" map; a CloudFormation template has one");
  EXPECT_EQ(error_of([] { parse_template_text(R"({"Resources":{"X":{"Properties":{}}}})", "t.json"); }),
            "t.json: resource \"X\" needs a string \"Type\" (like \"AWS::S3::Bucket\")");
  EXPECT_EQ(error_of([] { parse_template_text(R"({"Resources":{},"Outputs":[]})", "t.json"); }),
            "t.json: \"Outputs\" must be a map, found array");
  EXPECT_EQ(error_of([] { parse_template_text("just words", "t.yaml"); }),
            "t.yaml: a template is an object with a \"Resources\" map, found string");
}

TEST(DiffTemplateText, RefusesDeepNesting) {
  std::string deep = R"({"Resources":{},"Metadata":)" + std::string(200, '[') + std::string(200, ']') + "}";
  EXPECT_EQ(error_of([&] { parse_template_text(deep, "t.json"); }),
            "t.json: nested deeper than 100 levels; a CloudFormation template is not");
}

TEST(DiffTemplateText, YamlShortFormIntrinsicsBecomeTheirJsonForm) {
  auto t = parse_template_text(R"(Resources:
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      TableName: !Sub "${AWS::StackName}-orders"
      ReadCapacity: 5
      Ratio: 0.5
      Enabled: true
      Quoted: "5"
      Nothing: ~
      Tags:
        - Key: Topic
          Value: !Ref Topic
        - Key: Arn
          Value: !GetAtt Topic.TopicArn
        - Key: Joined
          Value: !Join [",", [!Ref Topic, b]]
Outputs:
  Az:
    Value: !Select [0, !GetAZs ""]
)",
                               "t.yaml");
  const auto& p = t["Resources"]["Table"]["Properties"];
  EXPECT_EQ(p["TableName"], Json({{"Fn::Sub", "${AWS::StackName}-orders"}}));
  EXPECT_EQ(p["ReadCapacity"], 5);
  EXPECT_EQ(p["Ratio"], 0.5);
  EXPECT_EQ(p["Enabled"], true);
  EXPECT_EQ(p["Quoted"], "5");
  EXPECT_TRUE(p["Nothing"].is_null());
  EXPECT_EQ(p["Tags"][0]["Value"], Json({{"Ref", "Topic"}}));
  EXPECT_EQ(p["Tags"][1]["Value"], Json({{"Fn::GetAtt", {"Topic", "TopicArn"}}}));
  EXPECT_EQ(p["Tags"][2]["Value"], Json({{"Fn::Join", {",", {{{"Ref", "Topic"}}, "b"}}}}));
  EXPECT_EQ(t["Outputs"]["Az"]["Value"], Json({{"Fn::Select", {0, {{"Fn::GetAZs", ""}}}}}));
}

TEST(DiffTemplateText, YamlErrorsNameTheLine) {
  EXPECT_EQ(error_of([] { parse_template_text("Resources:\n  X: !Bogus y\n", "t.yaml"); }).rfind(
                "t.yaml: line 2: unknown tag !Bogus; CloudFormation's short forms are !Ref, !Condition, and !And, ", 0),
            0u);
  EXPECT_EQ(error_of([] { parse_template_text("Resources:\n  X: !GetAtt NoDot\n", "t.yaml"); }),
            "t.yaml: line 2: !GetAtt NoDot must read LogicalId.Attribute");
  EXPECT_EQ(error_of([] { parse_template_text("Resources: [\n", "t.yaml"); }).rfind("t.yaml: not valid YAML (line ", 0),
            0u);
}

TEST(DiffTemplateText, YamlAliasBombsAreRefused) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'h'; ++c, ++prev)
    bomb += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", c, prev);
  EXPECT_EQ(error_of([&] { parse_template_text(bomb, "t.yaml"); }),
            "t.yaml: expands to more than 100000 values (through aliases?); a template is smaller");
}

TEST(DiffTemplateText, YamlRecursiveAliasesAreRefused) {
  EXPECT_EQ(error_of([] { parse_template_text("Resources: &r\n  X: *r\n", "t.yaml"); }),
            "t.yaml: nested deeper than 200 levels (a recursive alias?); a template is not");
}

// The diff guards stateful resources: a resource it cannot read is an error, not a resource
// without properties (whose create-only changes would pass), and every such one is listed.
TEST(DiffTemplateText, EveryMalformedResourceIsReportedOnePerLine) {
  EXPECT_EQ(error_of([] {
              parse_template_text(R"({"Resources":{"X":{},"Y":{"Type":3},"T":{"Type":"AWS::DynamoDB::Table","Properties":"oops"}}})",
                                  "t.json");
            }),
            "t.json: resource \"X\" needs a string \"Type\" (like \"AWS::S3::Bucket\")\n"
            "t.json: resource \"Y\" needs a string \"Type\" (like \"AWS::S3::Bucket\")\n"
            "t.json: resource \"T\": \"Properties\" must be a map, found string");
}

// `aws cloudformation get-template --query TemplateBody` prints a YAML-deployed stack's body as
// one JSON string: the template is the text it holds.
TEST(DiffTemplateText, ATemplateBodyStringIsTheTemplateItHolds) {
  const Json t = parse_template_text(R"("Resources:\n  T:\n    Type: AWS::SNS::Topic\n")", "deployed.json");
  EXPECT_EQ(t["Resources"]["T"]["Type"], "AWS::SNS::Topic");
  EXPECT_EQ(error_of([] { parse_template_text(R"("\"[1]\"")", "deployed.json"); }),
            "deployed.json: a template is an object with a \"Resources\" map, found string");
}

TEST(DiffManifest, ListsTheStackArtifacts) {
  auto refs = parse_manifest_text(R"({"version":"55.0.0","artifacts":{
      "B":{"type":"aws:cloudformation:stack","properties":{"templateFile":"B.template.json"}},
      "Tree":{"type":"cdk:tree","properties":{"file":"tree.json"}},
      "A":{"type":"aws:cloudformation:stack","properties":{"templateFile":"A.template.json"}}}})",
                                  "manifest.json");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].stack, "B");
  EXPECT_EQ(refs[0].template_file, "B.template.json");
  EXPECT_EQ(refs[1].stack, "A");
}

// aws-cdk-lib names a stack's artifact after its construct, and the deployed stack after
// properties.stackName when that is set: a deployed stack is its stack name.
TEST(DiffManifest, AStackIsItsStackNameWhereTheArtifactHasOne) {
  auto refs = parse_manifest_text(R"({"artifacts":{
      "DataStack":{"type":"aws:cloudformation:stack",
                   "properties":{"templateFile":"DataStack.template.json","stackName":"prod-env-DataStack"}},
      "Other":{"type":"aws:cloudformation:stack","properties":{"templateFile":"Other.template.json","stackName":""}}}})",
                                  "manifest.json");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].stack, "prod-env-DataStack");
  EXPECT_EQ(refs[1].stack, "Other");
}

TEST(DiffManifest, MalformedManifestsSayWhatIsExpected) {
  EXPECT_EQ(error_of([] { parse_manifest_text(R"({"version":"55.0.0"})", "m.json"); }),
            "m.json: no \"artifacts\" map; is this a cloud assembly manifest?");
  EXPECT_EQ(error_of([] { parse_manifest_text(R"({"artifacts":{"Tree":{"type":"cdk:tree"}}})", "m.json"); }),
            "m.json: no stack artifacts (type aws:cloudformation:stack)");
  EXPECT_EQ(error_of([] {
              parse_manifest_text(
                  R"({"artifacts":{"S":{"type":"aws:cloudformation:stack","properties":{"templateFile":"../x.json"}}}})",
                  "m.json");
            }),
            "m.json: stack artifact \"S\" needs properties.templateFile, a file inside the assembly directory");
  EXPECT_EQ(error_of([] { parse_manifest_text("\"text\"", "m.json"); }),
            "m.json: a cloud assembly manifest is a JSON object, found string");
}

class DiffPrevious : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() /
                 ("opsynth-diff-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; }
};

TEST_F(DiffPrevious, ReadsAnAssemblyDirectory) {
  write("manifest.json",
        R"({"artifacts":{"S":{"type":"aws:cloudformation:stack","properties":{"templateFile":"S.template.json"}}}})");
  write("S.template.json", R"({"Resources":{"T":{"Type":"AWS::SNS::Topic"}}})");
  auto p = load_previous(dir);
  EXPECT_TRUE(p.is_assembly);
  ASSERT_EQ(p.templates.size(), 1u);
  EXPECT_EQ(p.templates[0].stack, "S");
  EXPECT_EQ(p.templates[0].template_json["Resources"]["T"]["Type"], "AWS::SNS::Topic");
}

TEST_F(DiffPrevious, ReadsOneYamlTemplateFile) {
  write("deployed.yaml", "Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
  auto p = load_previous(dir / "deployed.yaml");
  EXPECT_FALSE(p.is_assembly);
  ASSERT_EQ(p.templates.size(), 1u);
  EXPECT_EQ(p.templates[0].stack, "");
}

TEST_F(DiffPrevious, MissingInputsSayWhatIsExpected) {
  EXPECT_EQ(error_of([&] { load_previous(dir); }),
            (dir.string() + ": no manifest.json; expected a cloud assembly directory (from opsynth synth or cdk synth) "
                            "or a template file"));
  EXPECT_EQ(error_of([&] { load_previous(dir / "nope"); }).rfind((dir / "nope").string() + ": no such directory or file", 0),
            0u);
  write("manifest.json",
        R"({"artifacts":{"S":{"type":"aws:cloudformation:stack","properties":{"templateFile":"S.template.json"}}}})");
  EXPECT_EQ(error_of([&] { load_previous(dir); }), (dir / "S.template.json").string() + ": cannot read the file");
  write("manifest.json", R"({"artifacts":{
      "S":{"type":"aws:cloudformation:stack","properties":{"templateFile":"S.template.json"}},
      "T":{"type":"aws:cloudformation:stack","properties":{"templateFile":"T.template.json"}}}})");
  EXPECT_EQ(error_of([&] { load_previous(dir); }), (dir / "S.template.json").string() + ": cannot read the file\n" +
                                                        (dir / "T.template.json").string() + ": cannot read the file");
  write("bad.json", "not json");
  EXPECT_EQ(error_of([&] { load_previous(dir / "bad.json"); }).rfind((dir / "bad.json").string() + ": not valid JSON", 0),
            0u);
}

}  // namespace
}  // namespace opsynth::diff
