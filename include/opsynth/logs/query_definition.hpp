// A CloudWatch Logs Insights saved query (aws-cdk-lib's logs.QueryDefinition): child "Resource"
// (AWS::Logs::QueryDefinition). QueryString renders like aws-cdk-lib's logs.QueryString:
// one command per line, joined with "\n| ".
//
//   stack.add<logs::QueryDefinition>("RealUsersQuery", logs::QueryDefinitionProps{
//       .query_definition_name = "prod-real-users-by-hour",
//       .query_string = {.fields = {"@timestamp", "@message"},
//                        .filter_statements = {"userAgent not like /^DIYAccounting-Synthetic/"},
//                        .stats_statements = {"count(*) as realUsers by bin(1h)"}}});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"

namespace opsynth::cfn::logs {
class CfnQueryDefinition;
}

namespace opsynth::logs {

// aws-cdk-lib's QueryString: commands in the order fields, parse, filter, stats, sort, limit, display.
struct QueryString {
  std::vector<std::string> fields;
  std::vector<std::string> parse_statements;
  std::vector<std::string> filter_statements;
  std::vector<std::string> stats_statements;
  std::string sort;
  std::optional<int> limit;
  std::string display;
  std::string to_string() const;
};

struct QueryDefinitionProps {
  std::string query_definition_name;  // required, 1-255 characters
  QueryString query_string;
  std::vector<Value> log_groups;  // log group names; empty: chosen when the query runs
};

class QueryDefinition : public Construct {
 public:
  QueryDefinition(Construct& scope, std::string id, QueryDefinitionProps props);
  Value query_definition_id() const;  // Fn::GetAtt QueryDefinitionId
  void validate(std::vector<std::string>& errors) const override;

 private:
  QueryDefinitionProps props_;
  std::string query_;
  cfn::logs::CfnQueryDefinition* resource_;
};

}  // namespace opsynth::logs
