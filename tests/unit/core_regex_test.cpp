// opsynth::Regex keeps std::regex's meaning (ECMAScript syntax, regex_match / regex_search)
// on PCRE2.
#include <gtest/gtest.h>

#include <stdexcept>

#include "opsynth/core/regex.hpp"

namespace opsynth {
namespace {

TEST(Regex, FullMatchNeedsTheWholeString) {
  const Regex account("[0-9]{12}");
  EXPECT_TRUE(account.full_match("123456789012"));
  EXPECT_FALSE(account.full_match("1234567890123"));
  EXPECT_FALSE(account.full_match("x123456789012"));
  EXPECT_TRUE(account.search("x123456789012"));
}

TEST(Regex, FullMatchTriesEveryAlternative) {
  // Like std::regex_match: the first alternative matching a prefix is not enough.
  EXPECT_TRUE(Regex("a|ab").full_match("ab"));
}

TEST(Regex, ReadsEcmaScriptUnicodeEscapes) {
  const Regex printable("^[\\u0020-\\u007E]+$");  // a CloudFormation schema pattern's style
  EXPECT_TRUE(printable.search("plain text"));
  EXPECT_FALSE(printable.search("tab\there"));
  EXPECT_TRUE(Regex("^\\u00e9$").search("\xc3\xa9"));  // é in UTF-8 is one character
}

TEST(Regex, InvalidUtf8InputIsMatchedNotRejected) {
  EXPECT_FALSE(Regex("^[a-z]+$").search("ab\xff"));
  EXPECT_TRUE(Regex("ab").search("ab\xff"));
}

TEST(Regex, GroupsOfAWholeMatch) {
  const Regex rate(R"(rate\(([0-9]+) (minutes?|hours?)\)(x)?)");
  auto groups = rate.full_match_groups("rate(5 minutes)");
  ASSERT_TRUE(groups.has_value());
  EXPECT_EQ(*groups, (std::vector<std::string>{"rate(5 minutes)", "5", "minutes", ""}));
  EXPECT_FALSE(rate.full_match_groups("rate(5 minutes) ").has_value());
}

TEST(Regex, FindAllListsEveryMatch) {
  EXPECT_EQ(Regex("[a-z][a-z0-9]*").find_all("m1 + 2 * errors / m1"),
            (std::vector<std::string>{"m1", "errors", "m1"}));
  EXPECT_TRUE(Regex("z").find_all("abc").empty());
}

TEST(Regex, APatternThatDoesNotCompileSaysWhere) {
  try {
    Regex bad("[a-z");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("\"[a-z\" does not compile at offset 4"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace opsynth
