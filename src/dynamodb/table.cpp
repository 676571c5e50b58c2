#include "opsynth/dynamodb/table.hpp"

#include <fmt/format.h>

#include "opsynth/core/regex.hpp"
#include "opsynth/kms/key.hpp"

namespace opsynth::dynamodb {
namespace {

using CfnTable = cfn::dynamodb::CfnTable;

const char* attribute_type_code(AttributeType t) {
  switch (t) {
    case AttributeType::String: return "S";
    case AttributeType::Number: return "N";
    case AttributeType::Binary: return "B";
  }
  return "S";
}

const char* stream_view_type_name(StreamViewType t) {
  switch (t) {
    case StreamViewType::KeysOnly: return "KEYS_ONLY";
    case StreamViewType::NewImage: return "NEW_IMAGE";
    case StreamViewType::OldImage: return "OLD_IMAGE";
    case StreamViewType::NewAndOldImages: return "NEW_AND_OLD_IMAGES";
  }
  return "KEYS_ONLY";
}

// aws-cdk-lib: encryption defaults to CustomerManaged when a key is given, else unset.
std::optional<TableEncryption> effective_encryption(const TableProps& p) {
  if (p.encryption) return p.encryption;
  if (p.encryption_key) return TableEncryption::CustomerManaged;
  return std::nullopt;
}

std::optional<cfn::Object<CfnTable::SSESpecificationProperty>> sse_specification(const TableProps& p) {
  auto encryption = effective_encryption(p);
  if (!encryption) return std::nullopt;
  CfnTable::SSESpecificationProperty sse;
  switch (*encryption) {
    case TableEncryption::Default: sse.sse_enabled = false; break;
    case TableEncryption::AwsManaged: sse.sse_enabled = true; break;
    case TableEncryption::CustomerManaged:
      sse.sse_enabled = true;
      if (p.encryption_key) sse.kms_master_key_id = p.encryption_key->key_arn();
      sse.sse_type = "KMS";
      break;
  }
  return sse;
}

CfnTable::Props render(const TableProps& p) {
  CfnTable::Props out;
  std::vector<cfn::Object<CfnTable::KeySchema2Property>> keys;
  std::vector<cfn::Object<CfnTable::AttributeDefinitionProperty>> attributes;
  auto add_key = [&](const Attribute& a, const char* key_type) {
    keys.push_back(CfnTable::KeySchema2Property{.attribute_name = a.name, .key_type = key_type});
    attributes.push_back(
        CfnTable::AttributeDefinitionProperty{.attribute_name = a.name, .attribute_type = attribute_type_code(a.type)});
  };
  add_key(p.partition_key, "HASH");
  if (p.sort_key) add_key(*p.sort_key, "RANGE");
  out.key_schema = std::move(keys);
  out.attribute_definitions = std::move(attributes);
  if (!p.table_name.empty()) out.table_name = p.table_name;
  if (p.billing_mode == BillingMode::PayPerRequest) {
    out.billing_mode = "PAY_PER_REQUEST";
  } else {
    out.provisioned_throughput = CfnTable::ProvisionedThroughputProperty{
        .read_capacity_units = p.read_capacity.value_or(5), .write_capacity_units = p.write_capacity.value_or(5)};
  }
  if (p.point_in_time_recovery) {
    CfnTable::PointInTimeRecoverySpecificationProperty pitr{.point_in_time_recovery_enabled =
                                                                p.point_in_time_recovery->enabled};
    if (p.point_in_time_recovery->recovery_period_days)
      pitr.recovery_period_in_days = *p.point_in_time_recovery->recovery_period_days;
    out.point_in_time_recovery_specification = std::move(pitr);
  }
  out.sse_specification = sse_specification(p);
  if (p.stream) out.stream_specification = CfnTable::StreamSpecificationProperty{.stream_view_type =
                                                                                     stream_view_type_name(*p.stream)};
  if (!p.time_to_live_attribute.empty())
    out.time_to_live_specification =
        CfnTable::TimeToLiveSpecificationProperty{.attribute_name = p.time_to_live_attribute, .enabled = true};
  if (p.deletion_protection) out.deletion_protection_enabled = *p.deletion_protection;
  return out;
}

void check_attribute_name(const char* what, const std::string& name, std::vector<std::string>& errors) {
  if (name.empty() || name.size() > 255)
    errors.push_back(fmt::format("{} name \"{}\" must be 1-255 characters", what, name));
}

}  // namespace

Table::Table(Construct& scope, std::string id, TableProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)) {
  resource_ = &add<CfnTable>("Resource", render(props_));
  resource_->apply_removal_policy(props_.removal_policy);
}

void Table::validate(std::vector<std::string>& errors) const {
  const auto& p = props_;
  check_attribute_name("partition key", p.partition_key.name, errors);
  if (p.sort_key) check_attribute_name("sort key", p.sort_key->name, errors);
  if (!p.time_to_live_attribute.empty()) check_attribute_name("time-to-live attribute", p.time_to_live_attribute, errors);
  static const Regex kTableName("^[a-zA-Z0-9_.-]{3,255}$");
  if (!p.table_name.empty() && !kTableName.full_match(p.table_name))
    errors.push_back(fmt::format("table name \"{}\" is not allowed; use 3-255 letters, digits, '_', '-' and '.'",
                                 p.table_name));
  if (p.billing_mode == BillingMode::PayPerRequest && (p.read_capacity || p.write_capacity))
    errors.push_back("read/write capacity is set on a PAY_PER_REQUEST table; capacity applies to Provisioned billing only");
  for (auto [what, units] : {std::pair{"read", p.read_capacity}, std::pair{"write", p.write_capacity}})
    if (units && *units < 1) errors.push_back(fmt::format("{} capacity {} is not allowed; use at least 1", what, *units));
  if (const auto& pitr = p.point_in_time_recovery; pitr && pitr->recovery_period_days) {
    if (!pitr->enabled)
      errors.push_back("point-in-time recovery period is set while point-in-time recovery is disabled; enable it or "
                       "drop the period");
    int days = *pitr->recovery_period_days;
    if (days < 1 || days > 35)
      errors.push_back(fmt::format("point-in-time recovery period of {} days is not allowed; use 1 to 35 days", days));
  }
  auto encryption = effective_encryption(p);
  if (p.encryption_key && encryption != TableEncryption::CustomerManaged)
    errors.push_back("an encryption key is given but encryption is not CustomerManaged; set "
                     "TableEncryption::CustomerManaged or drop the key");
  if (encryption == TableEncryption::CustomerManaged && !p.encryption_key)
    errors.push_back("TableEncryption::CustomerManaged needs encryption_key (the key that encrypts the table)");
}

}  // namespace opsynth::dynamodb
