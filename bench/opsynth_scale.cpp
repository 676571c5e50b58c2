// One whole synthesis of the scaled app per process, as `opsynth synth` does for the default
// app: build the tree, synthesize, write the cloud assembly, exit. The side-by-side script
// times it as a whole process at several N, so that every N starts from fresh memory, as a
// user's synth does (opsynth_bench repeats small N in memory it has already touched).
//   opsynth_scale N ops-and-data|ops-only OUTDIR [--timings] [--one-thread]
// --one-thread keeps synthesis on one thread (SynthThreads::One): for counting instructions, which
// the render thread's waits would add to.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "opsynth/core/synth.hpp"
#include "scaled_app.hpp"

int main(int argc, char** argv) {
  using namespace opsynth;
  const std::string kinds = "ops-and-data|ops-only";
  bool timings = false, one_thread = false, args_ok = argc >= 4;
  for (const std::string& flag : std::vector<std::string>(argv + std::min(argc, 4), argv + argc)) {
    if (flag == "--timings") timings = true;
    else if (flag == "--one-thread") one_thread = true;
    else args_ok = false;
  }
  const int copies = args_ok ? std::atoi(argv[1]) : 0;
  const std::string kind = args_ok ? argv[2] : "";
  if (copies < 1 || (kind != "ops-and-data" && kind != "ops-only")) {
    std::cerr << "usage: opsynth_scale N " << kinds << " OUTDIR [--timings] [--one-thread]   (N >= 1)\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  auto app = bench::build_scaled_app(copies, kind == "ops-only" ? bench::Copies::OpsOnly : bench::Copies::OpsAndData);
  const auto built = std::chrono::steady_clock::now();
  const SynthResult result =
      synthesize_into(*app, argv[3], TemplateFormat::Json, one_thread ? SynthThreads::One : SynthThreads::Auto);
  for (const auto& e : result.errors()) std::cerr << e << '\n';
  if (timings) {  // the same per-phase lines as `opsynth synth --timings`, with the tree's construction first
    std::cerr << PhaseTiming{"build", built - start}.line() << '\n';
    for (const auto& t : result.timings) std::cerr << t.line() << '\n';
  }
  keep_until_exit(std::move(app));  // as the CLI does
  return result.ok() ? 0 : 1;
}
