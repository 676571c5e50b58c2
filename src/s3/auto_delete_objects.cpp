#include "auto_delete_objects.hpp"

#include "opsynth/cfn/iam/role.hpp"
#include "opsynth/cfn/lambda/function.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/nag/suppressions.hpp"

namespace opsynth::s3 {

AutoDeleteObjectsProvider& AutoDeleteObjectsProvider::of(Construct& scope, const Value& first_bucket_name) {
  Stack& stack = scope.stack();
  if (auto* existing = dynamic_cast<AutoDeleteObjectsProvider*>(stack.find_child(kId))) return *existing;
  return stack.add<AutoDeleteObjectsProvider>(kId, first_bucket_name);
}

AutoDeleteObjectsProvider::AutoDeleteObjectsProvider(Construct& scope, std::string id, const Value& first_bucket_name)
    : Construct(scope, std::move(id)) {
  // Rendered like aws-cdk-lib's CustomResourceProvider role (Version first, Fn::Sub ARN).
  role_ = &add<cfn::iam::CfnRole>("Role");
  role_->props().assume_role_policy_document = cfn::Json(Value::object(
      {{"Version", "2012-10-17"},
       {"Statement", Value::list({Value::object({{"Action", "sts:AssumeRole"},
                                                 {"Effect", "Allow"},
                                                 {"Principal", Value::object({{"Service", "lambda.amazonaws.com"}})}})})}}));
  role_->props().managed_policy_arns = cfn::List<cfn::String>(
      {cfn::String(fn::sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))});

  handler_ = &add<cfn::lambda::CfnFunction>("Handler");
  auto& p = handler_->props();
  cfn::lambda::function::CodeProperty code;
  code.zip_file = kAutoDeleteObjectsHandler;
  p.code = std::move(code);
  p.timeout = 900;
  p.memory_size = 128;
  p.handler = "index.handler";
  p.role = role_->attr_arn();
  p.runtime = "python3.12";
  p.description = fn::concat({"Lambda function for auto-deleting objects in ", first_bucket_name, " S3 bucket."});
  handler_->add_depends_on(*role_);
  nag::add_resource_suppressions(
      *handler_, {{.id = "AwsSolutions-L1",
                   .reason = "The inline handler's Python runtime is supported by AWS Lambda; cdk-nag asks for "
                             "aws-cdk-lib's newest name (python3.15), which CloudFormation's schema does not list."}});
}

Value AutoDeleteObjectsProvider::service_token() const { return handler_->get_att("Arn"); }
Value AutoDeleteObjectsProvider::role_arn() const { return role_->attr_arn(); }

}  // namespace opsynth::s3
