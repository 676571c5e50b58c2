#include "opsynth/synthetics/schedule.hpp"

#include <fmt/format.h>

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

}  // namespace opsynth::synthetics
