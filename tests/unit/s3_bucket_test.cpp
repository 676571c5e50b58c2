// s3::Bucket: naming rules, encryption, replication (source side), auto-delete and grants.
#include <gtest/gtest.h>

#include <cstring>

#include "opsynth/cfn/s3/bucket.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/kms/key.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth/testing/template.hpp"
#include "synth_errors_fixture.hpp"

namespace opsynth::s3 {
extern const char* const kAutoDeleteObjectsHandler;  // src/s3/auto_delete_objects_handler.cpp
}

namespace opsynth {
namespace {

using assertions::Template;
using testing_errors::errors_of;

TEST(S3BucketName, AcceptsValidNames) {
  EXPECT_TRUE(s3::validate_bucket_name("diy-submit-backup-333333333333").empty());
  EXPECT_TRUE(s3::validate_bucket_name("a.b-c").empty());
}

TEST(S3BucketName, ExplainsEachRule) {
  auto first = [](const std::string& n) {
    auto e = s3::validate_bucket_name(n);
    return e.empty() ? std::string() : e.front();
  };
  EXPECT_EQ(first("ab"), "bucket name \"ab\" is 2 characters long; S3 allows 3 to 63");
  EXPECT_EQ(first(std::string(64, 'a')), "bucket name \"" + std::string(64, 'a') + "\" is 64 characters long; S3 allows 3 to 63");
  EXPECT_EQ(first("My_Bucket"),
            "bucket name \"My_Bucket\" has characters S3 does not allow (uppercase letters, underscores...); "
            "use lowercase letters, digits, dots and hyphens");
  EXPECT_EQ(first("-abc"), "bucket name \"-abc\" must start and end with a lowercase letter or a digit");
  EXPECT_EQ(first("a..b"), "bucket name \"a..b\" has two adjacent periods; S3 does not allow them");
  EXPECT_EQ(first("192.168.1.1"), "bucket name \"192.168.1.1\" is formatted as an IP address; S3 does not allow it");
  EXPECT_EQ(first("xn--bucket"), "bucket name \"xn--bucket\" starts with \"xn--\", a prefix S3 reserves");
  EXPECT_EQ(first("bucket-s3alias"), "bucket name \"bucket-s3alias\" ends with \"-s3alias\", a suffix S3 reserves");
}

TEST(S3Bucket, LiteralNamesAreValidatedAtSynthWithThePath) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<s3::Bucket>("B", s3::BucketProps{.bucket_name = "Bad_Name"});
  stack.add<s3::Bucket>("Ok", s3::BucketProps{.bucket_name = fn::concat({"x-", aws::account_id()})});  // not literal: skipped
  auto errors = errors_of(app);
  EXPECT_NE(errors.find("S/B: bucket name \"Bad_Name\" has characters S3 does not allow"), std::string::npos) << errors;
  EXPECT_EQ(errors.find("S/Ok"), std::string::npos) << errors;
}

TEST(S3Bucket, DefaultsRetainLikeAwsCdkLib) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<s3::Bucket>("B");
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::S3::Bucket", {{"DeletionPolicy", "Retain"}, {"UpdateReplacePolicy", "Retain"}});
  t.resource_count_is("AWS::S3::BucketPolicy", 0);
}

