// The default app's BackupStack and DataStack against their checked-in golden templates.
// Regenerate after a deliberate change (then review the diff):
//   build-backup/opsynth synth -o /tmp/bk-golden prod-env-BackupStack prod-env-DataStack && \
//     cp /tmp/bk-golden/prod-env-BackupStack.template.json tests/golden/backup/ && \
//     cp /tmp/bk-golden/prod-env-DataStack.template.json tests/golden/data/
#include <gtest/gtest.h>

#include <fstream>

#include "opsynth/core/app.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/seed_app.hpp"

using namespace opsynth;

namespace {

void expect_matches_golden(const char* artifact_id, const char* golden_path) {
  App app;
  std::vector<std::string> errors, notes;
  seed::build_seed_app(app, errors, notes);
  ASSERT_TRUE(errors.empty()) << errors.front();
  auto result = synthesize(app);
  ASSERT_TRUE(result.ok()) << (result.errors().empty() ? "" : result.errors().front());
  const auto* artifact = result.assembly.find(artifact_id);
  ASSERT_NE(artifact, nullptr);
  std::ifstream in(std::string(OPSYNTH_SOURCE_DIR) + "/" + golden_path);
  ASSERT_TRUE(in) << golden_path << " missing; see the regenerate command at the top of this file";
  EXPECT_EQ(artifact->template_json(), Json::parse(in))
      << artifact_id << " changed; review the difference and regenerate the golden";
}

}  // namespace

TEST(SeedAppGolden, BackupStackMatchesGolden) {
  expect_matches_golden("prod-env-BackupStack", "tests/golden/backup/prod-env-BackupStack.template.json");
}

TEST(SeedAppGolden, DataStackMatchesGolden) {
  expect_matches_golden("prod-env-DataStack", "tests/golden/data/prod-env-DataStack.template.json");
}
