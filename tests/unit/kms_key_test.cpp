// kms::Key: default key policy, alias, grants within and across accounts, validation.
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/kms/key.hpp"
#include "opsynth/testing/template.hpp"
#include "synth_errors_fixture.hpp"

namespace opsynth {
namespace {

using assertions::Template;
using testing_errors::errors_of;

TEST(KmsKey, BackupKeyRendersLikeAwsCdkLib) {
  App app;
  auto& stack = app.add<Stack>("S", StackProps{.env = {"333333333333", "eu-west-2"}});
  auto& key = stack.add<kms::Key>("BackupKey", kms::KeyProps{.description = "DIY Accounting Submit - cross-account backup key",
                                                             .alias = "alias/diy-submit-backup",
                                                             .enable_key_rotation = true});
  key.add_to_resource_policy(iam::PolicyStatement({.sid = "AllowSourceAccountBackupGrants",
                                                   .actions = {"kms:CreateGrant"},
                                                   .resources = {"*"},
                                                   .principals = {iam::AccountPrincipal("222222222222")},
                                                   .conditions = {{"Bool", Value::object({{"kms:GrantIsForAWSResource", "true"}})}}}));
  auto t = Template::from_stack(stack);
  // BackupKey60B97760 / BackupKeyAliasA9FE2B6D of tests/node/parity/app.js's BackupStack.
  EXPECT_EQ(t.resource("BackupKey60B97760"), Json::parse(R"({"Type": "AWS::KMS::Key", "Properties": {
    "Description": "DIY Accounting Submit - cross-account backup key", "EnableKeyRotation": true,
    "KeyPolicy": {"Statement": [
      {"Action": "kms:*", "Effect": "Allow",
       "Principal": {"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::333333333333:root"]]}}, "Resource": "*"},
      {"Action": "kms:CreateGrant", "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}, "Effect": "Allow",
       "Principal": {"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::222222222222:root"]]}},
       "Resource": "*", "Sid": "AllowSourceAccountBackupGrants"}],
      "Version": "2012-10-17"}},
    "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain"})"));
  EXPECT_EQ(t.resource("BackupKeyAliasA9FE2B6D")["Properties"],
            Json::parse(R"({"AliasName": "alias/diy-submit-backup", "TargetKeyId": {"Fn::GetAtt": ["BackupKey60B97760", "Arn"]}})"));
}

TEST(KmsKey, AliasGetsThePrefixAndReservedNamesAreRefused) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& key = stack.add<kms::Key>("K", kms::KeyProps{.alias = "my-key"});
  EXPECT_EQ(key.add_alias("alias/aws/s3").alias_name(), "alias/aws/s3");
  stack.add<kms::Key>("Bad", kms::KeyProps{.alias = "alias/has space"});
  auto errors = errors_of(app);
  EXPECT_NE(errors.find("S/K/Aliasalias--aws--s3: alias \"alias/aws/s3\" starts with alias/aws/, which is reserved"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("S/Bad/Alias: alias \"alias/has space\" is not valid"), std::string::npos) << errors;
  EXPECT_EQ(dynamic_cast<kms::Alias*>(key.find_child("Alias"))->alias_name(), "alias/my-key");
}

TEST(KmsKey, CrossAccountRoleGetsBothSides) {
  App app;
  auto& key_stack = app.add<Stack>("Keys", StackProps{.env = {"333333333333", "eu-west-2"}});
  auto& role_stack = app.add<Stack>("Roles", StackProps{.env = {"222222222222", "eu-west-2"}});
  auto& key = key_stack.add<kms::Key>("K");
  auto& role = role_stack.add<iam::Role>("R", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  auto g = key.grant_decrypt(role);
  EXPECT_TRUE(g.principal_statement_added);
  EXPECT_TRUE(g.resource_statement_added);
  auto keys = Template::from_stack(key_stack);
  keys.has_resource_properties("AWS::KMS::Key", Json::parse(R"({"KeyPolicy": {"Statement": [{}, {
    "Action": "kms:Decrypt", "Effect": "Allow", "Resource": "*",
    "Principal": {"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::222222222222:root"]]}}}]}})"));
  Template::from_stack(role_stack)
      .has_resource_properties("AWS::IAM::Policy", Json::parse(R"({"PolicyDocument": {"Statement": [
        {"Action": "kms:Decrypt", "Effect": "Allow", "Resource": "*"}]}})"));
}

TEST(KmsKey, RangesAreChecked) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<kms::Key>("K", kms::KeyProps{.rotation_period_days = 30, .pending_window_days = 3});
  auto errors = errors_of(app);
  EXPECT_NE(errors.find("S/K: pending window of 3 days is out of range; KMS allows 7 to 30 days"), std::string::npos) << errors;
  EXPECT_NE(errors.find("S/K: a rotation period needs key rotation; set enable_key_rotation"), std::string::npos) << errors;
  EXPECT_NE(errors.find("S/K: rotation period of 30 days is out of range; KMS allows 90 to 2560 days"), std::string::npos)
      << errors;
}

TEST(KmsKey, KeyPolicyStatementsNeedAPrincipal) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& key = stack.add<kms::Key>("K");
  key.add_to_resource_policy(iam::PolicyStatement({.actions = {"kms:Decrypt"}, .resources = {"*"}}));
  EXPECT_NE(errors_of(app).find("S/K: key policy statement 2: a policy statement used in a resource-based policy must name "
                                "at least one principal"),
            std::string::npos);
}

}  // namespace
}  // namespace opsynth
