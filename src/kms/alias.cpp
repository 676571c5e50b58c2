
#include "opsynth/cfn/kms/alias.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/kms/key.hpp"

namespace opsynth::kms {

namespace {
constexpr std::string_view kAliasPrefix = "alias/";
}

Alias::Alias(Construct& scope, std::string id, std::string alias_name, Value target_key_arn)
    : Construct(scope, std::move(id)),
      // aws-cdk-lib prepends "alias/" when it is missing.
      alias_name_(alias_name.starts_with(kAliasPrefix) ? std::move(alias_name)
                                                       : std::string(kAliasPrefix) + alias_name) {
  resource_ = &add<cfn::kms::CfnAlias>("Resource", cfn::kms::CfnAliasProps{.alias_name = alias_name_,
                                                                           .target_key_id = target_key_arn});
}

void Alias::validate(std::vector<std::string>& errors) const {
  static const Regex kAliasName("^alias/[a-zA-Z0-9:/_-]+$");
  if (alias_name_.starts_with("alias/aws/"))
    errors.push_back("alias \"" + alias_name_ + "\" starts with alias/aws/, which is reserved for AWS managed keys");
  else if (!kAliasName.full_match(alias_name_))
    errors.push_back("alias \"" + alias_name_ +
                     "\" is not valid; after alias/ use letters, digits and the characters :/_-");
  if (alias_name_.size() > 256)
    errors.push_back("alias \"" + alias_name_ + "\" is " + std::to_string(alias_name_.size()) +
                     " characters long; KMS allows at most 256");
}

}  // namespace opsynth::kms
