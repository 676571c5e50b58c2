// parse_json_text and ObjectIndex give the documents Json::parse and ordered_json's operator[]
// give, on objects small enough to be scanned and large enough to be indexed.
#include <string>

#include <gtest/gtest.h>

#include "opsynth/core/json_object_index.hpp"
#include "opsynth/core/json_parse.hpp"

namespace opsynth {
namespace {

// An object of `keys` keys k0..k{keys-1}, each value its number, with k0 given again at the end.
std::string object_with_repeated_first_key(int keys) {
  std::string text = "{";
  for (int i = 0; i < keys; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  return text + "\"k0\":\"last\"}";
}

TEST(ParseJsonText, GivesTheDocumentJsonParseGives) {
  for (const std::string text : {
           std::string(R"({"b":1,"a":[true,false,null,-3,18446744073709551615,1.5e3,"\u00e9\ud83d\ude00"],"c":{}})"),
           std::string(R"([[],[{}],{"x":[{"y":{"z":[1,2,{"w":null}]}}]}])"),
           std::string(R"("just a string")"),
           std::string(" 42 "),
           object_with_repeated_first_key(3),    // scanned
           object_with_repeated_first_key(100),  // indexed
           std::string(R"({"o":{"a":1,"a":{"deep":[1]},"b":2}})"),
       }) {
    Json expected = Json::parse(text);
    Json parsed = parse_json_text(text);
    EXPECT_EQ(parsed, expected) << text;
    EXPECT_EQ(parsed.dump(), expected.dump()) << text;  // the same key order
  }
}

TEST(ParseJsonText, AKeyGivenTwiceKeepsItsFirstPlaceAndItsLastValue) {
  Json parsed = parse_json_text(object_with_repeated_first_key(100));
  ASSERT_EQ(parsed.size(), 100u);
  EXPECT_EQ(parsed.begin().key(), "k0");
  EXPECT_EQ(parsed["k0"], "last");
  EXPECT_EQ(parsed["k99"], 99);
}

// The same exception type and message as Json::parse, which the input errors quote.
template <class Exception>
void expect_same_error(const std::string& text) {
  std::string expected;
  try {
    [[maybe_unused]] auto ignored = Json::parse(text);
  } catch (const Exception& e) {
    expected = e.what();
  }
  ASSERT_FALSE(expected.empty()) << text;
  try {
    [[maybe_unused]] auto ignored = parse_json_text(text);
    ADD_FAILURE() << "no error for " << text;
  } catch (const Exception& e) {
    EXPECT_EQ(std::string(e.what()), expected);
  }
}

TEST(ParseJsonText, FailsAsJsonParseFails) {
  expect_same_error<Json::parse_error>(R"({"a":1,})");
  expect_same_error<Json::parse_error>(R"({"a":1} trailing)");
  expect_same_error<Json::parse_error>("");
  expect_same_error<Json::parse_error>(R"(["\ud800"])");
  expect_same_error<Json::out_of_range>("[1e400]");
}

TEST(ObjectIndex, SetsAndFindsKeysAsOrderedJsonDoes) {
  for (int keys : {3, 50}) {
    Json indexed = Json::object();
    Json plain = Json::object();
    ObjectIndex index(indexed);
    for (int round = 0; round < 2; ++round)
      for (int i = 0; i < keys; ++i) {
        const std::string key = "key" + std::to_string((i * 7) % keys);
        index[key] = round * 1000 + i;
        plain[key] = round * 1000 + i;
      }
    EXPECT_EQ(indexed.dump(), plain.dump());
    EXPECT_TRUE(index.contains("key0"));
    EXPECT_FALSE(index.contains("key" + std::to_string(keys)));
  }
}

TEST(ObjectIndex, FindsTheKeysTheObjectAlreadyHeld) {
  Json object = Json::parse(object_with_repeated_first_key(20));
  ObjectIndex index(object);
  EXPECT_TRUE(index.contains("k19"));
  index["k5"] = "five";
  EXPECT_EQ(object.size(), 20u);
  EXPECT_EQ(object["k5"], "five");
}

TEST(ObjectIndex, MakesANullAnObject) {
  Json j;
  ObjectIndex index(j);
  index["a"] = 1;
  EXPECT_EQ(j.dump(), R"({"a":1})");
}

}  // namespace
}  // namespace opsynth
