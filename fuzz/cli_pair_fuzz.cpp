// -c key=value, one pair per line of the input: any bytes give context keys or errors, never a crash.
#include <string>
#include <vector>

#include "fuzz_input.hpp"
#include "opsynth/core/context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> pairs(1);
  for (char c : opsynth::fuzz::as_text(data, size)) {
    if (c == '\n') {
      pairs.emplace_back();
    } else {
      pairs.back() += c;
    }
  }
  opsynth::ContextResult result;
  opsynth::merge_cli_pairs(pairs, result);
  return 0;
}
