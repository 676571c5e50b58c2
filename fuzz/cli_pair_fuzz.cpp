// -c key=value: any bytes give a context key or an error, never a crash.
#include "fuzz_input.hpp"
#include "opsynth/core/context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  opsynth::ContextResult result;
  opsynth::merge_cli_pair(opsynth::fuzz::as_text(data, size), result);
  return 0;
}
