// dynamodb::Table — a DynamoDB table (L2), rendered like aws-cdk-lib's `Table`.
//
//   auto& t = stack.add<dynamodb::Table>("BundlesTable", dynamodb::TableProps{
//       .partition_key = {"hashedSub", dynamodb::AttributeType::String},
//       .sort_key = dynamodb::Attribute{"bundleId", dynamodb::AttributeType::String},
//       .billing_mode = dynamodb::BillingMode::PayPerRequest,
//       .point_in_time_recovery = dynamodb::PointInTimeRecovery{}});
#pragma once

#include <optional>
#include <string>

#include "opsynth/cfn/dynamodb/table.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/construct.hpp"

namespace opsynth::kms {
class Key;
}

namespace opsynth::dynamodb {

enum class AttributeType { String, Number, Binary };  // S, N, B

struct Attribute {
  std::string name;
  AttributeType type = AttributeType::String;
};

// aws-cdk-lib's default is Provisioned (5 read / 5 write capacity units).
enum class BillingMode { Provisioned, PayPerRequest };

enum class TableEncryption {
  Default,          // AWS owned key (SSESpecification.SSEEnabled false)
  AwsManaged,       // the aws/dynamodb key
  CustomerManaged,  // the given key (TableProps::encryption_key)
};

enum class StreamViewType { KeysOnly, NewImage, OldImage, NewAndOldImages };

struct PointInTimeRecovery {
  bool enabled = true;
  std::optional<int> recovery_period_days;  // 1-35 (AWS default 35)
};

struct TableProps {
  Attribute partition_key;
  std::optional<Attribute> sort_key;
  std::string table_name;  // empty: CloudFormation generates one
  BillingMode billing_mode = BillingMode::Provisioned;
  std::optional<int> read_capacity;   // Provisioned only (default 5)
  std::optional<int> write_capacity;  // Provisioned only (default 5)
  std::optional<PointInTimeRecovery> point_in_time_recovery;
  std::optional<TableEncryption> encryption;
  // The key for TableEncryption::CustomerManaged (implied when set; required then: unlike
  // aws-cdk-lib, no key is created implicitly, so the key's policy stays where it is declared).
  const kms::Key* encryption_key = nullptr;
  std::optional<StreamViewType> stream;
  std::string time_to_live_attribute;  // empty: no TTL
  std::optional<bool> deletion_protection;
  RemovalPolicy removal_policy = RemovalPolicy::Retain;
};

class Table : public Construct {
 public:
  Table(Construct& scope, std::string id, TableProps props);

  Value table_name() const { return resource_->ref(); }
  Value table_arn() const { return resource_->attr_arn(); }
  Value table_stream_arn() const { return resource_->attr_stream_arn(); }
  const TableProps& props() const { return props_; }
  cfn::dynamodb::CfnTable& cfn_table() { return *resource_; }

  void validate(std::vector<std::string>& errors) const override;

 private:
  TableProps props_;
  cfn::dynamodb::CfnTable* resource_;
};

}  // namespace opsynth::dynamodb
