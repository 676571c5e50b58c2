// --config FILE.yaml: any bytes give context or errors, never a crash.
#include "fuzz_input.hpp"
#include "opsynth/core/context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  opsynth::ContextResult result;
  opsynth::merge_yaml_context_text(opsynth::fuzz::as_text(data, size), "fuzz.yaml", result);
  return 0;
}
