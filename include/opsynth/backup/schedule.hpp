// When a backup rule runs: a cron expression rendered like aws-cdk-lib's
// events.Schedule.cron, e.g. Schedule::cron({.minute = "0", .hour = "3"}) -> "cron(0 3 * * ? *)".
#pragma once

#include <optional>
#include <string>

namespace opsynth::backup {

// Unset fields are "*" (every), except that day and week_day are never both given: the one
// left out becomes "?" (as CloudWatch Events / AWS Backup require).
struct CronOptions {
  std::optional<std::string> minute;
  std::optional<std::string> hour;
  std::optional<std::string> day;       // day of month
  std::optional<std::string> month;
  std::optional<std::string> week_day;  // e.g. "MON", "SAT"
  std::optional<std::string> year;
};

class Schedule {
 public:
  static Schedule cron(const CronOptions& options);
  // A ready expression; AWS Backup accepts only "cron(...)" (checked where it is used).
  static Schedule expression(std::string expression) { return Schedule(std::move(expression)); }

  const std::string& expression_string() const { return expression_; }
  // Problems of the expression ("" when fine), e.g. both day and week_day given.
  const std::string& error() const { return error_; }

 private:
  explicit Schedule(std::string expression, std::string error = "")
      : expression_(std::move(expression)), error_(std::move(error)) {}
  std::string expression_;
  std::string error_;
};

}  // namespace opsynth::backup
