// One whole synthesis of the scaled app per process, as `opsynth synth` does for the default
// app: build the tree, synthesize, write the cloud assembly, exit. The side-by-side script
// times it as a whole process at several N, so that every N starts from fresh memory, as a
// user's synth does (opsynth_bench repeats small N in memory it has already touched).
//   opsynth_scale N ops-and-data|ops-only OUTDIR
#include <cstdlib>
#include <iostream>
#include <string>

#include "opsynth/core/synth.hpp"
#include "scaled_app.hpp"

int main(int argc, char** argv) {
  using namespace opsynth;
  const std::string kinds = "ops-and-data|ops-only";
  const int copies = argc == 4 ? std::atoi(argv[1]) : 0;
  const std::string kind = argc == 4 ? argv[2] : "";
  if (copies < 1 || (kind != "ops-and-data" && kind != "ops-only")) {
    std::cerr << "usage: opsynth_scale N " << kinds << " OUTDIR   (N >= 1)\n";
    return 2;
  }
  auto app = bench::build_scaled_app(copies, kind == "ops-only" ? bench::Copies::OpsOnly : bench::Copies::OpsAndData);
  const SynthResult result = synthesize_into(*app, argv[3]);
  for (const auto& e : result.errors()) std::cerr << e << '\n';
  keep_until_exit(std::move(app));  // as the CLI does
  return result.ok() ? 0 : 1;
}
