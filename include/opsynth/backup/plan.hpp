// An AWS Backup plan (aws-cdk-lib's backup.BackupPlan): child "Resource"
// (AWS::Backup::BackupPlan); child "Vault" (a BackupVault with a generated name, the AWS
// managed key and RETAIN) when a rule needs a vault and the plan was given none; one child per
// add_selection.
//
//   auto& plan = stack.add<backup::BackupPlan>("BackupPlan", backup::BackupPlanProps{
//       .backup_plan_name = "submit-env-backup-plan", .rules = {daily_rule}});
//   plan.add_selection("DynamoDBSelection", {.resources = {backup::BackupResource::from_dynamodb_table(t)}});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/backup/rule.hpp"
#include "opsynth/backup/selection.hpp"
#include "opsynth/backup/vault.hpp"
#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::backup {
class CfnBackupPlan;
}

namespace opsynth::backup {

struct BackupPlanProps {
  std::string backup_plan_name;  // default: the construct id
  std::vector<BackupPlanRule> rules;
  const IBackupVault* backup_vault = nullptr;  // default vault of the rules
};

class BackupPlan : public Construct {
 public:
  BackupPlan(Construct& scope, std::string id, BackupPlanProps props = {});

  void add_rule(BackupPlanRule rule);
  BackupSelection& add_selection(std::string id, BackupSelectionOptions options);

  Value backup_plan_id() const;   // Fn::GetAtt BackupPlanId
  Value backup_plan_arn() const;  // Fn::GetAtt BackupPlanArn
  // The rules' default vault (nullptr until a rule needed one and none was given).
  const IBackupVault* backup_vault() const { return vault_; }
  cfn::backup::CfnBackupPlan& resource() { return *resource_; }

  void prepare() override;
  void validate(std::vector<std::string>& errors) const override;

 private:
  struct AddedRule {
    BackupPlanRule rule;
    const IBackupVault* vault;
  };
  BackupPlanProps props_;
  std::vector<AddedRule> rules_;
  const IBackupVault* vault_;
  cfn::backup::CfnBackupPlan* resource_;
};

}  // namespace opsynth::backup
