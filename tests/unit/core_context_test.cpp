#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "opsynth/core/context.hpp"

namespace opsynth {
namespace {
namespace fs = std::filesystem;

class ContextFiles : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("opsynth-ctx-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; }
};

TEST_F(ContextFiles, LaterSourcesWin) {
  write("cdk.json", R"({"app":"x","context":{"a":"cdk.json","b":"cdk.json","c":"cdk.json","d":"cdk.json","e":"cdk.json"}})");
  write("cdk.context.json", R"({"b":"cdk.context.json","c":"cdk.context.json","d":"cdk.context.json","e":"cdk.context.json"})");
  write("env.yaml", "d: config\ne: config\n");
  ContextSources s;
  s.project_dir = dir;
  s.cdk_context_json = R"({"c":"CDK_CONTEXT_JSON","d":"CDK_CONTEXT_JSON","e":"CDK_CONTEXT_JSON"})";
  s.config_files = {dir / "env.yaml"};
  s.cli_pairs = {"e=cli"};
  auto r = load_context(s);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.context["a"], "cdk.json");
  EXPECT_EQ(r.context["b"], "cdk.context.json");
  EXPECT_EQ(r.context["c"], "CDK_CONTEXT_JSON");
  EXPECT_EQ(r.context["d"], "config");
  EXPECT_EQ(r.context["e"], "cli");
}

// aws-cdk-lib's App reads CDK_CONTEXT_JSON only when it is non-empty; CI systems often export
// variables empty.
TEST_F(ContextFiles, AnEmptyCdkContextJsonIsNoContext) {
  write("cdk.json", R"({"context":{"a":"cdk.json"}})");
  ContextSources s;
  s.project_dir = dir;
  s.cdk_context_json = "";
  auto r = load_context(s);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.context, Json({{"a", "cdk.json"}}));
}

TEST_F(ContextFiles, ProjectFilesThatAreDirectoriesSaySo) {
  fs::create_directories(dir / "cdk.json");
  fs::create_directories(dir / "cdk.context.json");
  ContextSources s;
  s.project_dir = dir;
  auto r = load_context(s);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], (dir / "cdk.json").string() + ": is a directory; expected a JSON file (or none)");
  EXPECT_EQ(r.errors[1], (dir / "cdk.context.json").string() + ": is a directory; expected a JSON file (or none)");
}

// The cdk CLI writes the assembly where cdk.json's "output" says (relative to cdk.json).
TEST_F(ContextFiles, CdkJsonOutputNamesTheAssemblyDirectory) {
  write("cdk.json", R"({"app":"opsynth synth","output":"build/assembly","context":{"a":1}})");
  ContextSources s;
  s.project_dir = dir;
  auto r = load_context(s);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.output_dir, (dir / "build/assembly").string());

  write("cdk.json", R"({"output":["x"]})");
  auto bad = load_context(s);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0], (dir / "cdk.json").string() +
                               ": \"output\" must be a string (the cloud assembly directory), found array");
  EXPECT_FALSE(bad.output_dir);
}

// A --config file holds the context keys, or a "context" map of them as cdk.json does: the same in
// JSON as in YAML, and never both (the keys under "context" were silently ignored beside others).
TEST_F(ContextFiles, AConfigFileMayNestItsKeysUnderContextInJsonAsInYaml) {
  write("nested.json", R"({"context":{"envName":"ci"}})");
  write("nested.yaml", "context:\n  deploymentName: feature\n");
  ContextSources s;
  s.project_dir = dir;
  s.config_files = {dir / "nested.json", dir / "nested.yaml"};
  auto r = load_context(s);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.context["envName"], "ci");
  EXPECT_EQ(r.context["deploymentName"], "feature");
  EXPECT_FALSE(r.context.contains("context"));

  write("mixed.yaml", "context:\n  envName: ci\nregion: eu-west-1\n");
  write("mixed.json", R"({"context":{"envName":"ci"},"region":"eu-west-1"})");
  s.config_files = {dir / "mixed.yaml", dir / "mixed.json"};
  r = load_context(s);
  ASSERT_EQ(r.errors.size(), 2u);
  for (const char* f : {"mixed.yaml", "mixed.json"})
    EXPECT_NE(r.errors[f == std::string("mixed.yaml") ? 0 : 1].find(
                  std::string(f) + ": holds a \"context\" map beside other keys; put every context key under "
                                   "\"context\", or none"),
              std::string::npos)
        << r.errors[0] << "\n" << r.errors[1];
}

TEST_F(ContextFiles, EnvironmentVariablesOverrideFilesButNotTheCommandLine) {
  write("cdk.json", R"({"context":{"envName":"prod","alertEmail":"a@b.c"}})");
  ContextSources s;
  s.project_dir = dir;
  s.environment = {{"ENVIRONMENT_NAME", "ci"}, {"ALERT_EMAIL", "ops@example.com"}, {"UNRELATED", "x"}};
  s.cli_pairs = {"envName=ci-2"};
  auto r = load_context(s);
  EXPECT_EQ(r.context["envName"], "ci-2");
  EXPECT_EQ(r.context["alertEmail"], "ops@example.com");
  EXPECT_FALSE(r.context.contains("UNRELATED"));
}

// Past the few keys that are scanned, the context's keys are indexed: a key given again on the
// command line still replaces its value in place, and the others keep the order they came in.
TEST_F(ContextFiles, ALaterPairOfAKeyWinsAndTheOrderIsKept) {
  ContextSources s;
  s.project_dir = dir;
  for (int i = 0; i < 20; ++i) s.cli_pairs.push_back("k" + std::to_string(i) + "=" + std::to_string(i));
  s.cli_pairs.push_back("k3=again");
  auto r = load_context(s);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.context.size(), 20u);
  EXPECT_EQ(r.context["k3"], "again");
  int i = 0;
  for (const auto& [k, v] : r.context.items()) EXPECT_EQ(k, "k" + std::to_string(i++));
}

