// Stack selection on the command line (synth and diff): names or the shell's globs, as the cdk
// CLI takes them, each pattern that selects nothing an error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opsynth/cli.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"

using namespace opsynth;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

struct ThreeStacks : ::testing::Test {
  App app;
  ThreeStacks() {
    for (const char* name : {"prod-env-BackupStack", "prod-env-DataStack", "prod-app-OpsStack"}) app.add<Stack>(name);
  }
};

TEST_F(ThreeStacks, GlobsSelectStacksInAppOrder) {
  std::vector<std::string> errors;
  EXPECT_THAT(cli::select_stacks(app, {"prod-app-OpsStack", "prod-env-*"}, errors),
              ElementsAre("prod-env-BackupStack", "prod-env-DataStack", "prod-app-OpsStack"));
  EXPECT_THAT(cli::select_stacks(app, {"*Data?tack"}, errors), ElementsAre("prod-env-DataStack"));
  EXPECT_THAT(cli::select_stacks(app, {}, errors), ElementsAre("prod-env-BackupStack", "prod-env-DataStack", "prod-app-OpsStack"));
  EXPECT_THAT(errors, IsEmpty());
}

TEST_F(ThreeStacks, EveryPatternThatSelectsNothingIsAnErrorOnce) {
  std::vector<std::string> errors;
  EXPECT_THAT(cli::select_stacks(app, {"nope", "ci-*", "nope", "prod-env-DataStack"}, errors),
              ElementsAre("prod-env-DataStack"));
  EXPECT_THAT(errors, ElementsAre(HasSubstr("no stack named \"nope\"; the app has: prod-env-BackupStack, "
                                            "prod-env-DataStack, prod-app-OpsStack"),
                                  HasSubstr("no stack matches \"ci-*\"")));
}

}  // namespace
