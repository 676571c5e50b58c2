// Rendering of values and intrinsics, checked against what aws-cdk-lib 2.276 renders
// for the same constructs (expected JSON taken from its output).
#include <gtest/gtest.h>

#include "opsynth/cfn/sns/topic.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/json_writer.hpp"
#include "opsynth/core/resolver.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"

namespace opsynth {
namespace {

class Values : public ::testing::Test {
 protected:
  App app;
  Stack& stack = app.add<Stack>("A", StackProps{.env = {"111111111111", "eu-west-2"}});
  CfnResource& topic = stack.add<CfnResource>("Topic", "AWS::SNS::Topic");
  ExportTable exports;
  std::vector<std::string> errors;

  Json resolve(const Value& v) {
    Resolver r(stack, exports, errors);
    return r.resolve(v, stack);
  }
};

TEST_F(Values, IntegralDoublesRenderAsIntegers) {
  EXPECT_EQ(resolve(Value(5.0)).dump(), "5");
  EXPECT_EQ(resolve(Value(0.5)).dump(), "0.5");
}

TEST_F(Values, RefAndGetAttUseTheLogicalId) {
  EXPECT_EQ(resolve(topic.ref()), Json::parse(R"({"Ref":"Topic"})"));
  EXPECT_EQ(resolve(topic.get_att("TopicArn")), Json::parse(R"({"Fn::GetAtt":["Topic","TopicArn"]})"));
}

TEST_F(Values, ConcatMergesLiteralsIntoAMinimalJoin) {
  Value v = fn::concat({"arn:", aws::partition(), ":sns:", "eu-west-2", ":", topic.ref()});
  EXPECT_EQ(resolve(v), Json::parse(R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":sns:eu-west-2:",{"Ref":"Topic"}]]})"));
}

TEST_F(Values, ConcatOfLiteralsIsALiteral) {
  EXPECT_EQ(resolve(fn::concat({"a", 1, "b"})), Json("a1b"));
}

TEST_F(Values, JoinMergesEachRunOfLiteralsWithItsDelimiter) {
  // A run of one keeps its value (a number stays a number); longer runs become one string.
  Value v = fn::join(",", {"a", "b", topic.ref(), 5, aws::region(), "c", 7, "d", topic.ref()});
  EXPECT_EQ(resolve(v), Json::parse(R"({"Fn::Join":[",",["a,b",{"Ref":"Topic"},5,{"Ref":"AWS::Region"},"c,7,d",{"Ref":"Topic"}]]})"));
  EXPECT_EQ(resolve(fn::join("-", {1, 2})), Json("1-2"));
  EXPECT_EQ(resolve(fn::join("-", {})), Json(""));
}

TEST_F(Values, NestedJoinsWithTheSameDelimiterAreSpliced) {
  Value inner = fn::concat({"x", aws::region()});
  Value outer = fn::concat({"pre-", inner, "-post"});
  EXPECT_EQ(resolve(outer), Json::parse(R"({"Fn::Join":["",["pre-x",{"Ref":"AWS::Region"},"-post"]]})"));
}

TEST_F(Values, JsonStringSplicesReferencesInsideQuotes) {
  // aws-cdk-lib: stack.toJsonString({a: topic.topicArn(Ref), b: 'x"y', n: 5, arr: [Aws.REGION, 1]})
  Value doc = Value::object({{"a", topic.ref()}, {"b", "x\"y"}, {"n", 5}, {"arr", ValueList{aws::region(), 1}}});
  Json expected = Json::parse(R"({"Fn::Join":["",["{\"a\":\"",{"Ref":"Topic"},"\",\"b\":\"x\\\"y\",\"n\":5,\"arr\":[\"",{"Ref":"AWS::Region"},"\",1]}"]]})");
  EXPECT_EQ(resolve(Stack::to_json_string(doc)), expected);
}

TEST_F(Values, JsonStringEscapesLiteralsInsideSplicedJoins) {
  Value doc = Value::object({{"t", fn::concat({"say \"hi\" in ", aws::region()})}});
  Json expected = Json::parse(R"({"Fn::Join":["",["{\"t\":\"say \\\"hi\\\" in ",{"Ref":"AWS::Region"},"\"}"]]})");
  EXPECT_EQ(resolve(Stack::to_json_string(doc)), expected);
}

