// An S3 bucket (aws-cdk-lib's s3.Bucket): child "Resource" (AWS::S3::Bucket), child "Policy"
// (AWS::S3::BucketPolicy) once a resource-policy statement exists, and, with
// auto_delete_objects, child "AutoDeleteObjectsCustomResource" (Custom::S3AutoDeleteObjects)
// backed by the stack-wide provider (see auto_delete_objects.hpp).
//
//   auto& bucket = stack.add<s3::Bucket>("CanaryArtifacts", s3::BucketProps{
//       .bucket_name = "prod-canary-artifacts",
//       .encryption = s3::BucketEncryption::S3Managed,
//       .lifecycle_rules = {{.expiration_days = 14}},
//       .removal_policy = RemovalPolicy::Destroy,
//       .auto_delete_objects = true});
//   bucket.grant_read_write(role);
//   bucket.add_to_resource_policy(iam::PolicyStatement({...}));
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/construct.hpp"
#include "opsynth/iam/grantable.hpp"
#include "opsynth/iam/policy_document.hpp"

namespace opsynth::cfn::s3 {
class CfnBucket;
class CfnBucketPolicy;
}  // namespace opsynth::cfn::s3
namespace opsynth::kms {
class Key;
}
namespace opsynth::iam {
class Role;
}

namespace opsynth::s3 {

// What every bucket, owned or imported, offers.
class IBucket {
 public:
  virtual ~IBucket() = default;
  virtual Value bucket_arn() const = 0;
  virtual Value bucket_name() const = 0;
  // The owning account when known (imported buckets in another account); else empty.
  virtual std::optional<Value> bucket_account() const { return std::nullopt; }
  // bucket_arn + "/" + pattern, e.g. arn_for_objects("*") or arn_for_objects("logs/*").
  Value arn_for_objects(const std::string& key_pattern) const;
};

// A bucket that exists outside this stack (aws-cdk-lib's Bucket.fromBucketAttributes): a node
// in the tree that renders no resource.
struct BucketAttributes {
  Value bucket_arn{};            // required: arn:aws:s3:::NAME
  std::optional<Value> bucket_name{};  // default: parsed from a literal ARN
  std::optional<Value> account{};    // the owning account (replication destinations)
};

class ImportedBucket : public Construct, public IBucket {
 public:
  ImportedBucket(Construct& scope, std::string id, BucketAttributes attrs);
  Value bucket_arn() const override { return attrs_.bucket_arn; }
  Value bucket_name() const override;
  std::optional<Value> bucket_account() const override { return attrs_.account; }
  void validate(std::vector<std::string>& errors) const override;

