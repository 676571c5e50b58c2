// Which resources a backup plan backs up (aws-cdk-lib's backup.BackupSelection): child "Role"
// (the IAM role AWS Backup assumes, with the AWS Backup service-role managed policies) unless a
// role is given, and child "Resource" (AWS::Backup::BackupSelection).
//
//   plan.add_selection("DynamoDBSelection", {.resources = {
//       backup::BackupResource::from_dynamodb_table(bundles),
//       backup::BackupResource::from_dynamodb_table(receipts)}});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::backup {
class CfnBackupSelection;
}
namespace opsynth::dynamodb {
class Table;
}
namespace opsynth::iam {
class Role;
}

namespace opsynth::backup {

class BackupPlan;

// A resource by ARN, or every resource carrying a tag.
class BackupResource {
 public:
  static BackupResource from_arn(Value arn);
  static BackupResource from_dynamodb_table(const dynamodb::Table& table);
  static BackupResource from_tag(std::string key, std::string value);

  const std::optional<Value>& arn() const { return arn_; }
  const std::optional<std::pair<std::string, std::string>>& tag() const { return tag_; }

 private:
  BackupResource() = default;
  std::optional<Value> arn_;
  std::optional<std::pair<std::string, std::string>> tag_;
};

struct BackupSelectionOptions {
  std::vector<BackupResource> resources;
  std::string backup_selection_name;  // default: the construct id
  iam::Role* role = nullptr;          // default: a new role assumed by backup.amazonaws.com
  // aws-cdk-lib: the role gets AWSBackupServiceRolePolicyForBackup unless disabled, and
  // AWSBackupServiceRolePolicyForRestores when restores are allowed.
  bool disable_default_backup_policy = false;
  bool allow_restores = false;
};

class BackupSelection : public Construct {
 public:
  BackupSelection(Construct& scope, std::string id, const BackupPlan& plan, BackupSelectionOptions options);

  void add_resource(const BackupResource& resource);
  iam::Role& role() const { return *role_; }
  Value selection_id() const;

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  BackupSelectionOptions options_;
  iam::Role* role_;
  cfn::backup::CfnBackupSelection* resource_;
};

}  // namespace opsynth::backup
