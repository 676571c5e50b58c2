// Every error of synthesizing an app, one per line: the text the unit tests search for messages.
#pragma once

#include <string>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"

namespace opsynth::testing_errors {

inline std::string errors_of(App& app) {
  std::string all;
  for (const auto& e : synthesize(app).errors()) all += e + "\n";
  return all;
}

}  // namespace opsynth::testing_errors
