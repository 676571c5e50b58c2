#include "opsynth_stacks/seed_config.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "opsynth/core/regex.hpp"

namespace opsynth::seed {
namespace {

std::string context_string(const Construct& scope, const char* key, std::string fallback,
                           std::vector<std::string>& errors) {
  const Json* v = scope.try_get_context(key);
  if (v == nullptr || v->is_null()) return fallback;
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  errors.push_back(fmt::format("context \"{}\": expected a string, found {}", key, v->type_name()));
  return fallback;
}

void check_account(const char* key, const std::string& account, std::vector<std::string>& errors) {
  static const Regex kAccount("^[0-9]{12}$");
  if (!kAccount.full_match(account))
    errors.push_back(fmt::format("context \"{}\": \"{}\" is not an AWS account id (12 digits)", key, account));
}

// A TCP port as a URL writes it: 1-65535, in decimal.
bool is_tcp_port(const std::string& digits) {
  if (digits.empty() || digits.size() > 5) return false;
  const int port = std::stoi(digits);
  return port >= 1 && port <= 65535;
}

bool context_flag(const Construct& scope, const char* key, std::vector<std::string>& errors) {
  const Json* v = scope.try_get_context(key);
  if (v == nullptr || v->is_null()) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string() && (*v == "true" || *v == "false")) return *v == "true";
  errors.push_back(fmt::format("context \"{}\": {} is not allowed; use true or false", key, v->dump()));
  return false;
}

void check_not_placeholder(const char* key, const std::string& account, std::vector<std::string>& errors) {
  for (const char* placeholder : {kPlaceholderCiAccountId, kPlaceholderProdAccountId, kPlaceholderBackupAccountId})
    if (account == placeholder)
      errors.push_back(fmt::format("context \"{}\": {} is a placeholder account id; set the real account id "
                                   "(requireRealAccounts is true)",
                                   key, account));
}

std::string strip_zone(const std::string& domain, const std::string& zone) {
  std::string suffix = "." + zone;
  std::string out = domain;
  if (out.size() > suffix.size() && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0)
    out.resize(out.size() - suffix.size());
  for (char& c : out)
    if (c == '.') c = '-';
  return out;
}

}  // namespace

std::string_view region_partition(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.find("-gov-") != std::string_view::npos) return "aws-us-gov";
  if (region.find("-isob-") != std::string_view::npos) return "aws-iso-b";
  if (region.find("-iso") != std::string_view::npos) return "aws-iso";
  return "aws";
}

std::string SeedConfig::env_domain_name() const {
  return env_name == "prod" ? fmt::format("{}.{}", sub_domain_name, hosted_zone_name)
                            : fmt::format("{}.{}.{}", env_name, sub_domain_name, hosted_zone_name);
}
std::string SeedConfig::deployment_domain_name() const {
  return fmt::format("{}.{}.{}", deployment_name, sub_domain_name, hosted_zone_name);
}
std::string SeedConfig::env_base_url() const { return "https://" + env_domain_name() + "/"; }
std::string SeedConfig::app_prefix() const { return strip_zone(deployment_domain_name(), hosted_zone_name) + "-app"; }
std::string SeedConfig::env_prefix() const { return strip_zone(env_domain_name(), hosted_zone_name) + "-env"; }
std::string SeedConfig::target_account() const { return env_name == "prod" ? prod_account_id : ci_account_id; }
std::string SeedConfig::backup_vault_arn() const {
  return fmt::format("arn:aws:backup:{}:{}:backup-vault:{}", region, backup_account_id, backup_vault_name());
}

std::string SeedConfig::table_arn(const std::string& table_name) const {
  return fmt::format("arn:aws:dynamodb:{}:{}:table/{}", region, target_account(), table_name);
}

const std::vector<std::string>& default_lambda_handlers() {
  static const std::vector<std::string> handlers{
      "cognitoAuthUrlGet", "cognitoTokenPost",     "customAuthorizer", "hmrcAuthUrlGet",   "hmrcTokenPost",
      "hmrcVatReturnPost", "hmrcVatObligationGet", "hmrcVatReturnGet", "hmrcReceiptPost",  "hmrcReceiptGet",
      "catalogGet",        "bundleGet",            "bundlePost",       "bundleDelete",     "selfDestruct",
      "cognitoPostConfirmation"};
  return handlers;
}

