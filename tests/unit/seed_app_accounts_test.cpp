// The default app across accounts: backup first (manifest dependency), values passed by
// context (no Fn::ImportValue), placeholder accounts refused when real ones are required, and
// the deployment prerequisites synth prints.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/seed_app.hpp"
#include "opsynth_stacks/seed_config.hpp"

using namespace opsynth;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

struct Built {
  std::unique_ptr<App> app;
  std::vector<std::string> errors, notes;
};

Built build(Json context = Json::object()) {
  Built b{std::make_unique<App>(AppOptions{.context = std::move(context)}), {}, {}};
  seed::build_seed_app(*b.app, b.errors, b.notes);
  return b;
}

}  // namespace

TEST(SeedAppAccounts, StacksInTheirAccountsWithBackupFirst) {
  auto b = build();
  ASSERT_THAT(b.errors, IsEmpty());
  auto result = synthesize(*b.app);
  ASSERT_TRUE(result.ok()) << (result.errors().empty() ? "" : result.errors().front());
  const auto* backup = result.assembly.find("prod-env-BackupStack");
  const auto* data = result.assembly.find("prod-env-DataStack");
  ASSERT_NE(backup, nullptr);
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(backup->stack->environment_uri(), "aws://333333333333/eu-west-2");
  EXPECT_EQ(data->stack->environment_uri(), "aws://222222222222/eu-west-2");
  EXPECT_THAT(data->dependencies, ElementsAre("prod-env-BackupStack"));
  EXPECT_EQ(result.assembly.manifest_json()["artifacts"]["prod-env-DataStack"]["dependencies"], Json::array({"prod-env-BackupStack"}));
  // Cross-account values are plain strings from context, never imports.
  for (const auto& a : result.assembly.stacks)
    EXPECT_THAT(a.template_json().dump(), Not(HasSubstr("Fn::ImportValue"))) << a.artifact_id;
}

TEST(SeedAppAccounts, CiEnvironmentUsesTheCiAccountAndPassesAccountsByContext) {
  auto b = build({{"envName", "ci"}, {"ciAccountId", "444444444444"}, {"backupAccountId", "555555555555"}});
  ASSERT_THAT(b.errors, IsEmpty());
  auto result = synthesize(*b.app);
  ASSERT_TRUE(result.ok());
  const auto* data = result.assembly.find("ci-env-DataStack");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->stack->environment_uri(), "aws://444444444444/eu-west-2");
  const auto plan = data->template_json()["Resources"]["BackupPlanA8F64793"]["Properties"]["BackupPlan"];
  EXPECT_EQ(plan["BackupPlanRule"][0]["CopyActions"][0]["DestinationBackupVaultArn"],
            "arn:aws:backup:eu-west-2:555555555555:backup-vault:diy-submit-backup-vault");
  const auto* backup = result.assembly.find("ci-env-BackupStack");
  ASSERT_NE(backup, nullptr);
  EXPECT_THAT(backup->template_json().dump(), HasSubstr(":iam::444444444444:root"));
}

TEST(SeedAppAccounts, RequireRealAccountsRefusesPlaceholdersNamingTheKey) {
  auto b = build({{"requireRealAccounts", true}});
  EXPECT_THAT(b.errors, Contains(HasSubstr("context \"prodAccountId\": 222222222222 is a placeholder account id")));
  EXPECT_THAT(b.errors, Contains(HasSubstr("context \"backupAccountId\": 333333333333 is a placeholder account id")));
  EXPECT_TRUE(b.app->stacks().empty());

  auto real = build({{"requireRealAccounts", "true"}, {"prodAccountId", "210987654321"}, {"backupAccountId", "123456789012"}});
  EXPECT_THAT(real.errors, IsEmpty());
}

TEST(SeedAppAccounts, RefusesAMalformedAccountId) {
  auto b = build({{"backupAccountId", "33333333333x"}});
  EXPECT_THAT(b.errors, Contains(HasSubstr("context \"backupAccountId\": \"33333333333x\" is not an AWS account id "
                                           "(12 digits)")));
}

TEST(SeedAppAccounts, PrintsThePrerequisitesNoTemplateCanSet) {
  auto b = build({{"organizationId", "o-abcdefghij"}});
  ASSERT_THAT(b.errors, IsEmpty());
  EXPECT_THAT(b.notes, Contains(HasSubstr("aws backup update-global-settings --global-settings "
                                          "isCrossAccountBackupEnabled=true")));
  EXPECT_THAT(b.notes, Contains(HasSubstr("aws backup update-region-settings --resource-type-opt-in-preference "
                                          "DynamoDB=true --resource-type-management-preference DynamoDB=true")));
  EXPECT_THAT(b.notes, Contains(HasSubstr("members of the organization o-abcdefghij")));
}
