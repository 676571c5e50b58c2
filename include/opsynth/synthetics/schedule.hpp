// When a canary runs, as aws-cdk-lib's synthetics.Schedule renders it:
//   rate(5) -> "rate(5 minutes)", rate(1) -> "rate(1 minute)", once() / rate(0) -> "rate(0 minutes)",
//   cron({.minute = "0", .hour = "3"}) -> "cron(0 3 * * ? *)".
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opsynth::synthetics {

struct CronOptions {
  std::optional<std::string> minute, hour, day, month, week_day;  // unset: "*" ("?" for day/week day)
};

class Schedule {
 public:
  static Schedule rate(int minutes);  // 0 (once) to 60
  static Schedule cron(const CronOptions& options);
  static Schedule once() { return Schedule("rate(0 minutes)"); }
  // "rate(N minute[s]|hour[s])" (0 runs once, else 1 minute to 1 hour) or "cron(...)" with six fields.
  static Schedule expression(std::string expression);

  const std::string& expression_string() const { return expression_; }
  // What was wrong with the arguments (reported by the canary that uses the schedule).
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  explicit Schedule(std::string expression) : expression_(std::move(expression)) {}
  std::string expression_;
  std::vector<std::string> problems_;
};

}  // namespace opsynth::synthetics
