#include "opsynth_stacks/ops_facts.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "opsynth/core/stack.hpp"

namespace opsynth::seed {
namespace {

struct Environment {
  std::string account, region;
};

Environment environment_of(const StackArtifact& a) {
  const std::string uri = a.stack->environment_uri();  // aws://ACCOUNT/REGION
  const std::string rest = uri.substr(uri.find("://") + 3);
  const auto slash = rest.find('/');
  return {rest.substr(0, slash), rest.substr(slash + 1)};
}

struct StackView {
  const StackArtifact& artifact;
  const Json& manifest_entry;
  std::string account, region;
  Json template_json;  // parsed once: resource_at points into it
};

StackView view_of(const Json& manifest, const StackArtifact& a) {
  auto [account, region] = environment_of(a);
  return {a, manifest.at("artifacts").at(a.artifact_id), std::move(account), std::move(region), a.template_json()};
}

// A property value as a plain string: a literal, or a Ref / Fn::Join / Fn::Sub over the
// stack's pseudo parameters (its environment is concrete, so they have one value).
std::optional<std::string> plain_string(const Json& v, const StackView& s) {
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_object() || v.size() != 1) return std::nullopt;
  auto pseudo = [&s](const std::string& name) -> std::optional<std::string> {
    if (name == "AWS::AccountId") return s.account;
    if (name == "AWS::Region") return s.region;
    if (name == "AWS::Partition") return std::string(region_partition(s.region));
    if (name == "AWS::URLSuffix") return std::string("amazonaws.com");
    return std::nullopt;
  };
  if (v.contains("Ref") && v["Ref"].is_string()) return pseudo(v["Ref"].get<std::string>());
  if (v.contains("Fn::Join") && v["Fn::Join"].is_array() && v["Fn::Join"].size() == 2) {
    std::string out;
    bool first = true;
    for (const auto& part : v["Fn::Join"][1]) {
      auto p = plain_string(part, s);
      if (!p) return std::nullopt;
      out += (first ? "" : v["Fn::Join"][0].get<std::string>()) + *p;
      first = false;
    }
    return out;
  }
  if (v.contains("Fn::Sub") && v["Fn::Sub"].is_string()) {
    std::string out = v["Fn::Sub"].get<std::string>();
    for (std::size_t at = out.find("${"); at != std::string::npos; at = out.find("${", at)) {
      const auto end = out.find('}', at);
      auto p = end == std::string::npos ? std::nullopt : pseudo(out.substr(at + 2, end - at - 2));
      if (!p) return std::nullopt;
      out.replace(at, end - at + 1, *p);
      at += p->size();
    }
    return out;
  }
  return std::nullopt;
}

// The resource the construct at `path` (below the stack) rendered, found through the
// manifest's aws:cdk:logicalId metadata.
const Json* resource_at(const StackView& s, const std::string& path) {
  const auto& meta = s.manifest_entry.at("metadata");
  const auto key = fmt::format("/{}/{}", s.artifact.stack->path(), path);
  if (!meta.contains(key)) return nullptr;
  for (const auto& entry : meta[key])
    if (entry.value("type", "") == "aws:cdk:logicalId") {
      const auto& resources = s.template_json.at("Resources");
      const auto id = entry.at("data").get<std::string>();
      return resources.contains(id) ? &resources[id] : nullptr;
    }
  return nullptr;
}

class Reader {
 public:
  Reader(const CloudAssembly& assembly, std::vector<std::string>& errors)
      : assembly_(assembly), manifest_(assembly.manifest_json()), errors_(errors) {}

  std::optional<StackView> stack(const std::string& name) {
    if (const auto* a = assembly_.find(name)) return view_of(manifest_, *a);
    errors_.push_back(fmt::format("{}: the app has no such stack", name));
    return std::nullopt;
  }
  const Json* properties(const StackView& s, const std::string& path) {
    const Json* r = resource_at(s, path);
    if (r != nullptr && r->contains("Properties")) return &(*r)["Properties"];
    errors_.push_back(fmt::format("{}/{}: no such resource in the template", s.artifact.artifact_id, path));
    return nullptr;
  }
  std::string string_property(const StackView& s, const std::string& path, const char* key) {
    const Json* props = properties(s, path);
    if (props == nullptr) return {};
    if (props->contains(key))
      if (auto v = plain_string((*props)[key], s)) return *v;
    errors_.push_back(
        fmt::format("{}/{}: {} is missing or not a plain string", s.artifact.artifact_id, path, key));
    return {};
  }
  void error(std::string message) { errors_.push_back(std::move(message)); }

