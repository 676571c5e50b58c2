// The seed app's configuration, read from context (keys and defaults in README
// "Context"), with the names the original project derives from it (SEED-CONTEXT.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "opsynth/core/construct.hpp"

namespace opsynth::seed {

// The backup account's vault (fixed by the seed; the DataStack copies into it by ARN).
inline constexpr const char* kBackupVaultName = "diy-submit-backup-vault";

// The default account ids are placeholders (README "Context"); with the context flag
// requireRealAccounts (true in real deploy workflows) using one is an error.
inline constexpr const char* kPlaceholderCiAccountId = "111111111111";
inline constexpr const char* kPlaceholderProdAccountId = "222222222222";
inline constexpr const char* kPlaceholderBackupAccountId = "333333333333";

struct SeedConfig {
  std::string env_name;          // envName: "prod" or e.g. "ci"
  std::string deployment_name;   // deploymentName
  std::string hosted_zone_name;  // hostedZoneName: "diyaccounting.co.uk"
  std::string sub_domain_name;   // subDomainName: "submit"
  std::string region;
  std::string ci_account_id, prod_account_id, backup_account_id, management_account_id;
  std::string organization_id;   // optional
  bool require_real_accounts = false;  // requireRealAccounts: placeholder account ids are errors
  std::string alert_email;       // optional; from the ALERT_EMAIL secret in CI
  int canary_interval_minutes = 5;
  std::string rum_app_monitor_id, cloudfront_distribution_id, api_gateway_id;  // optional
  std::string base_url;          // canaries only when non-empty
  std::vector<std::string> lambda_function_arns;

  // Derived names.
  std::string env_domain_name() const;         // submit.diyaccounting.co.uk / ci.submit...
  std::string deployment_domain_name() const;  // {deployment}.submit.diyaccounting.co.uk
  std::string env_base_url() const;            // https://{env domain}/
  std::string app_prefix() const;              // e.g. prod-submit-app
  std::string env_prefix() const;              // e.g. submit-env
  std::string target_account() const;          // prod account for envName prod, else CI
  std::string backup_vault_name() const { return kBackupVaultName; }
  std::string backup_vault_arn() const;
  std::string backup_bucket_name() const { return "diy-submit-backup-" + backup_account_id; }
  std::string source_bucket_name() const { return env_prefix() + "-origin-assets"; }
  std::string bundles_table_name() const { return env_prefix() + "-bundles"; }
  std::string receipts_table_name() const { return env_prefix() + "-receipts"; }
  std::string hmrc_api_requests_table_name() const { return env_prefix() + "-hmrc-api-requests"; }
  // arn:aws:dynamodb:{region}:{target account}:table/{name}
  std::string table_arn(const std::string& table_name) const;

  // Stack ids (and names).
  std::string ops_stack_id() const { return deployment_name + "-app-OpsStack"; }
  std::string data_stack_id() const { return env_name + "-env-DataStack"; }
  std::string backup_stack_id() const { return env_name + "-env-BackupStack"; }
};

// The Lambda handlers of the original project (SEED-CONTEXT.md) plus the seed's
// "Sign-ups" source cognitoPostConfirmation, so the seed's dashboard is whole.
const std::vector<std::string>& default_lambda_handlers();
// camelCase -> dash-case, with a trailing "-handler" or "-http" dropped.
std::string dash_case_handler(const std::string& handler);

// The partition of a region name (aws-cdk-lib's RegionInfo): "aws-cn" for China regions ("cn-"),
// "aws-us-gov" for GovCloud ("-gov-"), "aws-iso" and "aws-iso-b" for the isolated ones, else "aws".
std::string_view region_partition(std::string_view region);

// Reads the configuration; every problem is appended to `errors` naming the context key.
SeedConfig read_seed_config(const Construct& scope, std::vector<std::string>& errors);

}  // namespace opsynth::seed
