// Quoting for text pasted into generated bash (workflow `run:` blocks, runbooks).
#pragma once

#include <string>
#include <vector>

namespace opsynth::seed {

// `word` as one bash word: as it is when it holds only safe characters, else single-quoted.
inline std::string shell_quote(const std::string& word) {
  const bool safe = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                           "0123456789@%+=:,./_-") == std::string::npos;
  if (safe) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The words quoted and joined by spaces, with a leading space when there is any.
inline std::string shell_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += " " + shell_quote(w);
  return out;
}

}  // namespace opsynth::seed
