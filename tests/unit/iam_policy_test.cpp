// IAM statements, principals and roles: rendering like aws-cdk-lib and the validation messages.
#include <gtest/gtest.h>

#include "opsynth/cfn/iam/role.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/testing/template.hpp"
#include "synth_errors_fixture.hpp"

namespace opsynth {
namespace {

using assertions::Template;

Json rendered(const iam::PolicyStatement& s) {
  // Literal statements only: a Value without intrinsics converts to JSON directly.
  return s.to_value().to_json();
}

using testing_errors::errors_of;

TEST(IamPolicyStatement, CollapsesSingleActionAndResourceAndSortsKeys) {
  iam::PolicyStatement s({.sid = "One", .actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::b/*"}});
  EXPECT_EQ(rendered(s).dump(),
            R"({"Action":"s3:GetObject","Effect":"Allow","Resource":"arn:aws:s3:::b/*","Sid":"One"})");
}

TEST(IamPolicyStatement, KeepsListsDeduplicatedInOrder) {
  iam::PolicyStatement s({.actions = {"b:X", "a:Y", "b:X"}, .resources = {"r1", "r2", "r1"}});
  EXPECT_EQ(rendered(s).at("Action"), Json({"b:X", "a:Y"}));
  EXPECT_EQ(rendered(s).at("Resource"), Json({"r1", "r2"}));
}

TEST(IamPolicyStatement, MergesPrincipalsByKey) {
  iam::PolicyStatement s({.actions = {"kms:Decrypt"},
                          .resources = {"*"},
                          .principals = {iam::ServicePrincipal("a.amazonaws.com"), iam::ServicePrincipal("b.amazonaws.com"),
                                         iam::ArnPrincipal("arn:aws:iam::111111111111:role/x")}});
  EXPECT_EQ(rendered(s).at("Principal"),
            Json::parse(R"({"Service":["a.amazonaws.com","b.amazonaws.com"],"AWS":"arn:aws:iam::111111111111:role/x"})"));
}

TEST(IamPolicyStatement, AddConditionMergesIntoTheOperatorBlock) {
  iam::PolicyStatement s({.actions = {"backup:CopyIntoBackupVault"}, .resources = {"*"}});
  s.add_condition("StringEquals", "aws:PrincipalOrgID", "o-abcdefghij");
  s.add_condition("StringEquals", "aws:SourceAccount", "111111111111");
  EXPECT_EQ(rendered(s).at("Condition"),
            Json::parse(R"({"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij","aws:SourceAccount":"111111111111"}})"));
}

TEST(IamPrincipal, AccountPrincipalRejectsAnIdThatIsNot12Digits) {
  iam::AccountPrincipal p("12345");
  ASSERT_EQ(p.errors().size(), 1u);
  EXPECT_EQ(p.errors()[0], "account id \"12345\" is not valid; an AWS account id is 12 digits");
  EXPECT_TRUE(iam::AccountPrincipal("123456789012").errors().empty());
}

TEST(IamPrincipal, OrganizationPrincipalChecksTheId) {
  EXPECT_FALSE(iam::OrganizationPrincipal("org-1").errors().empty());
  EXPECT_TRUE(iam::OrganizationPrincipal("o-abcdefghij").errors().empty());
}

TEST(IamPolicyStatement, IdentityPoliciesNeedAResourceAndNoPrincipal) {
  auto errors = iam::PolicyStatement({.actions = {"s3:ListAllMyBuckets"}}).validate_for_identity_policy();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("must name at least one resource"), std::string::npos);
  auto with_principal = iam::PolicyStatement({.actions = {"s3:GetObject"}, .resources = {"*"},
                                              .principals = {iam::AnyPrincipal()}})
                            .validate_for_identity_policy();
  ASSERT_EQ(with_principal.size(), 1u);
  EXPECT_NE(with_principal[0].find("cannot name principals"), std::string::npos);
}

TEST(IamPolicyStatement, ResourcePoliciesNeedAPrincipal) {
  auto errors = iam::PolicyStatement({.actions = {"s3:GetObject"}, .resources = {"*"}}).validate_for_resource_policy();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("must name at least one principal"), std::string::npos);
}

TEST(IamPolicyStatement, ActionsMustBeServiceColonAction) {
  auto errors = iam::PolicyStatement({.actions = {"GetObject"}, .resources = {"*"}}).validate();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "action \"GetObject\" is not valid; an action is \"service:Action\" or \"*\"");
}

TEST(IamRole, InlinePoliciesAndNameRenderLikeAwsCdkLib) {
  App app;
  auto& stack = app.add<Stack>("S", StackProps{.env = {"333333333333", "eu-west-2"}});
  stack.add<iam::Role>("RestoreRole",
                       iam::RoleProps{.assumed_by = iam::ServicePrincipal("backup.amazonaws.com"),
                                      .role_name = "diy-submit-restore-role",
                                      .inline_policies = {{"restore-policy",
                                                           iam::PolicyDocument({iam::PolicyStatement(
                                                               {.actions = {"s3:ListBucket"}, .resources = {"arn:aws:s3:::b"}})})}}});
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Policy", 0);  // no DefaultPolicy until something is added
  t.has_resource_properties("AWS::IAM::Role", Json::parse(R"({
    "RoleName": "diy-submit-restore-role",
    "Policies": [{"PolicyName": "restore-policy", "PolicyDocument": {"Version": "2012-10-17",
      "Statement": [{"Action": "s3:ListBucket", "Effect": "Allow", "Resource": "arn:aws:s3:::b"}]}}]})"));
}

TEST(IamRole, AddToPolicyCreatesOneDefaultPolicyNamedByItsLogicalId) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& role = stack.add<iam::Role>("CanaryRole", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  role.add_to_policy(iam::PolicyStatement({.actions = {"s3:ListAllMyBuckets"}, .resources = {"*"}}));
  role.add_to_policy(iam::PolicyStatement({.actions = {"cloudwatch:PutMetricData"}, .resources = {"*"}}));
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::IAM::Policy", 1);
  t.has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyName", "CanaryRoleDefaultPolicyC179670E"},
       {"Roles", Json::array({{{"Ref", role.resource().logical_id()}}})},
       {"PolicyDocument", {{"Statement", Json::parse(R"([
         {"Action": "s3:ListAllMyBuckets", "Effect": "Allow", "Resource": "*"},
         {"Action": "cloudwatch:PutMetricData", "Effect": "Allow", "Resource": "*"}])")}}}});
}

TEST(IamRole, NameRulesGiveClearMessages) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<iam::Role>("Long", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com"),
                                              .role_name = std::string(65, 'r')});
  stack.add<iam::Role>("Bad", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com"),
                                             .role_name = "my role!"});
  auto errors = errors_of(app);
  EXPECT_NE(errors.find("S/Long: role name \"" + std::string(65, 'r') + "\" is 65 characters long; IAM allows 1 to 64"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("S/Bad: role name \"my role!\" has characters IAM does not allow; use letters, digits and +=,.@_-"),
            std::string::npos)
      << errors;
}

TEST(IamRole, DefaultPolicyStatementsWithoutResourceAreRefused) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& role = stack.add<iam::Role>("R", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  role.add_to_policy(iam::PolicyStatement({.actions = {"s3:ListAllMyBuckets"}}));
  EXPECT_NE(errors_of(app).find("S/R/DefaultPolicy: statement 1: a policy statement used in an identity-based policy "
                                "must name at least one resource"),
            std::string::npos);
}

TEST(IamRole, InvalidAssumingAccountIsReported) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<iam::Role>("R", iam::RoleProps{.assumed_by = iam::AccountPrincipal("1234")});
  EXPECT_NE(errors_of(app).find("S/R: assumed_by: account id \"1234\" is not valid; an AWS account id is 12 digits"),
            std::string::npos);
}

TEST(IamRole, GrantPassRoleGoesToTheGranteesPolicy) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& a = stack.add<iam::Role>("A", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  auto& b = stack.add<iam::Role>("B", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  EXPECT_TRUE(a.grant_pass_role(b).principal_statement_added);
  auto t = Template::from_stack(stack);
  t.has_resource_properties(
      "AWS::IAM::Policy",
      {{"Roles", Json::array({{{"Ref", b.resource().logical_id()}}})},
       {"PolicyDocument",
        {{"Statement", Json::array({{{"Action", "iam:PassRole"}, {"Resource", {{"Fn::GetAtt", {a.resource().logical_id(), "Arn"}}}}}})}}}});
}

}  // namespace
}  // namespace opsynth
