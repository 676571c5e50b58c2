// The generated workflows follow the app: synthetic-test.yml publishes exactly the metric the
// GithubSyntheticAlarm watches, deploy-environment.yml deploys every stack of each environment
// in order with the capabilities its template needs, and the files change with the context.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "opsynth/core/stack.hpp"
#include "opsynth_stacks/workflows.hpp"
#include "workflows_fixture.hpp"

using namespace opsynth;
using opsynth::testing_ops::file_named;
using opsynth::testing_ops::synthesize_app;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

seed::WorkflowInputs inputs(Json context = Json::object()) {
  Json prod = context, ci = context;
  prod["envName"] = "prod";
  ci["envName"] = "ci";
  return {synthesize_app(context).facts, synthesize_app(prod).facts, synthesize_app(ci).facts, {}};
}

// The GithubSyntheticAlarm's properties, found in the OpsStack template by its logical-ID prefix
// (independently of the facts reader the generator uses).
Json github_alarm_properties(const SynthResult& r) {
  for (const auto& a : r.assembly.stacks) {
    const Json resources = a.template_json()["Resources"];
    for (const auto& [id, res] : resources.items())
      if (id.starts_with("GithubSyntheticAlarm") && res["Type"] == "AWS::CloudWatch::Alarm") return res["Properties"];
  }
  ADD_FAILURE() << "no GithubSyntheticAlarm in the app";
  return Json::object();
}

}  // namespace

TEST(Workflows, SyntheticTestPublishesTheAlarmsMetric) {
  auto app = synthesize_app();
  const Json alarm = github_alarm_properties(app.result);
  std::string dimensions;
  for (const auto& d : alarm["Dimensions"])
    dimensions += (dimensions.empty() ? "" : ",") + d["Name"].get<std::string>() + "=" + d["Value"].get<std::string>();
  ASSERT_EQ(dimensions, "deployment-name=prod,test=submitVatBehaviour");

  const auto yml = file_named(seed::render_workflows(inputs()), "synthetic-test.yml");
  EXPECT_THAT(yml, HasSubstr("aws cloudwatch put-metric-data --namespace " + alarm["Namespace"].get<std::string>() +
                             " --metric-name " + alarm["MetricName"].get<std::string>() + " \\\n"));
  EXPECT_THAT(yml, HasSubstr("--dimensions " + dimensions + " --value \"$value\""));
  // Published even when the test failed, 0 only on success.
  EXPECT_THAT(yml, HasSubstr("      - name: Publish behaviour-test to CloudWatch\n        if: always()\n"));
  EXPECT_THAT(yml, HasSubstr("if [[ \"$OUTCOME\" == success ]]; then value=0; fi"));
  // In the alarm's account and region.
  const auto* ops = app.result.assembly.find("prod-app-OpsStack");
  ASSERT_NE(ops, nullptr);
  EXPECT_THAT(yml, HasSubstr("role/submit-deployment-role"));
  EXPECT_THAT(yml, HasSubstr(ops->stack->environment_uri().substr(6, 12)));
}

TEST(Workflows, ScheduleLeavesSlackInsideTheAlarmPeriod) {
  EXPECT_EQ(seed::synthetic_test_cron(7200), "7,37 * * * *");  // the seed's 2-hour alarm: every 30 minutes
  EXPECT_EQ(seed::synthetic_test_cron(3600), "7,22,37,52 * * * *");
  EXPECT_EQ(seed::synthetic_test_cron(600), "2,7,12,17,22,27,32,37,42,47,52,57 * * * *");  // at least 5 minutes
  EXPECT_EQ(seed::synthetic_test_cron(6 * 3600), "7 */1 * * *");
  EXPECT_EQ(seed::synthetic_test_cron(24 * 3600), "7 */6 * * *");
  const auto yml = file_named(seed::render_workflows(inputs()), "synthetic-test.yml");
  EXPECT_THAT(yml, HasSubstr("    - cron: '7,37 * * * *'\n"));
}

