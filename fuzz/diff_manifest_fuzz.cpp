// `opsynth diff --against DIR`: any manifest.json bytes give stack artifacts or an InputError.
#include "fuzz_input.hpp"
#include "opsynth/diff/previous_templates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    opsynth::diff::parse_manifest_text(opsynth::fuzz::as_text(data, size), "fuzz/manifest.json");
  } catch (const opsynth::diff::InputError&) {
  }
  return 0;
}