TEST(S3Bucket, KmsWithAKeyAndVersionedGlacierLifecycleRendersLikeTheBackupBucket) {
  App app;
  auto& stack = app.add<Stack>("S", StackProps{.env = {"333333333333", "eu-west-2"}});
  auto& key = stack.add<kms::Key>("BackupKey");
  stack.add<s3::Bucket>("BackupBucket",
                        s3::BucketProps{.bucket_name = "diy-submit-backup-333333333333",
                                        .encryption = s3::BucketEncryption::Kms,
                                        .encryption_key = &key,
                                        .bucket_key_enabled = true,
                                        .versioned = true,
                                        .lifecycle_rules = {{.transitions = {{s3::StorageClass::Glacier, 90}},
                                                             .noncurrent_version_expiration_days = 365}},
                                        .block_public_access = true,
                                        .enforce_ssl = true});
  auto t = Template::from_stack(stack);
  // From aws-cdk-lib's BackupBucket26B8E51C in tests/node/parity/app.js.
  EXPECT_EQ(t.resource("BackupBucket26B8E51C")["Properties"], Json::parse(R"({
    "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"BucketKeyEnabled": true,
      "ServerSideEncryptionByDefault": {"KMSMasterKeyID": {"Fn::GetAtt": ["BackupKey60B97760", "Arn"]}, "SSEAlgorithm": "aws:kms"}}]},
    "BucketName": "diy-submit-backup-333333333333",
    "LifecycleConfiguration": {"Rules": [{"NoncurrentVersionExpiration": {"NoncurrentDays": 365}, "Status": "Enabled",
      "Transitions": [{"StorageClass": "GLACIER", "TransitionInDays": 90}]}]},
    "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true,
      "RestrictPublicBuckets": true},
    "VersioningConfiguration": {"Status": "Enabled"}})"));
  t.has_resource_properties("AWS::S3::BucketPolicy", Json::parse(R"({"PolicyDocument": {"Statement": [{
    "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}, "Effect": "Deny", "Principal": {"AWS": "*"},
    "Resource": [{"Fn::GetAtt": ["BackupBucket26B8E51C", "Arn"]},
                 {"Fn::Join": ["", [{"Fn::GetAtt": ["BackupBucket26B8E51C", "Arn"]}, "/*"]]}]}]}})"));
}

