#include <algorithm>
#include <cctype>

#include "opsynth/cloudwatch/metric.hpp"
#include "opsynth/core/regex.hpp"

namespace opsynth::cloudwatch {

ParsedStatistic parse_statistic(const std::string& statistic) {
  static const std::vector<std::pair<std::string, std::string>> kSimple{
      {"average", "Average"}, {"avg", "Average"}, {"minimum", "Minimum"},      {"min", "Minimum"}, {"maximum", "Maximum"},
      {"max", "Maximum"},     {"sum", "Sum"},     {"samplecount", "SampleCount"}, {"n", "SampleCount"}};
  // Metrics are made by the hundred per stack, nearly all with a statistic already spelled as
  // CloudWatch names it: those skip the lower-casing and the regexes.
  for (const auto& [alias, name] : kSimple)
    if (statistic == name) return {ParsedStatistic::Kind::Simple, name};
  // p50, p95, p99 (the commonest extended statistics), as kSingle below reads them.
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if ((statistic.size() == 2 || statistic.size() == 3) && statistic[0] == 'p' &&
      std::all_of(statistic.begin() + 1, statistic.end(), digit))
    return {ParsedStatistic::Kind::Extended, statistic};
  std::string lower = statistic;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& [alias, name] : kSimple)
    if (lower == alias) return {ParsedStatistic::Kind::Simple, name};
  if (lower == "iqm") return {ParsedStatistic::Kind::Extended, "IQM"};
  // p95, p99.9, tm90, wm99, tc90, ts90 (lower case) and PR(10:20), TM(10%:90%)... (upper case).
  static const Regex kSingle(R"(^(p|tm|wm|tc|ts)(\d{1,2}(\.\d+)?|100)$)");
  static const Regex kPair(R"(^(pr|tm|wm|tc|ts)\((\d+(\.\d+)?%?)?:(\d+(\.\d+)?%?)?\)$)");
  if (kSingle.full_match(lower)) return {ParsedStatistic::Kind::Extended, lower};
  if (kPair.full_match(lower)) {
    std::string upper = statistic;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    return {ParsedStatistic::Kind::Extended, upper};
  }
  return {ParsedStatistic::Kind::Unparseable, statistic};
}

}  // namespace opsynth::cloudwatch