std::string dash_case_handler(const std::string& handler) {
  std::string out;
  for (char c : handler) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (!out.empty()) out += '-';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  for (const char* suffix : {"-handler", "-http"}) {
    std::string s(suffix);
    if (out.size() > s.size() && out.compare(out.size() - s.size(), s.size(), s) == 0) out.resize(out.size() - s.size());
  }
  return out;
}

SeedConfig read_seed_config(const Construct& scope, std::vector<std::string>& errors) {
  SeedConfig c;
  c.env_name = context_string(scope, "envName", "prod", errors);
  c.deployment_name = context_string(scope, "deploymentName", c.env_name, errors);
  c.hosted_zone_name = context_string(scope, "hostedZoneName", "diyaccounting.co.uk", errors);
  c.sub_domain_name = context_string(scope, "subDomainName", "submit", errors);
  c.region = context_string(scope, "region", "eu-west-2", errors);
  c.ci_account_id = context_string(scope, "ciAccountId", kPlaceholderCiAccountId, errors);
  c.prod_account_id = context_string(scope, "prodAccountId", kPlaceholderProdAccountId, errors);
  c.backup_account_id = context_string(scope, "backupAccountId", kPlaceholderBackupAccountId, errors);
  c.management_account_id = context_string(scope, "managementAccountId", "887764105431", errors);
  c.organization_id = context_string(scope, "organizationId", "", errors);
  c.alert_email = context_string(scope, "alertEmail", "", errors);
  c.rum_app_monitor_id = context_string(scope, "rumAppMonitorId", "", errors);
  c.cloudfront_distribution_id = context_string(scope, "cloudFrontDistributionId", "", errors);
  c.api_gateway_id = context_string(scope, "apiGatewayId", "", errors);

  // Each starts stack names ("{envName}-env-DataStack", "{deploymentName}-app-OpsStack"), which
  // CloudFormation wants to begin with a letter. deploymentName defaults to envName: checked
  // only when given, so that a bad envName is one error.
  static const Regex kName("^[a-z]([a-z0-9-]*[a-z0-9])?$");
  for (auto [key, value] : {std::pair{"envName", &c.env_name}, std::pair{"deploymentName", &c.deployment_name}}) {
    if (value == &c.deployment_name && scope.try_get_context(key) == nullptr) continue;
    if (!kName.full_match(*value) || value->size() > 32)
      errors.push_back(fmt::format("context \"{}\": \"{}\" must be 1-32 lowercase letters, digits and inner dashes, "
                                   "starting with a letter (it becomes part of domain, stack and resource names)",
                                   key, *value));
  }
  // Both become part of the site's domain names (the canaries' URLs) and, dots as dashes, of
  // resource names.
  static const Regex kDnsName(R"(^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$)");
  struct DnsContext {
    const char* key;
    const std::string* value;
    const char* example;
  };
  for (auto [key, value, example] : {DnsContext{"hostedZoneName", &c.hosted_zone_name, "diyaccounting.co.uk"},
                                     DnsContext{"subDomainName", &c.sub_domain_name, "submit"}}) {
    if (value->size() > 200 || !kDnsName.full_match(*value))
      errors.push_back(fmt::format("context \"{}\": \"{}\" must be a DNS name: labels of 1-63 lowercase letters, "
                                   "digits and inner dashes, joined by dots, 200 characters at most (e.g. {})",
                                   key, *value, example));
  }
  static const Regex kRegion("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$");
  if (!kRegion.full_match(c.region))
    errors.push_back(fmt::format("context \"region\": \"{}\" is not an AWS region name (e.g. eu-west-2)", c.region));
  else if (std::string_view partition = region_partition(c.region); partition != "aws")
    errors.push_back(fmt::format("context \"region\": \"{}\" is in the {} partition; the app builds its ARNs in the "
                                 "aws partition (arn:aws:...): use a commercial region such as eu-west-2",
                                 c.region, partition));
  check_account("ciAccountId", c.ci_account_id, errors);
  check_account("prodAccountId", c.prod_account_id, errors);
  check_account("backupAccountId", c.backup_account_id, errors);
  check_account("managementAccountId", c.management_account_id, errors);
  c.require_real_accounts = context_flag(scope, "requireRealAccounts", errors);
  if (c.require_real_accounts) {
    // Only the accounts this environment deploys into: its target account and the backup account.
    const bool prod = c.env_name == "prod";
    check_not_placeholder(prod ? "prodAccountId" : "ciAccountId", c.target_account(), errors);
    check_not_placeholder("backupAccountId", c.backup_account_id, errors);
  }
  static const Regex kOrganizationId("^o-[a-z0-9]{10,32}$");
  if (!c.organization_id.empty() && !kOrganizationId.full_match(c.organization_id))
    errors.push_back(fmt::format("context \"organizationId\": \"{}\" is not an AWS Organizations id (o-xxxxxxxxxx)",
                                 c.organization_id));
  static const Regex kEmail(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  if (!c.alert_email.empty() && !kEmail.full_match(c.alert_email))
    errors.push_back(fmt::format("context \"alertEmail\": \"{}\" is not an email address; give one like "
                                 "ops@example.com (or \"\" for no email subscription)",
                                 c.alert_email));

  const Json* interval = scope.try_get_context("canaryIntervalMinutes");
  if (interval != nullptr) {
    long long minutes = -1;
    if (interval->is_number_integer()) minutes = interval->get<long long>();
    if (interval->is_string()) {
      const auto& s = interval->get_ref<const std::string&>();
      // Leading zeros do not count ("0060" is 60; YAML keeps such a value text): the digits after
      // them are read only when there are few enough to be in range.
      const std::size_t first_nonzero = std::min(s.find_first_not_of('0'), s.size());
      if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos && s.size() - first_nonzero <= 2)
        minutes = first_nonzero == s.size() ? 0 : std::stoll(s.substr(first_nonzero));
    }
    if (minutes < 1 || minutes > 60)
      errors.push_back(fmt::format("context \"canaryIntervalMinutes\": {} is not allowed; use whole minutes from 1 to 60",
                                   interval->dump()));
    else
      c.canary_interval_minutes = static_cast<int>(minutes);
  }

  c.base_url = context_string(scope, "baseUrl", "https://" + c.deployment_domain_name() + "/", errors);
  static const Regex kBaseUrl(R"(^https://[a-z0-9.-]+(:([0-9]*))?/([^\s]*)$)");
  // Checked only when given (the default is made of names checked above); empty means no canaries.
  const bool check_url = scope.try_get_context("baseUrl") != nullptr && !c.base_url.empty();
  const auto url = check_url ? kBaseUrl.full_match_groups(c.base_url) : std::nullopt;
  if (check_url && !url)
    errors.push_back(fmt::format("context \"baseUrl\": \"{}\" must be an https:// URL ending in '/' (or empty for no "
                                 "canaries)",
                                 c.base_url));
  if (url && !(*url)[1].empty() && !is_tcp_port((*url)[2]))
    errors.push_back(fmt::format("context \"baseUrl\": \"{}\" has port \"{}\"; a port must be 1-65535 (or left out "
                                 "for 443)",
                                 c.base_url, (*url)[2]));

  const Json* arns = scope.try_get_context("lambdaFunctionArns");
  if (arns != nullptr && arns->is_array()) {
    for (std::size_t i = 0; i < arns->size(); ++i) {
      const Json& a = (*arns)[i];
      if (a.is_string()) c.lambda_function_arns.push_back(a.get<std::string>());
      else errors.push_back(fmt::format("context \"lambdaFunctionArns\": entry {} is {}; every entry must be a string ARN",
                                        i, a.dump()));
    }
  } else if (arns != nullptr && arns->is_string()) {
    std::string s = arns->get<std::string>();
    std::size_t start = 0;
    while (start <= s.size()) {
      auto comma = s.find(',', start);
      std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) c.lambda_function_arns.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else if (arns != nullptr) {
    errors.push_back("context \"lambdaFunctionArns\": expected a list of ARNs or a comma-separated string");
  } else {
    for (const auto& h : default_lambda_handlers())
      c.lambda_function_arns.push_back(fmt::format("arn:aws:lambda:{}:{}:function:{}-{}", c.region, c.target_account(),
                                                   c.app_prefix(), dash_case_handler(h)));
  }
  // Only ARNs given in the context are checked: the default ones are built from the region,
  // account and names checked above, whose errors would otherwise be repeated once per handler.
  static const Regex kLambdaArn(R"(^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}$)");
  if (arns != nullptr)
    for (const auto& a : c.lambda_function_arns)
      if (!kLambdaArn.full_match(a))
        errors.push_back(fmt::format("context \"lambdaFunctionArns\": \"{}\" is not a Lambda function ARN "
                                     "(arn:aws:lambda:REGION:ACCOUNT:function:NAME)",
                                     a));
  return c;
}

}  // namespace opsynth::seed