TEST(S3Bucket, CrossAccountReplicationRendersLikeTheOriginAssetsBucket) {
  App app;
  auto& stack = app.add<Stack>("S", StackProps{.env = {"222222222222", "eu-west-2"}});
  auto& dest = s3::Bucket::from_bucket_attributes(
      stack, "BackupAccountBucket", {.bucket_arn = "arn:aws:s3:::diy-submit-backup-333333333333", .account = "333333333333"});
  auto& role = stack.add<iam::Role>("OriginAssetsReplicationRole",
                                    iam::RoleProps{.assumed_by = iam::ServicePrincipal("s3.amazonaws.com")});
  stack.add<s3::Bucket>("OriginAssetsBucket",
                        s3::BucketProps{.versioned = true,
                                        .replication_role = &role,
                                        .replication_rules = {{.destination = &dest,
                                                               .id = "ReplicateToBackupAccount",
                                                               .priority = 1,
                                                               .access_control_transition = true,
                                                               .delete_marker_replication = false}}});
  auto t = Template::from_stack(stack);
  // From aws-cdk-lib's OriginAssetsBucketF9F9D97A in tests/node/parity/app.js.
  t.has_resource_properties("AWS::S3::Bucket", {{"ReplicationConfiguration", Json::parse(R"({
    "Role": {"Fn::GetAtt": ["OriginAssetsReplicationRole99493AF9", "Arn"]},
    "Rules": [{"DeleteMarkerReplication": {"Status": "Disabled"},
      "Destination": {"AccessControlTranslation": {"Owner": "Destination"}, "Account": "333333333333",
                      "Bucket": "arn:aws:s3:::diy-submit-backup-333333333333"},
      "Filter": {"Prefix": ""}, "Id": "ReplicateToBackupAccount", "Priority": 1, "Status": "Enabled"}]})")}});
  EXPECT_EQ(dest.bucket_name(), Value("diy-submit-backup-333333333333"));
}

TEST(S3Bucket, ReplicationNeedsVersioningAndARole) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& dest = s3::Bucket::from_bucket_arn(stack, "Dest", "arn:aws:s3:::dest-bucket");
  stack.add<s3::Bucket>("Src", s3::BucketProps{.replication_rules = {{.destination = &dest, .access_control_transition = true}}});
  auto errors = errors_of(app);
  EXPECT_NE(errors.find("S/Src: replication rules need a versioned bucket; set versioned = true"), std::string::npos) << errors;
  EXPECT_NE(errors.find("S/Src: replication rules need a replication_role"), std::string::npos) << errors;
  EXPECT_NE(errors.find("S/Src: replication rule 1: access_control_transition needs the destination's account"),
            std::string::npos)
      << errors;
}

TEST(S3Bucket, ImportedBucketArnMustBeABucketArn) {
  App app;
  auto& stack = app.add<Stack>("S");
  s3::Bucket::from_bucket_arn(stack, "Dest", "arn:aws:s3:::bucket/key");
  EXPECT_NE(errors_of(app).find("S/Dest: bucket ARN \"arn:aws:s3:::bucket/key\" is not the ARN of a bucket"),
            std::string::npos);
}

TEST(S3Bucket, AutoDeleteNeedsRemovalPolicyDestroy) {
  App app;
  auto& stack = app.add<Stack>("S");
  stack.add<s3::Bucket>("B", s3::BucketProps{.auto_delete_objects = true});
  EXPECT_NE(errors_of(app).find("S/B: auto_delete_objects needs removal_policy Destroy"), std::string::npos);
}

TEST(S3Bucket, AutoDeleteProviderIsSharedAndInline) {
  App app;
  auto& stack = app.add<Stack>("S");
  for (const char* id : {"A", "B"})
    stack.add<s3::Bucket>(id, s3::BucketProps{.removal_policy = RemovalPolicy::Destroy, .auto_delete_objects = true});
  auto t = Template::from_stack(stack);
  t.resource_count_is("Custom::S3AutoDeleteObjects", 2);
  t.resource_count_is("AWS::Lambda::Function", 1);
  t.has_resource_properties("AWS::Lambda::Function",
                            {{"Code", {{"ZipFile", std::string(s3::kAutoDeleteObjectsHandler)}}},
                             {"Handler", "index.handler"},
                             {"Runtime", "python3.12"}});
  t.has_resource_properties("AWS::S3::Bucket",
                            {{"Tags", Json::array({{{"Key", "aws-cdk:auto-delete-objects"}, {"Value", "true"}}})}});
}

TEST(S3Bucket, AutoDeleteHandlerFitsInlineAndEmptiesVersions) {
  // CloudFormation's Code.ZipFile limit is 4096 characters.
  EXPECT_LE(std::strlen(s3::kAutoDeleteObjectsHandler), 4096u);
  const std::string code = s3::kAutoDeleteObjectsHandler;
  EXPECT_NE(code.find("list_object_versions"), std::string::npos);
  EXPECT_NE(code.find("DeleteMarkers"), std::string::npos);
  EXPECT_NE(code.find("aws-cdk:auto-delete-objects"), std::string::npos);
}

TEST(S3Bucket, GrantToAServicePrincipalGoesToTheBucketPolicy) {
  App app;
  auto& stack = app.add<Stack>("S");
  auto& b = stack.add<s3::Bucket>("B");
  auto g = b.grant_read(iam::ServicePrincipal("logs.amazonaws.com"));
  EXPECT_TRUE(g.resource_statement_added);
  auto t = Template::from_stack(stack);
  const std::string id = b.resource().logical_id();
  t.has_resource_properties(
      "AWS::S3::BucketPolicy",
      {{"PolicyDocument",
        {{"Statement", Json::array({{{"Action", {"s3:GetObject*", "s3:GetBucket*", "s3:List*"}},
                                     {"Effect", "Allow"},
                                     {"Principal", {{"Service", "logs.amazonaws.com"}}},
                                     {"Resource", Json::array({{{"Fn::GetAtt", {id, "Arn"}}},
                                                               {{"Fn::Join", {"", Json::array({{{"Fn::GetAtt", {id, "Arn"}}}, "/*"})}}}})}}})}}}});
}

}  // namespace
}  // namespace opsynth