 private:
  BucketAttributes attrs_;
};

enum class BucketEncryption {
  Unencrypted,  // no BucketEncryption property (S3 still applies SSE-S3)
  S3Managed,    // SSE-S3: AES256
  KmsManaged,   // SSE-KMS with the AWS managed key aws/s3
  Kms,          // SSE-KMS with BucketProps::encryption_key
};

enum class StorageClass { Glacier, GlacierInstantRetrieval, DeepArchive, IntelligentTiering, OneZoneInfrequentAccess, InfrequentAccess };
// The CloudFormation name, e.g. "GLACIER", "STANDARD_IA".
std::string to_string(StorageClass c);

struct Transition {
  StorageClass storage_class{};
  int transition_after_days{};
};

struct NoncurrentVersionTransition {
  StorageClass storage_class{};
  int transition_after_days{};
};

// A lifecycle rule, rendered like aws-cdk-lib's (Status Enabled unless disabled).
struct LifecycleRule {
  std::string id{};      // empty: no Id
  bool enabled = true;
  std::string prefix{};  // empty: the whole bucket
  std::optional<int> expiration_days{};
  std::vector<Transition> transitions{};
  std::optional<int> noncurrent_version_expiration_days{};
  std::vector<NoncurrentVersionTransition> noncurrent_version_transitions{};
  std::optional<int> abort_incomplete_multipart_upload_after_days{};
  bool expired_object_delete_marker = false;
};

// A replication rule of the source bucket (aws-cdk-lib's ReplicationRule).
struct ReplicationRule {
  const IBucket* destination = nullptr;  // required
  std::string id{};
  std::optional<int> priority{};
  // Replicas owned by the destination account (AccessControlTranslation Owner=Destination);
  // needs the destination's account (ImportedBucket with .account).
  bool access_control_transition = false;
  std::optional<bool> delete_marker_replication{};  // rendered as DeleteMarkerReplication Status
  std::optional<StorageClass> storage_class{};
  std::string prefix{};  // the Filter prefix ("" = every object)
};

struct BucketProps {
  // 3-63 characters: lowercase letters, digits, dots and hyphens, starting and ending with a
  // letter or digit; no "..", not an IP address, no "xn--"/"sthree-" prefix or "-s3alias"/
  // "--ol-s3" suffix. Checked only when literal. Default: CloudFormation generates one.
  std::optional<Value> bucket_name{};
  BucketEncryption encryption = BucketEncryption::Unencrypted;
  const kms::Key* encryption_key = nullptr;  // with BucketEncryption::Kms (implied when set)
  bool bucket_key_enabled = false;
  bool versioned = false;
  std::vector<LifecycleRule> lifecycle_rules{};
  bool block_public_access = false;  // BlockPublicAccess.BLOCK_ALL
  bool enforce_ssl = false;          // Deny s3:* when aws:SecureTransport is false
  RemovalPolicy removal_policy = RemovalPolicy::Retain;
  // Empty the bucket when it is deleted (needs removal_policy Destroy).
  bool auto_delete_objects = false;
  // Cross-account replication (source side); needs versioned = true.
  const iam::Role* replication_role = nullptr;
  std::vector<ReplicationRule> replication_rules{};
};

class Bucket : public Construct, public IBucket, public iam::IResourceWithPolicy {
 public:
  Bucket(Construct& scope, std::string id, BucketProps props = {});

  static ImportedBucket& from_bucket_arn(Construct& scope, std::string id, std::string arn);
  static ImportedBucket& from_bucket_attributes(Construct& scope, std::string id, BucketAttributes attrs);

  Value bucket_arn() const override;   // Fn::GetAtt Arn
  Value bucket_name() const override;  // Ref

  // Adds a statement to the bucket policy (creating child "Policy" on first use).
  void add_to_resource_policy(const iam::PolicyStatement& statement) override;
  // aws-cdk-lib's action lists, on the bucket and its objects ("/*" or the given pattern).
  iam::Grant grant_read(const iam::IGrantable& grantee, const std::string& objects_key_pattern = "*");
  iam::Grant grant_write(const iam::IGrantable& grantee, const std::string& objects_key_pattern = "*");
  iam::Grant grant_read_write(const iam::IGrantable& grantee, const std::string& objects_key_pattern = "*");
  iam::Grant grant_put(const iam::IGrantable& grantee, const std::string& objects_key_pattern = "*");
  iam::Grant grant_delete(const iam::IGrantable& grantee, const std::string& objects_key_pattern = "*");

  void add_lifecycle_rule(LifecycleRule rule) { props_.lifecycle_rules.push_back(std::move(rule)); }
  void add_replication_rule(ReplicationRule rule) { props_.replication_rules.push_back(std::move(rule)); }

  const BucketProps& props() const { return props_; }
  cfn::s3::CfnBucket& resource() { return *resource_; }
  const cfn::s3::CfnBucket& resource() const { return *resource_; }
  // The bucket policy, or nullptr while it has no statement.
  cfn::s3::CfnBucketPolicy* policy() const { return policy_; }
  const iam::PolicyDocument& policy_document() const { return policy_document_; }

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  iam::Grant grant(const iam::IGrantable& grantee, std::vector<std::string> bucket_actions,
                   std::vector<std::string> key_actions, const std::string& objects_key_pattern);
  void enable_auto_delete_objects();

  BucketProps props_;
  cfn::s3::CfnBucket* resource_;
  cfn::s3::CfnBucketPolicy* policy_ = nullptr;
  iam::PolicyDocument policy_document_;
};

// The S3 bucket naming rules; returns the problems of a literal name (empty when valid).
std::vector<std::string> validate_bucket_name(const std::string& name);

}  // namespace opsynth::s3
