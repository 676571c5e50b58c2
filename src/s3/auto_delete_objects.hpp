// The stack-wide provider behind Bucket's auto_delete_objects (private to src/s3).
//
// aws-cdk-lib builds the same tree (construct "Custom::S3AutoDeleteObjectsCustomResourceProvider"
// under the stack, children "Role" and "Handler", so the logical IDs match), but its handler
// is Node.js code published as a bootstrap-bucket asset. DELIBERATE DIFFERENCE: opsynth's
// templates carry no assets, so the handler is a small Python function inline in
// Code.ZipFile (runtime python3.12, using the cfnresponse module AWS provides to inline code).
#pragma once

#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::iam {
class CfnRole;
}
namespace opsynth::cfn::lambda {
class CfnFunction;
}

namespace opsynth::s3 {

class AutoDeleteObjectsProvider : public Construct {
 public:
  static constexpr const char* kId = "Custom::S3AutoDeleteObjectsCustomResourceProvider";
  static constexpr const char* kResourceType = "Custom::S3AutoDeleteObjects";
  // The tag a bucket must carry for the handler to empty it (aws-cdk-lib's).
  static constexpr const char* kTag = "aws-cdk:auto-delete-objects";

  // The provider of `scope`'s stack, created on first use; `first_bucket_name` names the
  // bucket in the handler's description (aws-cdk-lib names the first bucket too).
  static AutoDeleteObjectsProvider& of(Construct& scope, const Value& first_bucket_name);

  AutoDeleteObjectsProvider(Construct& scope, std::string id, const Value& first_bucket_name);

  Value service_token() const;  // the handler's ARN
  Value role_arn() const;
  const cfn::lambda::CfnFunction& handler() const { return *handler_; }

 private:
  cfn::iam::CfnRole* role_;
  cfn::lambda::CfnFunction* handler_;
};

// The handler's Python source (Code.ZipFile); at most 4096 bytes, CloudFormation's limit.
extern const char* const kAutoDeleteObjectsHandler;

}  // namespace opsynth::s3
