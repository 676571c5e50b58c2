// One rule of a backup plan (aws-cdk-lib's backup.BackupPlanRule): when to back up, how long
// to keep recovery points, and where to copy them.
//
//   backup::BackupPlanRule{.rule_name = "DailyBackup",
//       .schedule = backup::Schedule::cron({.minute = "0", .hour = "3"}),
//       .start_window = std::chrono::hours(1), .completion_window = std::chrono::hours(2),
//       .delete_after = std::chrono::days(35),
//       .copy_actions = {{.destination = &dest_vault, .move_to_cold_storage_after = std::chrono::days(90),
//                         .delete_after = std::chrono::days(365)}}}
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "opsynth/backup/schedule.hpp"

namespace opsynth::backup {

class IBackupVault;

// AWS Backup keeps a recovery point in cold storage for at least 90 days, so delete_after must
// be at least move_to_cold_storage_after + 90 days (checked at synthesis).
inline constexpr std::chrono::days kMinimumColdStorage{90};

struct BackupPlanCopyAction {
  const IBackupVault* destination = nullptr;  // required; e.g. a vault in the backup account
  std::optional<std::chrono::days> move_to_cold_storage_after;
  std::optional<std::chrono::days> delete_after;
};

struct BackupPlanRule {
  std::string rule_name;  // default: "{plan id}Rule{index}"
  std::optional<Schedule> schedule;  // cron only; default: AWS Backup's daily at 05:00 UTC
  std::optional<std::chrono::minutes> start_window;       // >= 60 minutes
  std::optional<std::chrono::minutes> completion_window;  // > start_window
  std::optional<std::chrono::days> delete_after;
  std::optional<std::chrono::days> move_to_cold_storage_after;
  std::vector<BackupPlanCopyAction> copy_actions;
  const IBackupVault* backup_vault = nullptr;  // default: the plan's vault
  bool enable_continuous_backup = false;       // PITR-style backups, kept at most 35 days
  std::vector<std::pair<std::string, std::string>> recovery_point_tags;
};

}  // namespace opsynth::backup
