#include "opsynth/s3/bucket.hpp"

#include "auto_delete_objects.hpp"
#include "opsynth/cfn/s3/bucket.hpp"
#include "opsynth/cfn/s3/bucket_policy.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/kms/key.hpp"

namespace opsynth::s3 {

namespace {
namespace b = cfn::s3::bucket;

// aws-s3/lib/perms (with @aws-cdk/aws-s3:grantWriteWithoutAcl, on by default in v2).
const std::vector<std::string> kReadActions = {"s3:GetObject*", "s3:GetBucket*", "s3:List*"};
const std::vector<std::string> kPutActions = {"s3:PutObject",        "s3:PutObjectLegalHold",    "s3:PutObjectRetention",
                                              "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:Abort*"};
const std::vector<std::string> kDeleteActions = {"s3:DeleteObject*"};
const std::vector<std::string> kKeyReadActions = {"kms:Decrypt", "kms:DescribeKey"};
const std::vector<std::string> kKeyWriteActions = {"kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Decrypt"};

std::vector<std::string> concat(std::initializer_list<std::vector<std::string>> lists) {
  std::vector<std::string> out;
  for (const auto& l : lists)
    for (const auto& a : l)
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  return out;
}

Value encryption_value(const BucketProps& p) {
  ValueMap by_default;
  switch (p.encryption) {
    case BucketEncryption::Unencrypted:
      return Value();
    case BucketEncryption::S3Managed:
      by_default = {{"SSEAlgorithm", "AES256"}};
      break;
    case BucketEncryption::KmsManaged:
      by_default = {{"SSEAlgorithm", "aws:kms"}};
      break;
    case BucketEncryption::Kms:
      by_default = {{"KMSMasterKeyID", p.encryption_key->key_arn()}, {"SSEAlgorithm", "aws:kms"}};
      break;
  }
  ValueMap rule;
  if (p.bucket_key_enabled) rule.emplace_back("BucketKeyEnabled", true);
  rule.emplace_back("ServerSideEncryptionByDefault", Value::object(std::move(by_default)));
  return Value::object({{"ServerSideEncryptionConfiguration", Value::list({Value::object(std::move(rule))})}});
}

// A lifecycle rule as aws-cdk-lib's parseLifecycleConfiguration renders it (keys sorted).
Value lifecycle_rule_value(const LifecycleRule& r) {
  ValueMap out;
  if (r.abort_incomplete_multipart_upload_after_days)
    out.emplace_back("AbortIncompleteMultipartUpload",
                     Value::object({{"DaysAfterInitiation", *r.abort_incomplete_multipart_upload_after_days}}));
  if (r.expiration_days) out.emplace_back("ExpirationInDays", *r.expiration_days);
  if (r.expired_object_delete_marker) out.emplace_back("ExpiredObjectDeleteMarker", true);
  if (!r.id.empty()) out.emplace_back("Id", r.id);
  if (r.noncurrent_version_expiration_days)
    out.emplace_back("NoncurrentVersionExpiration", Value::object({{"NoncurrentDays", *r.noncurrent_version_expiration_days}}));
  if (!r.noncurrent_version_transitions.empty()) {
    std::vector<Value> ts;
    for (const auto& t : r.noncurrent_version_transitions)
      ts.push_back(Value::object({{"StorageClass", to_string(t.storage_class)}, {"TransitionInDays", t.transition_after_days}}));
    out.emplace_back("NoncurrentVersionTransitions", Value::list(std::move(ts)));
  }
  if (!r.prefix.empty()) out.emplace_back("Prefix", r.prefix);
  out.emplace_back("Status", r.enabled ? "Enabled" : "Disabled");
  if (!r.transitions.empty()) {
    std::vector<Value> ts;
    for (const auto& t : r.transitions)
      ts.push_back(Value::object({{"StorageClass", to_string(t.storage_class)}, {"TransitionInDays", t.transition_after_days}}));
    out.emplace_back("Transitions", Value::list(std::move(ts)));
  }
  return Value::object(std::move(out));
}

Value replication_rule_value(const ReplicationRule& r) {
  ValueMap out;
  if (r.delete_marker_replication)
    out.emplace_back("DeleteMarkerReplication",
                     Value::object({{"Status", *r.delete_marker_replication ? "Enabled" : "Disabled"}}));
  ValueMap dest;
  if (r.access_control_transition)
    dest.emplace_back("AccessControlTranslation", Value::object({{"Owner", "Destination"}}));
  if (auto account = r.destination->bucket_account()) dest.emplace_back("Account", *account);
  dest.emplace_back("Bucket", r.destination->bucket_arn());
  if (r.storage_class) dest.emplace_back("StorageClass", to_string(*r.storage_class));
  out.emplace_back("Destination", Value::object(std::move(dest)));
  // The V2 rule schema (with Priority / DeleteMarkerReplication) needs a Filter.
  out.emplace_back("Filter", Value::object({{"Prefix", r.prefix}}));
  if (!r.id.empty()) out.emplace_back("Id", r.id);
  if (r.priority) out.emplace_back("Priority", *r.priority);
  out.emplace_back("Status", "Enabled");
  return Value::object(std::move(out));
}

}  // namespace

std::string to_string(StorageClass c) {
  switch (c) {
    case StorageClass::Glacier: return "GLACIER";
    case StorageClass::GlacierInstantRetrieval: return "GLACIER_IR";
    case StorageClass::DeepArchive: return "DEEP_ARCHIVE";
    case StorageClass::IntelligentTiering: return "INTELLIGENT_TIERING";
    case StorageClass::OneZoneInfrequentAccess: return "ONEZONE_IA";
    case StorageClass::InfrequentAccess: return "STANDARD_IA";
  }
  return "";
}

Bucket::Bucket(Construct& scope, std::string id, BucketProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  if (props_.encryption_key && props_.encryption == BucketEncryption::Unencrypted)
    props_.encryption = BucketEncryption::Kms;  // a key implies KMS, as in aws-cdk-lib
  resource_ = &add<cfn::s3::CfnBucket>("Resource");
  resource_->apply_removal_policy(props_.removal_policy);
  // Same order as aws-cdk-lib's constructor: the SSL statement comes first in the policy.
  if (props_.enforce_ssl) {
    add_to_resource_policy(iam::PolicyStatement({
        .effect = iam::Effect::Deny,
        .actions = {"s3:*"},
        .resources = {bucket_arn(), arn_for_objects("*")},
        .principals = {iam::AnyPrincipal()},
        .conditions = {{"Bool", Value::object({{"aws:SecureTransport", "false"}})}},
    }));
  }
  if (props_.auto_delete_objects) enable_auto_delete_objects();
}

Value Bucket::bucket_arn() const { return resource_->get_att("Arn"); }
Value Bucket::bucket_name() const { return resource_->ref(); }

void Bucket::add_to_resource_policy(const iam::PolicyStatement& statement) {
  if (!policy_) {
    // aws-cdk-lib's BucketPolicy construct: "Policy" with its L1 as "Resource".
    policy_ = &add<Construct>("Policy").add<cfn::s3::CfnBucketPolicy>("Resource");
    policy_->props().bucket = bucket_name();
  }
  policy_document_.add_statement(statement);
}

void Bucket::enable_auto_delete_objects() {
  auto& provider = AutoDeleteObjectsProvider::of(*this, bucket_name());
  // The handler's role may list and delete objects (and, as in aws-cdk-lib, set the policy).
  add_to_resource_policy(iam::PolicyStatement({
      .actions = {"s3:PutBucketPolicy", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*"},
      .resources = {bucket_arn(), arn_for_objects("*")},
      .principals = {iam::ArnPrincipal(provider.role_arn())},
  }));
  auto& custom = add<CfnResource>("AutoDeleteObjectsCustomResource", AutoDeleteObjectsProvider::kResourceType);
  custom.set_property("ServiceToken", provider.service_token());
  custom.set_property("BucketName", bucket_name());
  // The policy must outlive the custom resource, or the handler loses its permissions first.
  custom.add_depends_on(*policy_);
  custom.apply_removal_policy(RemovalPolicy::Destroy);
  resource_->add_own_tag({AutoDeleteObjectsProvider::kTag, "true"});
}

iam::Grant Bucket::grant(const iam::IGrantable& grantee, std::vector<std::string> bucket_actions,
                         std::vector<std::string> key_actions, const std::string& objects_key_pattern) {
  auto g = iam::Grant::add_to_principal_or_resource(grantee, std::move(bucket_actions),
                                                    {bucket_arn(), arn_for_objects(objects_key_pattern)}, *this, {});
  if (props_.encryption_key && !key_actions.empty())
    const_cast<kms::Key*>(props_.encryption_key)->grant(grantee, std::move(key_actions));
  return g;
}

iam::Grant Bucket::grant_read(const iam::IGrantable& grantee, const std::string& pattern) {
  return grant(grantee, kReadActions, kKeyReadActions, pattern);
}
iam::Grant Bucket::grant_write(const iam::IGrantable& grantee, const std::string& pattern) {
  return grant(grantee, concat({kDeleteActions, kPutActions}), kKeyWriteActions, pattern);
}
iam::Grant Bucket::grant_read_write(const iam::IGrantable& grantee, const std::string& pattern) {
  return grant(grantee, concat({kReadActions, kDeleteActions, kPutActions}), concat({kKeyReadActions, kKeyWriteActions}),
               pattern);
}
iam::Grant Bucket::grant_put(const iam::IGrantable& grantee, const std::string& pattern) {
  return grant(grantee, kPutActions, kKeyWriteActions, pattern);
}
iam::Grant Bucket::grant_delete(const iam::IGrantable& grantee, const std::string& pattern) {
  // aws-cdk-lib grants deletes on the objects only.
  return iam::Grant::add_to_principal_or_resource(grantee, kDeleteActions, {arn_for_objects(pattern)}, *this, {});
}

void Bucket::prepare() {
  auto& p = resource_->props();
  if (auto enc = encryption_value(props_); !enc.is_null()) p.bucket_encryption = cfn::Object<b::BucketEncryptionProperty>(enc);
  if (props_.bucket_name) p.bucket_name = cfn::String(*props_.bucket_name);
  if (!props_.lifecycle_rules.empty()) {
    std::vector<Value> rules;
    for (const auto& r : props_.lifecycle_rules) rules.push_back(lifecycle_rule_value(r));
    p.lifecycle_configuration =
        cfn::Object<b::LifecycleConfigurationProperty>(Value::object({{"Rules", Value::list(std::move(rules))}}));
  }
  if (props_.block_public_access)
    p.public_access_block_configuration = cfn::Object<b::PublicAccessBlockConfigurationProperty>(
        Value::object({{"BlockPublicAcls", true}, {"BlockPublicPolicy", true}, {"IgnorePublicAcls", true},
                       {"RestrictPublicBuckets", true}}));
  if (!props_.replication_rules.empty() && props_.replication_role) {
    std::vector<Value> rules;
    for (const auto& r : props_.replication_rules)
      if (r.destination) rules.push_back(replication_rule_value(r));
    p.replication_configuration = cfn::Object<b::ReplicationConfigurationProperty>(
        Value::object({{"Role", props_.replication_role->role_arn()}, {"Rules", Value::list(std::move(rules))}}));
  }
  if (props_.versioned)
    p.versioning_configuration = cfn::Object<b::VersioningConfigurationProperty>(Value::object({{"Status", "Enabled"}}));
  if (policy_) policy_->props().policy_document = cfn::Json(policy_document_.to_value());
}

void Bucket::validate(std::vector<std::string>& errors) const {
  if (props_.bucket_name && props_.bucket_name->is_string())
    for (auto& e : validate_bucket_name(props_.bucket_name->as_string())) errors.push_back(std::move(e));
  if (props_.encryption == BucketEncryption::Kms && !props_.encryption_key)
    errors.push_back("KMS encryption needs an encryption_key; give one or use BucketEncryption::KmsManaged");
  if (props_.encryption_key && props_.encryption != BucketEncryption::Kms)
    errors.push_back("an encryption_key is given but encryption is not BucketEncryption::Kms; use Kms with the key");
  if (props_.bucket_key_enabled && props_.encryption == BucketEncryption::Unencrypted)
    errors.push_back("bucket_key_enabled needs encryption; set encryption to Kms, KmsManaged or S3Managed");
  if (props_.auto_delete_objects && props_.removal_policy != RemovalPolicy::Destroy)
    errors.push_back("auto_delete_objects needs removal_policy Destroy; a retained bucket must keep its objects");
  for (std::size_t i = 0; i < props_.lifecycle_rules.size(); ++i) {
    const auto& r = props_.lifecycle_rules[i];
    const std::string where = "lifecycle rule " + std::to_string(i + 1) + ": ";
    if (!r.expiration_days && r.transitions.empty() && !r.noncurrent_version_expiration_days &&
        r.noncurrent_version_transitions.empty() && !r.abort_incomplete_multipart_upload_after_days &&
        !r.expired_object_delete_marker)
      errors.push_back(where + "the rule does nothing; give an expiration, a transition or an abort of multipart uploads");
    for (const auto& t : r.transitions)
      if (r.expiration_days && t.transition_after_days >= *r.expiration_days)
        errors.push_back(where + "transition to " + to_string(t.storage_class) + " after " +
                         std::to_string(t.transition_after_days) + " days is not before the expiration after " +
                         std::to_string(*r.expiration_days) + " days; transitions must come first");
  }
  if (!props_.replication_rules.empty()) {
    if (!props_.versioned)
      errors.push_back("replication rules need a versioned bucket; set versioned = true");
    if (!props_.replication_role)
      errors.push_back("replication rules need a replication_role that S3 assumes (service principal s3.amazonaws.com)");
    for (std::size_t i = 0; i < props_.replication_rules.size(); ++i) {
      const auto& r = props_.replication_rules[i];
      const std::string where = "replication rule " + std::to_string(i + 1) + ": ";
      if (!r.destination) errors.push_back(where + "no destination bucket; give one");
      else if (r.access_control_transition && !r.destination->bucket_account())
        errors.push_back(where + "access_control_transition needs the destination's account; import the bucket with .account");
    }
  } else if (props_.replication_role) {
    errors.push_back("a replication_role is given without replication rules; add a rule or drop the role");
  }
  for (auto& e : policy_document_.validate_for_resource_policy()) errors.push_back("bucket policy " + e);
}

}  // namespace opsynth::s3