 private:
  const CloudAssembly& assembly_;
  const Json manifest_;  // parsed once; the stack views point into it
  std::vector<std::string>& errors_;
};

// CloudFormation asks for CAPABILITY_NAMED_IAM when an IAM resource has a custom name, else
// CAPABILITY_IAM when there is any IAM resource.
std::string capability_for(const Json& template_json) {
  static const std::set<std::string> kNameProperties{"RoleName", "UserName", "GroupName", "ManagedPolicyName",
                                                     "InstanceProfileName"};
  std::string capability;
  if (!template_json.contains("Resources")) return capability;
  for (const auto& [id, r] : template_json["Resources"].items()) {
    if (!r.value("Type", "").starts_with("AWS::IAM::")) continue;
    capability = "CAPABILITY_IAM";
    if (r.contains("Properties"))
      for (const auto& [key, _] : r["Properties"].items())
        if (kNameProperties.contains(key)) return "CAPABILITY_NAMED_IAM";
  }
  return capability;
}

// Dependencies first (a stack is placed once all it depends on are placed); among the stacks
// ready at each step, those in the backup account first, then the app's creation order.
std::vector<DeployedStack> deploy_order(const CloudAssembly& assembly, const std::string& backup_account,
                                        Reader& reader) {
  std::vector<DeployedStack> out;
  std::set<std::string> placed;
  while (placed.size() < assembly.stacks.size()) {
    const StackArtifact* next = nullptr;
    for (const auto& a : assembly.stacks) {
      if (placed.contains(a.artifact_id)) continue;
      if (!std::all_of(a.dependencies.begin(), a.dependencies.end(), [&](const auto& d) { return placed.contains(d); }))
        continue;
      const bool in_backup = environment_of(a).account == backup_account;
      if (next == nullptr || (in_backup && environment_of(*next).account != backup_account)) next = &a;
    }
    if (next == nullptr) {
      reader.error("the app's stacks depend on each other in a cycle; no deploy order exists");
      return out;
    }
    const auto env = environment_of(*next);
    out.push_back({next->artifact_id, env.account, env.region, next->template_file, capability_for(next->template_json())});
    placed.insert(next->artifact_id);
  }
  return out;
}

SyntheticMetric read_synthetic_metric(Reader& reader, const StackView& ops) {
  SyntheticMetric m;
  m.account = ops.account;
  m.region = ops.region;
  const char* path = "GithubSyntheticAlarm/Resource";
  const Json* props = reader.properties(ops, path);
  if (props == nullptr) return m;
  const auto where = fmt::format("{}/{}", ops.artifact.artifact_id, path);
  m.alarm_name = reader.string_property(ops, path, "AlarmName");
  m.namespace_ = reader.string_property(ops, path, "Namespace");
  m.metric_name = reader.string_property(ops, path, "MetricName");
  if (props->contains("Dimensions") && (*props)["Dimensions"].is_array()) {
    for (const auto& d : (*props)["Dimensions"]) {
      auto name = plain_string(d.value("Name", Json()), ops);
      auto value = plain_string(d.value("Value", Json()), ops);
      if (name && value) m.dimensions.emplace_back(*name, *value);
      else reader.error(where + ": a dimension is not a plain Name/Value pair");
    }
  }
  if (props->contains("Period") && (*props)["Period"].is_number_integer()) m.period_seconds = (*props)["Period"];
  else reader.error(where + ": Period is missing (the alarm must watch one metric, not an expression)");
  return m;
}

}  // namespace

OpsFacts read_ops_facts(const SeedConfig& config, const CloudAssembly& assembly, std::vector<std::string>& errors) {
  Reader reader(assembly, errors);
  OpsFacts f;
  f.env_name = config.env_name;
  f.deployment_name = config.deployment_name;
  f.management_account_id = config.management_account_id;

  if (auto backup = reader.stack(config.backup_stack_id())) {
    f.backup.account = backup->account;
    f.backup.region = backup->region;
    f.backup.vault_name = reader.string_property(*backup, "BackupVault/Resource", "BackupVaultName");
    const auto role_name = reader.string_property(*backup, "RestoreRole/Resource", "RoleName");
    f.backup.restore_role_arn =
        fmt::format("arn:{}:iam::{}:role/{}", region_partition(backup->region), backup->account, role_name);
    f.backup.bucket_name = reader.string_property(*backup, "BackupBucket/Resource", "BucketName");
  }
  if (auto data = reader.stack(config.data_stack_id())) {
    f.data.account = data->account;
    f.data.region = data->region;
    f.data.table_arn_prefix = fmt::format("arn:{}:dynamodb:{}:{}:table/", region_partition(data->region), data->region,
                                          data->account);
    for (const auto& [id, r] : data->template_json.at("Resources").items()) {
      if (r.value("Type", "") != "AWS::DynamoDB::Table") continue;
      auto name = r.contains("Properties") ? plain_string(r["Properties"].value("TableName", Json()), *data)
                                           : std::nullopt;
      if (name) f.data.table_names.push_back(*name);
      else reader.error(fmt::format("{}/{}: the table has no plain TableName", data->artifact.artifact_id, id));
    }
    if (f.data.table_names.empty()) reader.error(data->artifact.artifact_id + ": the stack has no DynamoDB table");
    f.data.assets_bucket_name = reader.string_property(*data, "OriginAssetsBucket/Resource", "BucketName");
  }
  if (auto ops = reader.stack(config.ops_stack_id())) f.synthetic = read_synthetic_metric(reader, *ops);
  f.stacks = deploy_order(assembly, f.backup.account, reader);
  return f;
}

}  // namespace opsynth::seed
