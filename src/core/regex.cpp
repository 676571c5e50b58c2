#include "opsynth/core/regex.hpp"

#include <stdexcept>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace opsynth {

struct Regex::Compiled {
  pcre2_code* code = nullptr;
  ~Compiled() { pcre2_code_free(code); }
};

namespace {

// PCRE2_ALT_BSUX reads ECMAScript's \uXXXX; invalid UTF-8 input is matched, not rejected.
constexpr std::uint32_t kOptions = PCRE2_ALT_BSUX | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;

// Match-time options that make a search a whole-string match (std::regex_match).
constexpr std::uint32_t kWhole = PCRE2_ANCHORED | PCRE2_ENDANCHORED;

pcre2_code* compile(std::string_view pattern) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), kOptions,
                                   &error, &offset, nullptr);
  if (code == nullptr) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    throw std::invalid_argument("regular expression \"" + std::string(pattern) + "\" does not compile at offset " +
                                std::to_string(offset) + ": " + reinterpret_cast<const char*>(message));
  }
  return code;
}

using MatchData = std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)>;

MatchData match_data(const pcre2_code* code) {
  return MatchData(pcre2_match_data_create_from_pattern(code, nullptr), &pcre2_match_data_free);
}

// Whether there is a match needs no groups: search and full_match reuse one match block per
// thread, sized for the whole match alone, instead of allocating one per call (a schema check
// matches a pattern for every string it checks). pcre2_match returns 0 when the groups do not fit
// in it, which is still a match.
pcre2_match_data* yes_no_match_data() {
  thread_local const MatchData data(pcre2_match_data_create(1, nullptr), &pcre2_match_data_free);
  return data.get();
}

// >= 0 on a match. A match PCRE2 gives up on (its match limit) throws: callers must not
// treat an unknown result as either answer.
int run(const pcre2_code* code, std::string_view s, PCRE2_SIZE start, std::uint32_t options, pcre2_match_data* data) {
  int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), start, options, data, nullptr);
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(rc, message, sizeof message);
    throw std::runtime_error(std::string("regular expression match failed: ") + reinterpret_cast<const char*>(message));
  }
  return rc;
}

}  // namespace

Regex::Regex(std::string_view pattern) : compiled_(std::make_unique<Compiled>()) { compiled_->code = compile(pattern); }

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

bool Regex::full_match(std::string_view s) const {
  return run(compiled_->code, s, 0, kWhole, yes_no_match_data()) >= 0;
}

bool Regex::search(std::string_view s) const { return run(compiled_->code, s, 0, 0, yes_no_match_data()) >= 0; }

std::optional<std::vector<std::string>> Regex::full_match_groups(std::string_view s) const {
  auto data = match_data(compiled_->code);
  int rc = run(compiled_->code, s, 0, kWhole, data.get());
  if (rc < 0) return std::nullopt;
  const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
  std::vector<std::string> groups;
  for (std::uint32_t i = 0; i < pcre2_get_ovector_count(data.get()); ++i) {
    PCRE2_SIZE from = ovector[2 * i], to = ovector[2 * i + 1];
    groups.emplace_back(from == PCRE2_UNSET ? std::string_view() : s.substr(from, to - from));
  }
  return groups;
}

std::vector<std::string> Regex::find_all(std::string_view s) const {
  std::vector<std::string> out;
  auto data = match_data(compiled_->code);
  PCRE2_SIZE start = 0;
  while (start <= s.size() && run(compiled_->code, s, start, 0, data.get()) >= 0) {
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
    out.emplace_back(s.substr(ovector[0], ovector[1] - ovector[0]));
    start = ovector[1] > ovector[0] ? ovector[1] : ovector[1] + 1;  // an empty match moves on by one
  }
  return out;
}

}  // namespace opsynth
