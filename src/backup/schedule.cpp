#include "opsynth/backup/schedule.hpp"

#include <fmt/format.h>

namespace opsynth::backup {

Schedule Schedule::cron(const CronOptions& o) {
  // aws-cdk-lib's events.Schedule.cron: the day field not given becomes "?" when week_day is.
  std::string day = o.day.value_or(o.week_day ? "?" : "*");
  std::string week_day = o.week_day.value_or("?");
  std::string expression = fmt::format("cron({} {} {} {} {} {})", o.minute.value_or("*"), o.hour.value_or("*"), day,
                                       o.month.value_or("*"), week_day, o.year.value_or("*"));
  std::string error;
  if (o.day && o.week_day)
    error = fmt::format("schedule {} gives both day and week_day; give one of them", expression);
  return Schedule(std::move(expression), std::move(error));
}

}  // namespace opsynth::backup
