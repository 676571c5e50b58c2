// synthesize_into: synthesize, then write only a valid assembly; every failure is a diagnostic.
#include <chrono>
#include <stdexcept>

#include "opsynth/core/synth.hpp"

namespace opsynth {
namespace fs = std::filesystem;

SynthResult synthesize_into(App& app, const fs::path& outdir, TemplateFormat format, SynthThreads threads) {
  SynthResult result = synthesize(app, threads);
  if (!result.ok()) return result;
  const auto start = std::chrono::steady_clock::now();
  std::string problem;
  try {
    write_assembly(result.assembly, outdir, format);
  } catch (const std::exception& e) {
    problem = e.what();
  }
  // Errors go first, like synthesize() orders its diagnostics.
  if (!problem.empty()) result.diagnostics.insert(result.diagnostics.begin(), {Diagnostic::Level::Error, "", problem});
  result.timings.push_back({"write", std::chrono::steady_clock::now() - start});
  return result;
}

}  // namespace opsynth
