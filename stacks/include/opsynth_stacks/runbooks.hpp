// Disaster-recovery runbooks generated from the synthesized app (`opsynth runbook`): bash
// scripts with the vault, restore role, tables and buckets of the app filled in, a --dry-run
// mode that prints the aws commands, and --endpoint-url for tests against moto.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "opsynth_stacks/ops_facts.hpp"

namespace opsynth::seed {

// Where the seed's daily Cognito user export lands in the backup bucket (seed "Scenario 3";
// the export job is set up outside the app).
inline constexpr const char* kCognitoExportPrefix = "cognito-exports/";

// (file name, script text): restore-table.sh, disaster-recovery.sh, restore-cognito-users.sh.
std::vector<std::pair<std::string, std::string>> render_runbooks(const OpsFacts& facts);

}  // namespace opsynth::seed
