// The default app's OpsStack against its checked-in golden template.
// Regenerate after a deliberate change (then review the diff):
//   build-ops/opsynth synth -o /tmp/ops-golden prod-app-OpsStack && \
//     cp /tmp/ops-golden/prod-app-OpsStack.template.json tests/golden/ops/prod-app-OpsStack.template.json
#include <gtest/gtest.h>

#include <fstream>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/ops_stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

using namespace opsynth;

TEST(OpsGolden, DefaultAppOpsStackMatchesGolden) {
  App app;
  std::vector<std::string> errors;
  const auto config = seed::read_seed_config(app, errors);
  ASSERT_TRUE(errors.empty());
  app.add<seed::OpsStack>(config.ops_stack_id(), seed::ops_stack_props(config));
  auto result = synthesize(app);
  ASSERT_TRUE(result.ok()) << (result.errors().empty() ? "" : result.errors().front());
  const auto* artifact = result.assembly.find("prod-app-OpsStack");
  ASSERT_NE(artifact, nullptr);

  std::ifstream in(std::string(OPSYNTH_SOURCE_DIR) + "/tests/golden/ops/prod-app-OpsStack.template.json");
  ASSERT_TRUE(in) << "golden template missing; see the regenerate command at the top of this file";
  const Json golden = Json::parse(in);
  EXPECT_EQ(artifact->template_json(), golden) << "the OpsStack template changed; review and regenerate the golden";
}
