// The template text writer against the reference it replaced: nlohmann's
// dump(1, ' ', false, replace), which renders like aws-cdk-lib's JSON.stringify(t, null, 1).
#include <gtest/gtest.h>

#include <string>

#include "opsynth/core/json_writer.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/core/template_text.hpp"

namespace opsynth {
namespace {

std::string reference(const Json& j) { return j.dump(1, ' ', false, Json::error_handler_t::replace); }

std::string written(const Json& j) {
  std::string out;
  JsonWriter(out).value(j);
  return out;
}

TEST(JsonWriter, WritesDocumentsByteForByteLikeTheReference) {
  const Json documents[] = {
      Json(),
      Json(true),
      Json(-42),
      Json(std::uint64_t{18446744073709551615ULL}),
      Json(0.5),
      Json(1e-5),
      Json(1e300),
      Json("plain"),
      Json::object(),
      Json::array(),
      Json{{"a", Json::object()}, {"b", Json::array()}, {"c", Json::array({1, Json::array(), Json::object()})}},
      Json{{"Resources", {{"T", {{"Type", "AWS::SNS::Topic"}, {"Properties", {{"Tags", Json::array({Json{{"Key", "k"}, {"Value", "v"}}})}}}}}}}},
      Json::array({Json::array({Json::array({"deep"})})}),
  };
  for (const auto& j : documents) EXPECT_EQ(written(j), reference(j)) << reference(j);
}

TEST(JsonWriter, EscapesStringsLikeTheReference) {
  static constexpr char kControl[] = "nul \0 and \x01 and \x1f";  // an embedded NUL: sized by sizeof
  const std::string strings[] = {
      "quote \" and backslash \\",
      "line\nbreak\ttab\rreturn\bback\fform",
      std::string(kControl, sizeof kControl - 1),
      "delete \x7f",
      "caf\xc3\xa9 and \xf0\x9f\x9a\x80",  // valid UTF-8: written as it is
      "invalid \xff byte and cut \xc3",    // invalid UTF-8: U+FFFD, as the reference replaces it
      "",
  };
  for (const auto& s : strings) {
    EXPECT_EQ(written(Json(s)), reference(Json(s))) << s;
    EXPECT_EQ(written(Json{{s, s}}), reference(Json{{s, s}})) << s;  // keys too
  }
}

// Plain text is scanned 8 bytes at a time: a byte that needs escaping (or UTF-8 checking) must be
// found at every offset within a block and in the tail after the last whole block.
TEST(JsonWriter, FindsAnEscapeAtEveryOffsetOfALongString) {
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "\xc3\xa9", "\xff", " "};
  for (const auto& special : specials) {
    for (std::size_t at = 0; at < 27; ++at) {
      std::string s(26, 'a');
      s.insert(at, special);
      EXPECT_EQ(written(Json(s)), reference(Json(s))) << "at " << at;
    }
  }
}

// Indents up to 63 spaces are appended from one buffer, deeper ones space by space.
TEST(JsonWriter, IndentsDeepNestingLikeTheReference) {
  Json j = "leaf";
  for (int depth = 0; depth < 70; ++depth) j = depth % 2 ? Json{{"k", j}} : Json::array({j, depth});
  for (std::size_t indent : {1, 2}) {
    std::string out;
    JsonWriter(out, 0, indent).value(j);
    EXPECT_EQ(out, j.dump(static_cast<int>(indent))) << "indent " << indent;
  }
}

TEST(JsonWriter, WritesCompactAndWiderIndentsLikeTheReference) {
  const Json j{{"a", Json::array({1, "x\"y", Json::object(), Json::array()})}, {"b", {{"c", nullptr}}}};
  std::string compact;
  JsonWriter::compact(compact).value(j);
  EXPECT_EQ(compact, j.dump());
  std::string two;
  JsonWriter(two, 0, 2).value(j);
  EXPECT_EQ(two, j.dump(2));
}

TEST(JsonWriter, NestsFromAGivenDepth) {
  std::string out = "{\n \"x\": ";
  JsonWriter w(out, 1);
  w.begin_object();
  w.key("a");
  w.begin_array();
  w.string("b");
  w.boolean(false);
  w.end_array();
  w.end_object();
  out += "\n}";
  EXPECT_EQ(out, reference(Json{{"x", {{"a", Json::array({"b", false})}}}}));
}

TEST(TemplateText, PutsSectionsTogetherInFirstEntryOrder) {
  TemplateText t;
  t.begin_entry("Resources", "A").value(Json{{"Type", "X"}});
  t.begin_entry("Outputs", "O").value(Json{{"Value", 1}});
  t.begin_entry("Resources", "B").value(Json{{"Type", "Y"}});
  EXPECT_EQ(t.count("Resources"), 2u);
  EXPECT_EQ(t.count("Outputs"), 1u);
  EXPECT_EQ(t.count("Parameters"), 0u);
  const Json expected{{"Description", "d"},
                      {"Resources", {{"A", {{"Type", "X"}}}, {"B", {{"Type", "Y"}}}}},
                      {"Outputs", {{"O", {{"Value", 1}}}}}};
  EXPECT_EQ(t.finish("d"), reference(expected));
  EXPECT_EQ(t.count("Resources"), 2u) << "counts outlive the text";
}

// finish() builds the text in the largest section's body: sections before it and after it, with
// and without a description, keep their order.
TEST(TemplateText, PutsSectionsAroundTheLargestOneInOrder) {
  for (const std::string description : {"", "d"}) {
    TemplateText t;
    t.begin_entry("Parameters", "P").value(Json{{"Type", "String"}});
    t.begin_entry("Conditions", "C").value(Json{{"Fn::Equals", Json::array({"a", "b"})}});
    for (const char* id : {"A", "B", "C"}) t.begin_entry("Resources", id).value(Json{{"Type", "AWS::SNS::Topic"}});
    t.begin_entry("Outputs", "O").value(Json{{"Value", 1}});
    t.begin_entry("Rules", "R").value(Json::object());
    Json expected = Json::object();
    if (!description.empty()) expected["Description"] = description;
    expected["Parameters"] = {{"P", {{"Type", "String"}}}};
    expected["Conditions"] = {{"C", {{"Fn::Equals", Json::array({"a", "b"})}}}};
    expected["Resources"] = {{"A", {{"Type", "AWS::SNS::Topic"}}},
                             {"B", {{"Type", "AWS::SNS::Topic"}}},
                             {"C", {{"Type", "AWS::SNS::Topic"}}}};
    expected["Outputs"] = {{"O", {{"Value", 1}}}};
    expected["Rules"] = {{"R", Json::object()}};
    EXPECT_EQ(t.finish(description), reference(expected)) << "description \"" << description << "\"";
  }
}

TEST(TemplateText, AnEmptyTemplateIsAnEmptyObject) {
  TemplateText empty;
  EXPECT_EQ(empty.finish(""), "{}");
  TemplateText described;
  EXPECT_EQ(described.finish("only"), reference(Json{{"Description", "only"}}));
}

TEST(JsonWriter, RenderTemplateJsonUsesTheSameLayout) {
  const Json t{{"Resources", {{"A", {{"Type", "X"}, {"Properties", {{"N", 0.25}}}}}}}};
  EXPECT_EQ(render_template_json(t), reference(t));
}

}  // namespace
}  // namespace opsynth
