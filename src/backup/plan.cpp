#include "opsynth/backup/plan.hpp"

#include <fmt/format.h>

#include "opsynth/cfn/backup/backup_plan.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth::backup {
namespace {

using CfnBackupPlan = cfn::backup::CfnBackupPlan;

cfn::Optional<cfn::Object<CfnBackupPlan::LifecycleResourceTypeProperty>> lifecycle(
    const std::optional<std::chrono::days>& delete_after, const std::optional<std::chrono::days>& cold_after) {
  if (!delete_after && !cold_after) return {};
  CfnBackupPlan::LifecycleResourceTypeProperty out;
  if (delete_after) out.delete_after_days = static_cast<long long>(delete_after->count());
  if (cold_after) out.move_to_cold_storage_after_days = static_cast<long long>(cold_after->count());
  return out;
}

// AWS Backup's rule: a recovery point stays in cold storage at least 90 days.
void check_cold_storage(const std::string& what, const std::optional<std::chrono::days>& delete_after,
                        const std::optional<std::chrono::days>& cold_after, std::vector<std::string>& errors) {
  if (!delete_after || !cold_after) return;
  if (*delete_after < *cold_after + kMinimumColdStorage)
    errors.push_back(fmt::format("{}: delete_after {} days is less than 90 days after move_to_cold_storage_after {} "
                                 "days; AWS Backup keeps cold storage at least 90 days, so delete after {} days or later",
                                 what, delete_after->count(), cold_after->count(),
                                 (*cold_after + kMinimumColdStorage).count()));
}

std::string describe_vault(const IBackupVault& vault) {
  Value arn = vault.backup_vault_arn();
  return arn.is_string() ? arn.as_string() : "the plan's vault";
}

}  // namespace

BackupPlan::BackupPlan(Construct& scope, std::string id, BackupPlanProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)), vault_(props_.backup_vault) {
  CfnBackupPlan::BackupPlanResourceTypeProperty plan;
  plan.backup_plan_name = props_.backup_plan_name.empty() ? this->id() : props_.backup_plan_name;
  resource_ = &add<CfnBackupPlan>("Resource", CfnBackupPlan::Props{.backup_plan = std::move(plan)});
  for (auto& rule : props_.rules) add_rule(rule);
}

void BackupPlan::add_rule(BackupPlanRule rule) {
  const IBackupVault* vault = rule.backup_vault;
  // aws-cdk-lib creates the plan's vault, child "Vault", for the first rule that needs one.
  if (vault == nullptr && vault_ == nullptr) vault_ = &add<BackupVault>("Vault");
  if (vault == nullptr) vault = vault_;
  if (rule.rule_name.empty()) rule.rule_name = fmt::format("{}Rule{}", id(), rules_.size());
  // Continuous backups are kept 35 days unless told otherwise (aws-cdk-lib).
  if (rule.enable_continuous_backup && !rule.delete_after) rule.delete_after = std::chrono::days(35);
  rules_.push_back({std::move(rule), vault});
}

BackupSelection& BackupPlan::add_selection(std::string id, BackupSelectionOptions options) {
  return add<BackupSelection>(std::move(id), *this, std::move(options));
}

Value BackupPlan::backup_plan_id() const { return resource_->attr_backup_plan_id(); }
Value BackupPlan::backup_plan_arn() const { return resource_->attr_backup_plan_arn(); }