// What CloudFormation does with the Fn::Join (each reference replaced by its value) must give back
// the document: escapes, non-ASCII text and keys survive being written inside a string.
TEST_F(Values, JsonStringJoinedWithItsReferencesIsTheDocument) {
  const std::string awkward = "caf\xc3\xa9 \"q\" back\\slash\nline \x01 \xff";
  Value doc = Value::object({{awkward, fn::concat({awkward, aws::region(), awkward})},
                             {"list", ValueList{aws::region(), 1.5, true, nullptr, "x"}},
                             {"nested", Value::object({{"r", aws::region()}, {awkward, 2}})}});
  Json rendered = resolve(Stack::to_json_string(doc));
  ASSERT_TRUE(rendered.contains("Fn::Join")) << rendered.dump();
  std::string joined;
  for (const auto& part : rendered["Fn::Join"][1]) {
    if (part == Json{{"Ref", "AWS::Region"}}) {
      joined += "eu-west-2";
    } else {
      ASSERT_TRUE(part.is_string()) << part.dump();
      joined += part.get<std::string>();
    }
  }
  const std::string replaced = "caf\xc3\xa9 \"q\" back\\slash\nline \x01 \xef\xbf\xbd";  // invalid byte: U+FFFD
  Json expected{{replaced, replaced + "eu-west-2" + replaced},
                {"list", {"eu-west-2", 1.5, true, nullptr, "x"}},
                {"nested", {{"r", "eu-west-2"}, {replaced, 2}}}};
  EXPECT_EQ(Json::parse(joined), expected) << joined;
}

// minimalCloudFormationJoin: a spliced join's number stays a number between two references, and
// merges into the text next to it.
TEST_F(Values, JsonStringKeepsANumberBetweenTwoReferences) {
  Value join = Value::intrinsic("Fn::Join", ValueList{"", ValueList{aws::region(), 5, aws::region(), 6}});
  Json expected = Json::parse(R"({"Fn::Join":["",["[\"",{"Ref":"AWS::Region"},5,{"Ref":"AWS::Region"},"6\"]"]]})");
  EXPECT_EQ(resolve(Stack::to_json_string(ValueList{join})), expected);
}

// A repeated object (an applied tag) is written once per place in the layout and copied after:
// the copies must keep the indentation of where they land.
TEST_F(Values, ARepeatedObjectIsWrittenWithTheLayoutOfEachPlace) {
  const Value tag = Value::repeated_object({{"Key", "team"}, {"Value", "ops"}});
  const Value doc = Value::object({{"a", ValueList{tag, tag}}, {"b", Value::object({{"c", ValueList{ValueList{tag}}}})}, {"d", tag}});
  std::string text;
  JsonWriter out(text);
  Resolver r(stack, exports, errors);
  r.write(doc, stack, out);
  const Json t{{"Key", "team"}, {"Value", "ops"}};
  const Json expected{{"a", {t, t}}, {"b", {{"c", Json::array({Json::array({t})})}}}, {"d", t}};
  EXPECT_EQ(text, expected.dump(1));
}

// aws-cdk-lib's tokenAwareStringify: once an intrinsic is spliced in, the string is an Fn::Join,
// even when the intrinsic's parts all merge into the text around them.
TEST_F(Values, JsonStringWithASplicedJoinOfLiteralsStaysAJoin) {
  Value join = Value::intrinsic("Fn::Join", ValueList{"", ValueList{"a", 5}});
  EXPECT_EQ(resolve(Stack::to_json_string(ValueList{join})), Json::parse(R"({"Fn::Join":["",["[\"a5\"]"]]})"));
}

// Invalid UTF-8 becomes U+FFFD in a JSON string with or without references, as in the template.
TEST_F(Values, JsonStringOfLiteralsReplacesInvalidUtf8) {
  Value s = Stack::to_json_string(Value::object({{"t", "bad \xff"}}));
  ASSERT_TRUE(s.is_string());
  EXPECT_EQ(s.as_string(), "{\"t\":\"bad \xef\xbf\xbd\"}");
}