TEST_F(ContextFiles, EveryMalformedSourceIsReportedAtOnce) {
  write("cdk.json", R"({"context": [1,2]})");
  write("cdk.context.json", "{not json");
  write("bad.yaml", "a: [unclosed\n");
  ContextSources s;
  s.project_dir = dir;
  s.config_files = {dir / "bad.yaml", dir / "missing.yaml"};
  s.cli_pairs = {"novalue", "=x"};
  auto r = load_context(s);
  ASSERT_EQ(r.errors.size(), 6u);
  EXPECT_NE(r.errors[0].find("cdk.json: \"context\" must be a JSON object, found array"), std::string::npos) << r.errors[0];
  EXPECT_NE(r.errors[1].find("cdk.context.json: not valid JSON"), std::string::npos) << r.errors[1];
  EXPECT_NE(r.errors[2].find("bad.yaml: not valid YAML (line"), std::string::npos) << r.errors[2];
  EXPECT_NE(r.errors[3].find("missing.yaml: cannot read the file"), std::string::npos) << r.errors[3];
  EXPECT_NE(r.errors[4].find("-c novalue: context values are given as key=value"), std::string::npos) << r.errors[4];
  EXPECT_NE(r.errors[5].find("-c =x"), std::string::npos) << r.errors[5];
}

TEST(ContextJson, ANumberTooLargeForADoubleIsAnError) {
  // Found by the context_json fuzzer: nlohmann reports it as out_of_range, not parse_error.
  ContextResult r;
  merge_json_context_text(R"({"context": {"canaryIntervalMinutes": 1e999}})", "cdk.json", true, r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("cdk.json: not valid JSON"), std::string::npos) << r.errors[0];
  EXPECT_NE(r.errors[0].find("expected a JSON object"), std::string::npos) << r.errors[0];
}

TEST(ContextYaml, ScalarsKeepTheirTypes) {
  ContextResult r;
  merge_yaml_context_text("n: 5\nb: true\ns: '5'\nt: text\nl: [a, 2]\n", "cfg.yaml", r);
  ASSERT_TRUE(r.errors.empty());
  EXPECT_EQ(r.context["n"], 5);
  EXPECT_EQ(r.context["b"], true);
  EXPECT_EQ(r.context["s"], "5");
  EXPECT_EQ(r.context["t"], "text");
  EXPECT_EQ(r.context["l"], Json::parse(R"(["a",2])"));
}

// JSON has no numbers with leading zeros (and YAML 1.1 read them as octal): such a scalar stays the
// text it is. An account id 012345678901 read as a number lost its zero; 0123456789012 became a
// different, valid-looking account.
TEST(ContextYaml, DigitsWithALeadingZeroStayText) {
  ContextResult r;
  merge_yaml_context_text("a: 012345678901\nb: 0123456789012\nz: 0\nn: -05\nm: -5\n", "cfg.yaml", r);
  ASSERT_TRUE(r.errors.empty());
  EXPECT_EQ(r.context["a"], "012345678901");
  EXPECT_EQ(r.context["b"], "0123456789012");
  EXPECT_EQ(r.context["z"], 0);
  EXPECT_EQ(r.context["n"], "-05");
  EXPECT_EQ(r.context["m"], -5);
}

// What yaml-cpp would drop without a word: a second document, and merge keys (it keeps "<<" as
// an ordinary key).
TEST(ContextYaml, ASecondDocumentAndMergeKeysAreErrors) {
  ContextResult r;
  merge_yaml_context_text("envName: ci\n---\nenvName: qa\n", "two.yaml", r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "two.yaml: holds more than one YAML document; a config is one map of context keys (remove "
                         "the '---' lines that start the others)");
  ContextResult m;
  merge_yaml_context_text("base: &b\n  envName: ci\n<<: *b\n", "merge.yaml", m);
  ASSERT_EQ(m.errors.size(), 1u);
  EXPECT_EQ(m.errors[0], "merge.yaml: merge keys (<<) are not supported; write the keys out");
}

// yaml-cpp keeps a tag it does not know (CloudFormation's !Ref, say) and hands over the value
// beneath it: a config would silently mean something else. !!str quotes, as in YAML.
TEST(ContextYaml, TagsOtherThanStrAreErrors) {
  ContextResult r;
  merge_yaml_context_text("envName: !Ref x\nports: !!seq [1]\ns: !!str 012\n", "tags.yaml", r);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], "tags.yaml: the YAML tag !Ref (on \"x\") is not supported; a config holds plain strings, "
                         "numbers, booleans, lists and maps (quote a value that should be text)");
  EXPECT_EQ(r.errors[1].rfind("tags.yaml: the YAML tag tag:yaml.org,2002:seq (on a list) is not supported", 0), 0u)
      << r.errors[1];
  EXPECT_EQ(r.context["s"], "012");
}

// Found by the context_yaml fuzzer: yaml-cpp's LoadAll never returns on this input (it keeps
// adding empty documents). yaml-cpp reads a first document and then more: one error.
TEST(ContextYaml, MalformedInputAfterAKeyEnds) {
  ContextResult r;
  merge_yaml_context_text(",context:\n  enva '[ a\n", "bad.yaml", r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].rfind("bad.yaml: ", 0), 0u) << r.errors[0];
}

TEST(ContextYaml, AMapIsRequired) {
  ContextResult r;
  merge_yaml_context_text("- a\n- b\n", "cfg.yaml", r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "cfg.yaml: expected a map of context keys (key: value lines)");
}

}  // namespace
}  // namespace opsynth
