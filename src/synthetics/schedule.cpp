#include "opsynth/synthetics/schedule.hpp"

#include <fmt/format.h>

#include "opsynth/core/regex.hpp"

namespace opsynth::synthetics {

Schedule Schedule::rate(int minutes) {
  if (minutes == 0) return once();
  Schedule s(minutes == 1 ? "rate(1 minute)" : fmt::format("rate({} minutes)", minutes));
  if (minutes < 0 || minutes > 60)
    s.problems_.push_back(fmt::format("schedule rate of {} minutes is not allowed; use 0 (run once) to 60 minutes", minutes));
  return s;
}

Schedule Schedule::cron(const CronOptions& o) {
  const std::string day = o.day.value_or(o.week_day ? "?" : "*");
  Schedule s(fmt::format("cron({} {} {} {} {} *)", o.minute.value_or("*"), o.hour.value_or("*"), day,
                         o.month.value_or("*"), o.week_day.value_or("?")));
  if (o.day && o.week_day) s.problems_.push_back("cron schedule sets both day and week_day; set at most one");
  return s;
}

// Synthetics runs a canary from once a minute to once an hour, or once ("rate(0 minutes)");
// a cron expression has six fields like EventBridge's.
Schedule Schedule::expression(std::string expression) {
  static const Regex kRate(R"(^rate\(([0-9]{1,4}) (minute|minutes|hour|hours)\)$)");
  static const Regex kCron(R"(^cron\(\S+( \S+){5}\)$)");
  Schedule s(std::move(expression));
  if (auto m = kRate.full_match_groups(s.expression_)) {
    const int minutes = std::stoi((*m)[1]) * ((*m)[2].starts_with("hour") ? 60 : 1);
    if (minutes > 60)
      s.problems_.push_back(fmt::format("schedule \"{}\" is not allowed; a canary runs at least once an hour "
                                        "(rate(1 minute) to rate(60 minutes), or rate(0 minutes) to run once)",
                                        s.expression_));
  } else if (!kCron.full_match(s.expression_)) {
    s.problems_.push_back(fmt::format("schedule \"{}\" is not allowed; use rate(N minutes) with N from 0 (run once) "
                                      "to 60, or cron(MIN HOUR DAY MONTH WEEKDAY YEAR)",
                                      s.expression_));
  }
  return s;
}

}  // namespace opsynth::synthetics
