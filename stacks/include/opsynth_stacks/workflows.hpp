// GitHub Actions workflows generated from the synthesized app (`opsynth workflows`), so what
// CI deploys and publishes follows the stacks: synth.yml, deploy-environment.yml,
// synthetic-test.yml.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "opsynth_stacks/ops_facts.hpp"

namespace opsynth::seed {

// Roles the seed creates by hand outside the app (seed "GitHub Actions Multi-Account
// Deployment"): the OIDC role in the management account, and the deployment role each
// workload account (CI, prod, backup) trusts it to assume.
inline constexpr const char* kGithubActionsRoleName = "submit-github-actions-role";
inline constexpr const char* kDeploymentRoleName = "submit-deployment-role";

struct WorkflowInputs {
  OpsFacts app;   // the app as configured: synth.yml and synthetic-test.yml
  OpsFacts prod;  // the app with envName=prod: deployed from branch main
  OpsFacts ci;    // the app with envName=ci: deployed from every other branch
  std::vector<std::string> context_args;  // -c / --config arguments the generator was given, passed on
};

// (file name, YAML text) for each workflow, in a fixed order.
std::vector<std::pair<std::string, std::string>> render_workflows(const WorkflowInputs& in);

// The synthetic test's cron: a quarter of the alarm period (at least 5 minutes), off the hour.
std::string synthetic_test_cron(int alarm_period_seconds);

}  // namespace opsynth::seed
