// The template assertions (opsynth/testing/template.hpp) on a hand-written template.
#include <gtest/gtest.h>

#include "opsynth/testing/template.hpp"

namespace opsynth {
namespace {

using assertions::AssertionError;
using assertions::Template;
namespace Match = assertions::Match;

const Template kTemplate(Json::parse(R"({
  "Resources": {
    "TopicA": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "a", "Tags": [{"Key": "k", "Value": "v"}]}},
    "TopicB": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "b"}, "DeletionPolicy": "Retain"},
    "Policy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [
      {"Action": "s3:GetObject", "Effect": "Allow"}, {"Action": "s3:PutObject", "Effect": "Allow"}]}}}
  },
  "Outputs": {"Name": {"Value": {"Ref": "TopicA"}}}
})"));

TEST(TemplateAssertions, CountsResourcesByType) {
  EXPECT_NO_THROW(kTemplate.resource_count_is("AWS::SNS::Topic", 2));
  EXPECT_THROW(kTemplate.resource_count_is("AWS::SNS::Topic", 1), AssertionError);
}

TEST(TemplateAssertions, PropertiesMatchObjectLike) {
  EXPECT_NO_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", "b"}}));
  EXPECT_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", "c"}}), AssertionError);
}

TEST(TemplateAssertions, FailureSaysWhyEachCandidateDiffers) {
  try {
    kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", "c"}});
    FAIL();
  } catch (const AssertionError& e) {
    EXPECT_NE(std::string(e.what()).find("TopicA: /TopicName: expected \"c\", found \"a\""), std::string::npos) << e.what();
  }
}

TEST(TemplateAssertions, ArraysMatchExactlyUnlessArrayWith) {
  Json two = {{"PolicyDocument", {{"Statement", Json::array({{{"Action", "s3:GetObject"}}, {{"Action", "s3:PutObject"}}})}}}};
  EXPECT_NO_THROW(kTemplate.has_resource_properties("AWS::IAM::Policy", two));
  Json one = {{"PolicyDocument", {{"Statement", Json::array({{{"Action", "s3:PutObject"}}})}}}};
  EXPECT_THROW(kTemplate.has_resource_properties("AWS::IAM::Policy", one), AssertionError);
  Json with = {{"PolicyDocument", {{"Statement", Match::array_with(Json::array({{{"Action", "s3:PutObject"}}}))}}}};
  EXPECT_NO_THROW(kTemplate.has_resource_properties("AWS::IAM::Policy", with));
}

TEST(TemplateAssertions, AbsentAnyRegexpAndExact) {
  EXPECT_NO_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", "b"}, {"Tags", Match::absent()}}));
  EXPECT_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", "a"}, {"Tags", Match::absent()}}),
               AssertionError);
  EXPECT_NO_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"Tags", Match::any_value()}}));
  EXPECT_NO_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", Match::string_like_regexp("^[ab]$")}}));
  EXPECT_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic",
                                                 {{"Tags", Match::exact(Json::array({{{"Key", "k"}}}))}}),
               AssertionError);
  EXPECT_THROW(kTemplate.has_resource_properties("AWS::SNS::Topic", {{"TopicName", Match::object_equals({})}}),
               AssertionError);
}

TEST(TemplateAssertions, HasResourceAndFindResourcesLookAtTheWholeDefinition) {
  EXPECT_NO_THROW(kTemplate.has_resource("AWS::SNS::Topic", {{"DeletionPolicy", "Retain"}}));
  auto found = kTemplate.find_resources("AWS::SNS::Topic", {{"DeletionPolicy", "Retain"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.begin()->first, "TopicB");
  EXPECT_EQ(kTemplate.find_resources("AWS::SNS::Topic").size(), 2u);
}

TEST(TemplateAssertions, Outputs) {
  EXPECT_NO_THROW(kTemplate.has_output("Name", {{"Value", {{"Ref", "TopicA"}}}}));
  EXPECT_THROW(kTemplate.has_output("Name", {{"Value", {{"Ref", "TopicB"}}}}), AssertionError);
  EXPECT_THROW(kTemplate.has_output("Missing", Json::object()), AssertionError);
}

}  // namespace
}  // namespace opsynth
