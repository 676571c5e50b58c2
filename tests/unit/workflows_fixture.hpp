// The default app synthesized from `context`, and the operations facts read from it (shared
// by the workflows and runbooks tests).
#pragma once

#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/ops_facts.hpp"
#include "opsynth_stacks/seed_app.hpp"

namespace opsynth::testing_ops {

struct SynthesizedApp {
  std::unique_ptr<App> app;
  SynthResult result;
  seed::OpsFacts facts;
};

inline SynthesizedApp synthesize_app(Json context = Json::object()) {
  SynthesizedApp s{std::make_unique<App>(AppOptions{.context = std::move(context)}), {}, {}};
  std::vector<std::string> errors, notes;
  seed::build_seed_app(*s.app, errors, notes);
  EXPECT_TRUE(errors.empty()) << errors.front();
  s.result = synthesize(*s.app);
  EXPECT_TRUE(s.result.ok()) << (s.result.errors().empty() ? "" : s.result.errors().front());
  const seed::SeedConfig config = seed::read_seed_config(*s.app, errors);
  s.facts = seed::read_ops_facts(config, s.result.assembly, errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  return s;
}

// The text of the generated file `name`.
inline std::string file_named(const std::vector<std::pair<std::string, std::string>>& files, const std::string& name) {
  for (const auto& [n, text] : files)
    if (n == name) return text;
  ADD_FAILURE() << "no generated file " << name;
  return {};
}

}  // namespace opsynth::testing_ops
