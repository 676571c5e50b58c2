// Hostile YAML configs (found while fuzzing merge_yaml_context_text, issue 6): aliases that
// make the document cyclic or enormous end in an error naming the file, not a crash or a hang.
#include <gtest/gtest.h>

#include "opsynth/core/context.hpp"

namespace opsynth {
namespace {

TEST(ContextYamlLimits, ARecursiveAliasIsAnError) {
  for (const char* text : {"a: &a [*a]\n", "a: &a\n  b: *a\n"}) {
    ContextResult r;
    merge_yaml_context_text(text, "env.yaml", r);
    ASSERT_EQ(r.errors.size(), 1u) << text;
    EXPECT_EQ(r.errors[0],
              "env.yaml: nested deeper than 64 levels or more than 100000 values (a recursive or repeated alias?); "
              "context values are small");
    EXPECT_TRUE(r.context.empty());
  }
}

TEST(ContextYamlLimits, AnAliasBombIsAnError) {
  // Each level lists the previous one ten times: 10^9 values from a few hundred bytes.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'i'; ++c, ++prev) {
    std::string items;
    for (int i = 0; i < 10; ++i) items += std::string(i ? ", *" : "*") + prev;
    bomb += std::string(1, c) + ": &" + c + " [" + items + "]\n";
  }
  ContextResult r;
  merge_yaml_context_text(bomb, "env.yaml", r);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("more than 100000 values"), std::string::npos);
}

TEST(ContextYamlLimits, OrdinaryAliasesStillWork) {
  ContextResult r;
  merge_yaml_context_text("base: &b [1, 2]\ncopy: *b\n", "env.yaml", r);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.context["copy"], Json::array({1, 2}));
}

}  // namespace
}  // namespace opsynth