TEST(Workflows, DeploysEachEnvironmentInOrderWithItsCapabilities) {
  const auto in = inputs();
  const auto yml = file_named(seed::render_workflows(in), "deploy-environment.yml");
  // Every stack of both environments, the backup account's job before the target account's.
  const auto backup_job = yml.find("  deploy-backup-account:\n");
  const auto target_job = yml.find("  deploy-target-account:\n");
  ASSERT_NE(backup_job, std::string::npos);
  ASSERT_LT(backup_job, target_job);
  for (const auto* f : {&in.prod, &in.ci}) {
    std::size_t previous = 0;
    for (const auto& s : f->stacks) {
      const auto at = yml.find("      - name: Deploy " + s.name + "\n");
      ASSERT_NE(at, std::string::npos) << s.name;
      const bool in_target = s.account != f->backup.account;
      EXPECT_EQ(at > target_job, in_target) << s.name << " deploys from the wrong job";
      if (in_target) {
        EXPECT_GT(at, previous) << s.name << " deploys before the stacks it depends on";
        previous = at;
      }
    }
  }
  // Named IAM roles (the restore role, the replication role) need CAPABILITY_NAMED_IAM.
  EXPECT_THAT(yml, HasSubstr("--stack-name prod-env-BackupStack --template-file cdk.out/prod-env-BackupStack.template.json \\\n"
                             "            --capabilities CAPABILITY_NAMED_IAM \\\n"));
  // main -> prod account, other branches -> CI account, and the alert email from the secret.
  EXPECT_THAT(yml, HasSubstr("  PROD_ACCOUNT_ID: '" + in.prod.data.account + "'\n"));
  EXPECT_THAT(yml, HasSubstr("  CI_ACCOUNT_ID: '" + in.ci.data.account + "'\n"));
  EXPECT_NE(in.prod.data.account, in.ci.data.account);
  EXPECT_THAT(yml, HasSubstr("ALERT_EMAIL: ${{ secrets.ALERT_EMAIL }}"));
  EXPECT_THAT(yml, HasSubstr("role-chaining: true"));
  EXPECT_THAT(yml, Not(HasSubstr("@diyaccounting")));
}

TEST(Workflows, FollowTheDeploymentName) {
  const auto before = seed::render_workflows(inputs());
  const auto after = seed::render_workflows(inputs(Json{{"deploymentName", "ci-feature-x"}}));
  EXPECT_THAT(file_named(after, "synthetic-test.yml"), HasSubstr("--dimensions deployment-name=ci-feature-x,"));
  EXPECT_THAT(file_named(after, "deploy-environment.yml"), HasSubstr("Deploy ci-feature-x-app-OpsStack"));
  EXPECT_THAT(file_named(after, "synth.yml"), HasSubstr("opsynth diff --against deployed/ci-feature-x-app-OpsStack"));
  EXPECT_THAT(file_named(before, "synth.yml"), Not(HasSubstr("ci-feature-x")));
}

TEST(Workflows, SynthRunsLintDiffAndUpload) {
  auto in = inputs();
  in.context_args = {"-c", "deploymentName=it's"};
  const auto yml = file_named(seed::render_workflows(in), "synth.yml");
  EXPECT_THAT(yml, HasSubstr("run: build/opsynth synth -o cdk.out -c 'deploymentName=it'\\''s'\n"));
  EXPECT_THAT(yml, HasSubstr("run: cfn-lint cdk.out/*.template.json\n"));
  EXPECT_THAT(yml, HasSubstr("uses: actions/upload-artifact@v4"));
  for (const auto& s : in.app.stacks)
    EXPECT_THAT(yml, HasSubstr("aws cloudformation get-template --stack-name " + s.name));
  EXPECT_TRUE(std::regex_search(yml, std::regex("on:\n  pull_request:\n  push:\n")));
}