// Only indented template text reuses a repeated object's text: inside a JSON string, or written by
// itself, it renders like any object.
TEST_F(Values, ARepeatedObjectRendersLikeAnyObjectInEveryContext) {
  const ValueMap entries{{"Key", "say \"hi\""}, {"Value", "v"}};
  const Value repeated = Value::repeated_object(entries);
  const Value plain = Value::object(entries);
  EXPECT_EQ(resolve(Stack::to_json_string(ValueList{repeated, aws::region(), repeated})),
            resolve(Stack::to_json_string(ValueList{plain, aws::region(), plain})));
  EXPECT_EQ(resolve(ValueList{repeated, repeated}), resolve(ValueList{plain, plain}));
  EXPECT_EQ(resolve(repeated), resolve(plain));
  EXPECT_EQ(repeated, plain);
}

TEST_F(Values, JsonStringOfLiteralsIsAPlainString) {
  Value s = Stack::to_json_string(Value::object({{"a", 1}, {"b", ValueList{"x"}}}));
  ASSERT_TRUE(s.is_string());
  EXPECT_EQ(s.as_string(), R"({"a":1,"b":["x"]})");
}

TEST_F(Values, IntrinsicsRenderUnderTheirNames) {
  EXPECT_EQ(resolve(fn::select(1, fn::split(",", "a,b"))),
            Json::parse(R"({"Fn::Select":[1,{"Fn::Split":[",","a,b"]}]})"));
  EXPECT_EQ(resolve(fn::import_value("X")), Json::parse(R"({"Fn::ImportValue":"X"})"));
  EXPECT_EQ(resolve(fn::sub("${AWS::Region}-x")), Json::parse(R"({"Fn::Sub":"${AWS::Region}-x"})"));
  for (auto [v, name] : {std::pair{aws::account_id(), "AWS::AccountId"}, std::pair{aws::region(), "AWS::Region"},
                         std::pair{aws::partition(), "AWS::Partition"}, std::pair{aws::url_suffix(), "AWS::URLSuffix"},
                         std::pair{aws::stack_name(), "AWS::StackName"}})
    EXPECT_EQ(resolve(v), Json({{"Ref", name}}));
}

TEST_F(Values, ConditionsAndIfUseTheConditionLogicalId) {
  auto& cond = stack.add<CfnCondition>("IsProd", fn::equals(aws::account_id(), "111111111111"));
  EXPECT_EQ(resolve(fn::if_(cond, "a", fn::no_value())),
            Json::parse(R"({"Fn::If":["IsProd","a",{"Ref":"AWS::NoValue"}]})"));
}

TEST_F(Values, StackAccountAndRegionAreLiteralWhenKnown) {
  EXPECT_EQ(resolve(stack.account()), Json("111111111111"));
  auto& agnostic = app.add<Stack>("B");
  EXPECT_EQ(resolve(agnostic.account()), Json({{"Ref", "AWS::AccountId"}}));
  EXPECT_EQ(agnostic.environment_uri(), "aws://unknown-account/unknown-region");
}

// Value::lazy (the dashboard body): produced when each synthesis takes the properties, where it is
// a whole property value, and checked against the schema like any value; anywhere else an error.
TEST(LazyValues, AreProducedForEachSynthesisAsWholePropertyValues) {
  App app;
  auto& s = app.add<Stack>("A");
  auto& topic = s.add<cfn::sns::CfnTopic>("Topic", cfn::sns::CfnTopicProps{});  // schema-checked
  int produced = 0;
  topic.set_property("TopicName", Value::lazy([&produced] {
                       ++produced;
                       return Value("made-" + std::to_string(produced));
                     }));
  EXPECT_EQ(produced, 0);
  const auto first = synthesize(app);
  ASSERT_TRUE(first.ok()) << first.errors().front();
  EXPECT_EQ(first.assembly.find("A")->template_json()["Resources"]["Topic"]["Properties"]["TopicName"], "made-1");
  const auto second = synthesize(app);
  EXPECT_EQ(second.assembly.find("A")->template_json()["Resources"]["Topic"]["Properties"]["TopicName"], "made-2");
  topic.set_property("TopicName", Value::lazy([] { return Value::list({"a"}); }));
  const auto wrong_type = synthesize(app);
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.errors().front().find("TopicName: expected string"), std::string::npos)
      << wrong_type.errors().front();
}

