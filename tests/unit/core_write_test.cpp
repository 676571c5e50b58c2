// The cloud assembly is written atomically and deterministically.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"

namespace opsynth {
namespace {
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// What `write` threw, or "" when it did not.
template <typename F>
std::string error_of(F write) {
  try {
    write();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

CloudAssembly small_assembly(const std::string& topic_name) {
  App app;
  auto& s = app.add<Stack>("S", StackProps{.env = {"111111111111", "eu-west-2"}});
  s.add<CfnResource>("Topic", "AWS::SNS::Topic", ValueMap{{"TopicName", topic_name}});
  auto r = synthesize(app);
  EXPECT_TRUE(r.ok());
  return r.assembly;
}

class Output : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() /
                 ("opsynth-out-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  void SetUp() override { fs::remove_all(dir); }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(Output, WritesTheCdkFileLayout) {
  write_assembly(small_assembly("t"), dir / "cdk.out", TemplateFormat::JsonAndYaml);
  EXPECT_TRUE(fs::exists(dir / "cdk.out" / "manifest.json"));
  EXPECT_TRUE(fs::exists(dir / "cdk.out" / "tree.json"));
  EXPECT_TRUE(fs::exists(dir / "cdk.out" / "S.template.yaml"));
  // aws-cdk-lib writes templates with JSON.stringify(template, undefined, 1).
  EXPECT_EQ(slurp(dir / "cdk.out" / "S.template.json"),
            "{\n \"Resources\": {\n  \"Topic\": {\n   \"Type\": \"AWS::SNS::Topic\",\n   \"Properties\": {\n    "
            "\"TopicName\": \"t\"\n   }\n  }\n }\n}");
}

TEST_F(Output, RewritingReplacesThePreviousAssemblyWhole) {
  write_assembly(small_assembly("old"), dir / "cdk.out");
  std::ofstream(dir / "cdk.out" / "stale.template.json") << "{}";
  write_assembly(small_assembly("new"), dir / "cdk.out");
  EXPECT_FALSE(fs::exists(dir / "cdk.out" / "stale.template.json"));
  EXPECT_NE(slurp(dir / "cdk.out" / "S.template.json").find("\"new\""), std::string::npos);
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename(), "cdk.out") << "left behind: " << e.path();
}

TEST_F(Output, AnUnwritableDirectoryFailsAndLeavesThePreviousOutput) {
  write_assembly(small_assembly("old"), dir / "cdk.out");
  std::string before = slurp(dir / "cdk.out" / "S.template.json");
  // A regular file where the output's parent directory should be cannot hold a directory.
  std::ofstream(dir / "blocker") << "x";
  EXPECT_THROW(write_assembly(small_assembly("new"), dir / "blocker" / "cdk.out"), std::runtime_error);
  EXPECT_EQ(slurp(dir / "cdk.out" / "S.template.json"), before);
}

TEST_F(Output, RefusesToReplaceWhatIsNotACloudAssembly) {
  // Swapping the new assembly in would delete these files (`-o ~/project` by mistake).
  fs::create_directories(dir / "mine");
  std::ofstream(dir / "mine" / "notes.txt") << "keep";
  std::ofstream(dir / "file") << "keep";
  EXPECT_THROW(write_assembly(small_assembly("t"), dir / "mine"), std::runtime_error);
  EXPECT_THROW(write_assembly(small_assembly("t"), dir / "file"), std::runtime_error);
  EXPECT_EQ(slurp(dir / "mine" / "notes.txt"), "keep");
  EXPECT_EQ(slurp(dir / "file"), "keep");
  // The cdk CLI's lock files alone do not make a directory someone else's.
  fs::create_directories(dir / "locked");
  std::ofstream(dir / "locked" / "synth.lock") << "";
  write_assembly(small_assembly("t"), dir / "locked");
  EXPECT_TRUE(fs::exists(dir / "locked" / "manifest.json"));
}

// A directory is a previous cloud assembly only when everything in it is what an assembly holds:
// a file named cdk.out or manifest.json beside files of yours does not make it one.
TEST_F(Output, RefusesADirectoryThatHoldsMoreThanACloudAssembly) {
  fs::create_directories(dir / "fake");
  std::ofstream(dir / "fake" / "cdk.out") << "garbage";
  std::ofstream(dir / "fake" / "data.txt") << "keep";
  EXPECT_THROW(write_assembly(small_assembly("t"), dir / "fake"), std::runtime_error);
  EXPECT_EQ(slurp(dir / "fake" / "data.txt"), "keep");

  write_assembly(small_assembly("old"), dir / "mixed");
  std::ofstream(dir / "mixed" / "notes.txt") << "keep";
  fs::create_directories(dir / "mixed" / "sub");
  try {
    write_assembly(small_assembly("new"), dir / "mixed");
    ADD_FAILURE() << "replaced a directory holding notes.txt";
  } catch (const std::runtime_error& e) {
    // The first entry that is not assembly content, by name: the same message every time.
    EXPECT_NE(std::string(e.what()).find("holds notes.txt, which is not part of a cloud assembly"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(slurp(dir / "mixed" / "notes.txt"), "keep");
  EXPECT_NE(slurp(dir / "mixed" / "S.template.json").find("\"old\""), std::string::npos);

  // What aws-cdk-lib puts in an assembly (assets, their manifests, nested assemblies) is replaced.
  write_assembly(small_assembly("old"), dir / "cdk.out");
  fs::create_directories(dir / "cdk.out" / "asset.0123abcd");
  std::ofstream(dir / "cdk.out" / "asset.0123abcd" / "index.js") << "";
  std::ofstream(dir / "cdk.out" / "S.assets.json") << "{}";
  fs::create_directories(dir / "cdk.out" / "assembly-Stage");
  write_assembly(small_assembly("new"), dir / "cdk.out");
  EXPECT_FALSE(fs::exists(dir / "cdk.out" / "asset.0123abcd"));
  EXPECT_NE(slurp(dir / "cdk.out" / "S.template.json").find("\"new\""), std::string::npos);
}

// "out/." and "out/" name the directory out; a symlink to an assembly keeps being one, and the
// assembly it points to is replaced.
TEST_F(Output, AnOutputPathIsTheDirectoryItNames) {
  write_assembly(small_assembly("old"), dir / "out");
  write_assembly(small_assembly("dot"), dir / "out" / ".");
  EXPECT_NE(slurp(dir / "out" / "S.template.json").find("\"dot\""), std::string::npos);
  write_assembly(small_assembly("slash"), (dir / "out").string() + "/");
  EXPECT_NE(slurp(dir / "out" / "S.template.json").find("\"slash\""), std::string::npos);

  fs::create_directory_symlink("out", dir / "link");
  write_assembly(small_assembly("linked"), dir / "link");
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
  EXPECT_NE(slurp(dir / "out" / "S.template.json").find("\"linked\""), std::string::npos);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_TRUE(e.path().filename() == "out" || e.path().filename() == "link") << "left behind: " << e.path();
}

// Replacing the directory that holds the working directory would leave the shell in a deleted
// one ("-o ." could not be swapped at all: EBUSY); a link to nothing names no directory.
TEST_F(Output, TheWorkingDirectoryAndDanglingLinksAreRefusedSayingWhy) {
  fs::create_directories(dir / "work" / "sub");
  const fs::path before = fs::current_path();
  fs::current_path(dir / "work" / "sub");
  const std::string here = error_of([] { write_assembly(small_assembly("x"), "."); });
  const std::string above = error_of([&] { write_assembly(small_assembly("x"), dir / "work"); });
  fs::current_path(before);
  EXPECT_NE(here.find(".: holds the working directory"), std::string::npos) << here;
  EXPECT_NE(above.find("work: holds the working directory"), std::string::npos) << above;
  EXPECT_TRUE(fs::exists(dir / "work" / "sub"));

  fs::create_directory_symlink("nowhere", dir / "dangling");
  const std::string dangling = error_of([&] { write_assembly(small_assembly("x"), dir / "dangling"); });
  EXPECT_NE(dangling.find("dangling: is a symbolic link to nowhere, which does not exist"), std::string::npos) << dangling;
  EXPECT_TRUE(fs::is_symlink(dir / "dangling"));
}

// The directory is replaced by a new one: it keeps the permissions the user gave it.
TEST_F(Output, AReplacedDirectoryKeepsItsPermissions) {
  write_assembly(small_assembly("old"), dir / "out");
  fs::permissions(dir / "out", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  write_assembly(small_assembly("new"), dir / "out");
  EXPECT_EQ(fs::status(dir / "out").permissions(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  EXPECT_NE(slurp(dir / "out" / "S.template.json").find("\"new\""), std::string::npos);
}

// YAML may not hold a raw DEL (0x7F) even in a double-quoted scalar, and yaml-cpp writes it raw.
TEST_F(Output, YamlTemplatesEscapeDel) {
  write_assembly(small_assembly("a\x7f" "b"), dir / "out", TemplateFormat::JsonAndYaml);
  const std::string yaml = slurp(dir / "out" / "S.template.yaml");
  EXPECT_EQ(yaml.find('\x7f'), std::string::npos) << yaml;
  EXPECT_EQ(YAML::Load(yaml)["Resources"]["Topic"]["Properties"]["TopicName"].as<std::string>(), "a\x7f" "b");
}

TEST_F(Output, SameInputGivesByteIdenticalOutput) {
  write_assembly(small_assembly("t"), dir / "a");
  write_assembly(small_assembly("t"), dir / "b");
  for (const char* f : {"manifest.json", "tree.json", "S.template.json"})
    EXPECT_EQ(slurp(dir / "a" / f), slurp(dir / "b" / f)) << f;
}

}  // namespace
}  // namespace opsynth
