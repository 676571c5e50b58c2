// cdk.json, cdk.context.json and CDK_CONTEXT_JSON: any bytes give context or errors, never a crash.
#include "fuzz_input.hpp"
#include "opsynth/core/context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (bool nested_under_context_key : {false, true}) {
    opsynth::ContextResult result;
    opsynth::merge_json_context_text(opsynth::fuzz::as_text(data, size), "fuzz.json", nested_under_context_key, result);
  }
  return 0;
}