// A producer that throws ends the synthesis with its exception, and the snapshots of the
// resources taken before it are dropped, not left holding properties.
TEST(LazyValues, AThrowingProducerLeavesNoSnapshotBehind) {
  App app;
  auto& s = app.add<Stack>("A");
  auto& first = s.add<CfnResource>("First", "AWS::SNS::Topic");
  s.add<CfnResource>("Second", "AWS::SNS::Topic")
      .set_property("TopicName", Value::lazy([]() -> Value { throw std::runtime_error("producer failed"); }));
  EXPECT_THROW(synthesize(app), std::runtime_error);
  EXPECT_THROW(first.synthesized_properties(), std::logic_error);
}

TEST(LazyValues, InsideAnotherValueAreAnError) {
  App app;
  auto& s = app.add<Stack>("A");
  s.add<CfnResource>("Topic", "AWS::SNS::Topic")
      .set_property("Subscription", Value::list({Value::lazy([] { return Value("x"); })}));
  const auto r = synthesize(app);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors().front().find("A/Topic: holds a lazy value inside another value"), std::string::npos)
      << r.errors().front();
}

TEST(CrossStack, ReferenceInTheSameEnvironmentBecomesAnExportAndADependency) {
  App app;
  Environment env{"111111111111", "eu-west-2"};
  auto& a = app.add<Stack>("A", StackProps{.env = env});
  auto& topic = a.add<Construct>("Topic").add<CfnResource>("Resource", "AWS::SNS::Topic");
  auto& b = app.add<Stack>("B", StackProps{.env = env});
  b.add<CfnOutput>("Out", CfnOutputProps{.value = topic.ref()});
  auto r = synthesize(app);
  ASSERT_TRUE(r.ok()) << r.errors().front();
  // Names as aws-cdk-lib 2.276 generates them for this tree.
  EXPECT_EQ(r.assembly.find("B")->template_json()["Outputs"]["Out"]["Value"],
            Json::parse(R"({"Fn::ImportValue":"A:ExportsOutputRefTopicBFC7AF6ECB4A357A"})"));
  EXPECT_EQ(r.assembly.find("A")->template_json()["Outputs"]["ExportsOutputRefTopicBFC7AF6ECB4A357A"],
            Json::parse(R"({"Value":{"Ref":"TopicBFC7AF6E"},"Export":{"Name":"A:ExportsOutputRefTopicBFC7AF6ECB4A357A"}})"));
  EXPECT_EQ(r.assembly.find("B")->dependencies, std::vector<std::string>{"A"});
}

TEST(CrossStack, ReferenceAcrossAccountsIsAnErrorThatSaysWhatToDo) {
  App app;
  auto& a = app.add<Stack>("A", StackProps{.env = {"111111111111", "eu-west-2"}});
  auto& topic = a.add<CfnResource>("Topic", "AWS::SNS::Topic");
  auto& b = app.add<Stack>("B", StackProps{.env = {"222222222222", "eu-west-2"}});
  b.add<CfnOutput>("Out", CfnOutputProps{.value = topic.ref()});
  auto r = synthesize(app);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors().front().find("B/Out: refers to A/Topic"), std::string::npos) << r.errors().front();
  EXPECT_NE(r.errors().front().find("pass the value as a plain string through props or context"), std::string::npos);
}

// An export name stays valid when later exports are created (it pointed into a growing vector:
// AddressSanitizer reported heap-use-after-free).
TEST(ExportTable, AnExportNameOutlivesLaterExports) {
  App app;
  Stack producer(app, "Producer");
  ExportTable exports;
  const std::string& first = exports.export_for(producer, Json{{"Ref", "A"}});
  for (const char* id : {"B", "C", "D", "E", "F", "G", "H", "I"}) exports.export_for(producer, Json{{"Ref", id}});
  EXPECT_EQ(first, exports.exports().front().export_name);
  EXPECT_TRUE(first.starts_with("Producer:ExportsOutputRefA")) << first;
  EXPECT_EQ(exports.exports().size(), 9u);
}

}  // namespace
}  // namespace opsynth