void BackupPlan::prepare() {
  std::vector<cfn::Object<CfnBackupPlan::BackupRuleResourceTypeProperty>> rendered;
  for (const auto& [rule, vault] : rules_) {
    CfnBackupPlan::BackupRuleResourceTypeProperty r;
    r.rule_name = rule.rule_name;
    r.target_backup_vault = vault->backup_vault_name();
    if (rule.schedule) r.schedule_expression = rule.schedule->expression_string();
    if (rule.start_window) r.start_window_minutes = static_cast<long long>(rule.start_window->count());
    if (rule.completion_window) r.completion_window_minutes = static_cast<long long>(rule.completion_window->count());
    r.lifecycle = lifecycle(rule.delete_after, rule.move_to_cold_storage_after);
    if (rule.enable_continuous_backup) r.enable_continuous_backup = true;
    if (!rule.copy_actions.empty()) {
      std::vector<cfn::Object<CfnBackupPlan::CopyActionResourceTypeProperty>> copies;
      for (const auto& copy : rule.copy_actions) {
        if (copy.destination == nullptr) continue;  // reported by validate()
        copies.push_back(CfnBackupPlan::CopyActionResourceTypeProperty{
            .destination_backup_vault_arn = copy.destination->backup_vault_arn(),
            .lifecycle = lifecycle(copy.delete_after, copy.move_to_cold_storage_after)});
      }
      r.copy_actions = std::move(copies);
    }
    if (!rule.recovery_point_tags.empty()) {
      cfn::Map<cfn::String> tags;
      for (const auto& [k, v] : rule.recovery_point_tags) tags.set(k, v);
      r.recovery_point_tags = std::move(tags);
    }
    rendered.push_back(std::move(r));
  }
  (*resource_->props().backup_plan)->backup_plan_rule = std::move(rendered);
}

void BackupPlan::validate(std::vector<std::string>& errors) const {
  if (rules_.empty()) errors.push_back("a backup plan needs at least one rule; add one with add_rule");
  static const Regex kRuleName(R"(^[a-zA-Z0-9\-_.]{1,50}$)");
  for (const auto& [rule, vault] : rules_) {
    std::string what = fmt::format("rule \"{}\"", rule.rule_name);
    if (!kRuleName.full_match(rule.rule_name))
      errors.push_back(fmt::format("{}: the name is not allowed; use 1-50 letters, digits, '-', '_' and '.'", what));
    if (rule.schedule) {
      if (!rule.schedule->error().empty()) errors.push_back(fmt::format("{}: {}", what, rule.schedule->error()));
      if (rule.schedule->expression_string().rfind("cron(", 0) != 0)
        errors.push_back(fmt::format("{}: schedule \"{}\" is not allowed; AWS Backup takes cron(...) expressions only",
                                     what, rule.schedule->expression_string()));
    }
    if (rule.start_window && rule.start_window->count() < 60)
      errors.push_back(fmt::format("{}: start_window {} minutes is not allowed; the shortest is 60 minutes", what,
                                   rule.start_window->count()));
    if (rule.start_window && rule.completion_window && *rule.completion_window <= *rule.start_window)
      errors.push_back(fmt::format("{}: completion_window ({} minutes) must be longer than start_window ({} minutes)",
                                   what, rule.completion_window->count(), rule.start_window->count()));
    for (const auto& d : {rule.delete_after, rule.move_to_cold_storage_after})
      if (d && d->count() < 1) errors.push_back(fmt::format("{}: retention of {} days is not allowed; use at least 1 day",
                                                            what, d->count()));
    check_cold_storage(what, rule.delete_after, rule.move_to_cold_storage_after, errors);
    if (rule.enable_continuous_backup) {
      if (rule.move_to_cold_storage_after)
        errors.push_back(fmt::format("{}: continuous backups cannot move to cold storage; drop "
                                     "move_to_cold_storage_after",
                                     what));
      if (rule.delete_after && (rule.delete_after->count() < 1 || rule.delete_after->count() > 35))
        errors.push_back(fmt::format("{}: continuous backups are kept 1 to 35 days, not {}", what,
                                     rule.delete_after->count()));
    }
    for (const auto& copy : rule.copy_actions) {
      if (copy.destination == nullptr) {
        errors.push_back(fmt::format("{}: a copy action needs a destination vault", what));
        continue;
      }
      check_cold_storage(fmt::format("{} copy action to {}", what, describe_vault(*copy.destination)),
                         copy.delete_after, copy.move_to_cold_storage_after, errors);
    }
  }
}

}  // namespace opsynth::backup
