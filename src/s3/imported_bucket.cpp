#include "opsynth/s3/bucket.hpp"

namespace opsynth::s3 {

namespace {
constexpr std::string_view kS3ArnPrefix = "arn:aws:s3:::";
}

Value IBucket::arn_for_objects(const std::string& key_pattern) const {
  return fn::join("", {bucket_arn(), "/" + key_pattern});
}

ImportedBucket::ImportedBucket(Construct& scope, std::string id, BucketAttributes attrs)
    : Construct(scope, std::move(id)), attrs_(std::move(attrs)) {}

Value ImportedBucket::bucket_name() const {
  if (attrs_.bucket_name) return *attrs_.bucket_name;
  if (attrs_.bucket_arn.is_string() && attrs_.bucket_arn.as_string().starts_with(kS3ArnPrefix))
    return attrs_.bucket_arn.as_string().substr(kS3ArnPrefix.size());
  // arn:PARTITION:s3:::NAME -> NAME
  return fn::select(5, fn::split(":", attrs_.bucket_arn));
}

void ImportedBucket::validate(std::vector<std::string>& errors) const {
  if (attrs_.bucket_arn.is_string()) {
    const std::string& arn = attrs_.bucket_arn.as_string();
    auto pos = arn.find(":s3:::");
    if (!arn.starts_with("arn:") || pos == std::string::npos || arn.find('/', pos) != std::string::npos)
      errors.push_back("bucket ARN \"" + arn + "\" is not the ARN of a bucket; expected arn:aws:s3:::NAME");
    else
      for (auto& e : validate_bucket_name(arn.substr(pos + 6))) errors.push_back(std::move(e));
  }
  if (attrs_.account && attrs_.account->is_string()) {
    const std::string& a = attrs_.account->as_string();
    if (a.size() != 12 || a.find_first_not_of("0123456789") != std::string::npos)
      errors.push_back("account id \"" + a + "\" is not valid; an AWS account id is 12 digits");
  }
}

ImportedBucket& Bucket::from_bucket_arn(Construct& scope, std::string id, std::string arn) {
  return from_bucket_attributes(scope, std::move(id), {.bucket_arn = std::move(arn)});
}

ImportedBucket& Bucket::from_bucket_attributes(Construct& scope, std::string id, BucketAttributes attrs) {
  return scope.add<ImportedBucket>(std::move(id), std::move(attrs));
}

}  // namespace opsynth::s3
