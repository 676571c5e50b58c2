#include "opsynth/backup/selection.hpp"

#include <fmt/format.h>

#include "opsynth/backup/plan.hpp"
#include "opsynth/cfn/backup/backup_selection.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/dynamodb/table.hpp"
#include "opsynth/iam/role.hpp"

namespace opsynth::backup {

using CfnBackupSelection = cfn::backup::CfnBackupSelection;

BackupResource BackupResource::from_arn(Value arn) {
  BackupResource r;
  r.arn_ = std::move(arn);
  return r;
}

BackupResource BackupResource::from_dynamodb_table(const dynamodb::Table& table) { return from_arn(table.table_arn()); }

BackupResource BackupResource::from_tag(std::string key, std::string value) {
  BackupResource r;
  r.tag_ = std::pair{std::move(key), std::move(value)};
  return r;
}

BackupSelection::BackupSelection(Construct& scope, std::string id, const BackupPlan& plan,
                                 BackupSelectionOptions options)
    : Construct(scope, std::move(id)), options_(std::move(options)) {
  role_ = options_.role != nullptr
              ? options_.role
              : &add<iam::Role>("Role", iam::RoleProps{.assumed_by = iam::ServicePrincipal("backup.amazonaws.com")});
  if (!options_.disable_default_backup_policy)
    role_->add_managed_policy(
        iam::ManagedPolicy::from_aws_managed_policy_name("service-role/AWSBackupServiceRolePolicyForBackup"));
  if (options_.allow_restores)
    role_->add_managed_policy(
        iam::ManagedPolicy::from_aws_managed_policy_name("service-role/AWSBackupServiceRolePolicyForRestores"));
  if (options_.backup_selection_name.empty()) options_.backup_selection_name = this->id();
  resource_ = &add<CfnBackupSelection>("Resource", CfnBackupSelection::Props{.backup_plan_id = plan.backup_plan_id()});
}

void BackupSelection::add_resource(const BackupResource& resource) { options_.resources.push_back(resource); }

Value BackupSelection::selection_id() const { return resource_->attr_selection_id(); }

void BackupSelection::prepare() {
  CfnBackupSelection::BackupSelectionResourceTypeProperty selection;
  selection.iam_role_arn = role_->role_arn();
  selection.selection_name = options_.backup_selection_name;
  std::vector<cfn::String> arns;
  std::vector<cfn::Object<CfnBackupSelection::ConditionResourceTypeProperty>> tags;
  for (const auto& r : options_.resources) {
    if (r.arn()) arns.emplace_back(*r.arn());
    if (r.tag())
      tags.push_back(CfnBackupSelection::ConditionResourceTypeProperty{
          .condition_key = r.tag()->first, .condition_type = "STRINGEQUALS", .condition_value = r.tag()->second});
  }
  if (!arns.empty()) selection.resources = std::move(arns);
  if (!tags.empty()) selection.list_of_tags = std::move(tags);
  resource_->props().backup_selection = std::move(selection);
}

void BackupSelection::validate(std::vector<std::string>& errors) const {
  if (options_.resources.empty())
    errors.push_back("a backup selection needs at least one resource (BackupResource::from_arn, from_dynamodb_table or "
                     "from_tag)");
  static const Regex kName(R"(^[a-zA-Z0-9\-_.]{1,50}$)");
  if (!kName.full_match(options_.backup_selection_name))
    errors.push_back(fmt::format("backup selection name \"{}\" is not allowed; use 1-50 letters, digits, '-', '_' "
                                 "and '.'",
                                 options_.backup_selection_name));
}

}  // namespace opsynth::backup
