// Regular expressions for validation rules: AWS name patterns in the L2 constructs and the
// ECMAScript patterns of the CloudFormation resource schemas.
//
// Backed by PCRE2 rather than std::regex: libstdc++ needs tens of microseconds to compile a
// pattern (a large share of a whole `opsynth synth`, issue 8) and recurses once per input
// character when matching. Patterns are compiled in the constructor, so a Regex is meant to be
// a function-local `static const`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opsynth {

class Regex {
 public:
  // ECMAScript syntax, including \uXXXX escapes; UTF-8 aware. Throws std::invalid_argument
  // with PCRE2's message when the pattern does not compile.
  explicit Regex(std::string_view pattern);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  // Like std::regex_match: the whole of `s` matches.
  bool full_match(std::string_view s) const;
  // Like std::regex_search: some part of `s` matches.
  bool search(std::string_view s) const;
  // The capture groups (0 = the whole match) when the whole of `s` matches; an unset group is "".
  std::optional<std::vector<std::string>> full_match_groups(std::string_view s) const;
  // Every non-overlapping match in `s`, in order.
  std::vector<std::string> find_all(std::string_view s) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace opsynth
