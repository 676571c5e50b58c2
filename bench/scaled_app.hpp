// The scaled app of the benchmarks (issue 8): N copies of the seed's OpsStack + DataStack, or of
// the OpsStack alone, with the default app's context. Shared by opsynth_bench (in-process hot
// paths) and opsynth_scale (one whole synthesis per process).
#pragma once

#include <memory>

#include "opsynth/core/app.hpp"

namespace opsynth::bench {

enum class Copies { OpsAndData, OpsOnly };

// An app holding `copies` OpsStack + DataStack pairs (or OpsStacks alone) with distinct stack ids.
std::unique_ptr<App> build_scaled_app(int copies, Copies what = Copies::OpsAndData);

}  // namespace opsynth::bench
