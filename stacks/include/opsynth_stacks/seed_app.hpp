// The embedded default app: the seed's stacks in their accounts (CI or prod, and backup),
// wired from context. `opsynth synth` with no app of the user's builds this.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/app.hpp"

namespace opsynth::seed {

// Adds the seed's stacks to `app`. Configuration problems are appended to `errors`
// (each naming the context key) and no stack is added when there is any. Notes for
// the operator (prerequisites no template can set) are appended to `notes`.
void build_seed_app(App& app, std::vector<std::string>& errors, std::vector<std::string>& notes);

}  // namespace opsynth::seed
