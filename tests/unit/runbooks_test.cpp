// The generated runbooks carry the app's names (read from its templates) and nothing typed by
// hand: change the backup account or the environment and every script follows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opsynth_stacks/runbooks.hpp"
#include "workflows_fixture.hpp"

using namespace opsynth;
using opsynth::testing_ops::file_named;
using opsynth::testing_ops::synthesize_app;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

namespace {

// The property of the resource whose logical ID starts with `id_prefix` in `stack`.
std::string property(const SynthResult& r, const std::string& stack, const std::string& id_prefix, const char* key) {
  const auto* a = r.assembly.find(stack);
  if (a == nullptr) return "<no stack " + stack + ">";
  const Json resources = a->template_json()["Resources"];
  for (const auto& [id, res] : resources.items())
    if (id.starts_with(id_prefix) && res["Properties"].contains(key) && res["Properties"][key].is_string())
      return res["Properties"][key];
  return "<no " + id_prefix + " " + key + ">";
}

}  // namespace

TEST(Runbooks, CarryTheAppsNames) {
  auto app = synthesize_app();
  const auto scripts = seed::render_runbooks(app.facts);
  ASSERT_EQ(scripts.size(), 3u);
  const auto vault = property(app.result, "prod-env-BackupStack", "BackupVault", "BackupVaultName");
  const auto role = property(app.result, "prod-env-BackupStack", "RestoreRole", "RoleName");
  EXPECT_EQ(vault, "diy-submit-backup-vault");
  for (const auto& [name, text] : scripts) {
    SCOPED_TRACE(name);
    EXPECT_THAT(text, StartsWith("#!/usr/bin/env bash\n"));
    EXPECT_THAT(text, HasSubstr("\nset -euo pipefail\n"));
    EXPECT_THAT(text, HasSubstr("--dry-run) dry_run=true"));
    EXPECT_THAT(text, HasSubstr("  BACKUP_VAULT_NAME=" + vault + " \\\n"));
    EXPECT_THAT(text, HasSubstr("  RESTORE_ROLE_ARN=arn:aws:iam::" + app.facts.backup.account + ":role/" + role + " \\\n"));
    EXPECT_THAT(text, HasSubstr("readonly TABLES=(submit-env-bundles submit-env-receipts submit-env-hmrc-api-requests)\n"));
    EXPECT_THAT(text, HasSubstr("  TABLE_ARN_PREFIX=arn:aws:dynamodb:eu-west-2:" + app.facts.data.account + ":table/ \\\n"));
  }
  EXPECT_THAT(file_named(scripts, "restore-table.sh"), HasSubstr("backup start-restore-job"));
  EXPECT_THAT(file_named(scripts, "disaster-recovery.sh"), HasSubstr("s3 sync \"s3://$BACKUP_BUCKET_NAME/\""));
  EXPECT_THAT(file_named(scripts, "restore-cognito-users.sh"), HasSubstr("cognito-idp create-user-import-job"));
  EXPECT_THAT(file_named(scripts, "disaster-recovery.sh"),
              HasSubstr("  BACKUP_BUCKET_NAME=" +
                        property(app.result, "prod-env-BackupStack", "BackupBucket", "BucketName") + " \\\n"));
}

TEST(Runbooks, FollowTheBackupAccountAndEnvironment) {
  const auto before = seed::render_runbooks(synthesize_app().facts);
  const auto after = seed::render_runbooks(
      synthesize_app(Json{{"backupAccountId", "444455556666"}, {"envName", "ci"}, {"deploymentName", "ci-x"}}).facts);
  for (const auto& name : {"restore-table.sh", "disaster-recovery.sh", "restore-cognito-users.sh"}) {
    SCOPED_TRACE(name);
    const auto text = file_named(after, name);
    EXPECT_THAT(text, HasSubstr("  RESTORE_ROLE_ARN=arn:aws:iam::444455556666:role/"));
    EXPECT_THAT(text, HasSubstr("  BACKUP_BUCKET_NAME=diy-submit-backup-444455556666 \\\n"));
    EXPECT_THAT(text, HasSubstr("ci-submit-env-bundles"));
    // Nothing of the default app is left behind.
    EXPECT_THAT(text, Not(HasSubstr(seed::kPlaceholderBackupAccountId)));
    EXPECT_THAT(text, Not(HasSubstr(seed::kPlaceholderProdAccountId)));
    EXPECT_NE(text, file_named(before, name));
  }
}
