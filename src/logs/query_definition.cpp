#include "opsynth/logs/query_definition.hpp"

#include <fmt/format.h>

#include "opsynth/cfn/logs/query_definition.hpp"

namespace opsynth::logs {

std::string QueryString::to_string() const {
  std::vector<std::string> commands;
  auto join = [](const std::vector<std::string>& xs) {
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + xs[i];
    return out;
  };
  if (!fields.empty()) commands.push_back("fields " + join(fields));
  for (const auto& s : parse_statements) commands.push_back("parse " + s);
  for (const auto& s : filter_statements) commands.push_back("filter " + s);
  for (const auto& s : stats_statements) commands.push_back("stats " + s);
  if (!sort.empty()) commands.push_back("sort " + sort);
  if (limit) commands.push_back(fmt::format("limit {}", *limit));
  if (!display.empty()) commands.push_back("display " + display);
  std::string out;
  for (std::size_t i = 0; i < commands.size(); ++i) out += (i ? "\n| " : "") + commands[i];
  return out;
}

QueryDefinition::QueryDefinition(Construct& scope, std::string id, QueryDefinitionProps props)
    : Construct(scope, std::move(id)), props_(std::move(props)), query_(props_.query_string.to_string()) {
  // aws-cdk-lib always renders LogGroupNames, [] when none is given.
  cfn::List<cfn::String> groups;
  for (const auto& g : props_.log_groups) groups.push_back(g);
  resource_ = &add<cfn::logs::CfnQueryDefinition>("Resource", cfn::logs::CfnQueryDefinitionProps{
                                                                  .log_group_names = std::move(groups),
                                                                  .name = props_.query_definition_name,
                                                                  .query_string = query_,
                                                              });
}

Value QueryDefinition::query_definition_id() const { return resource_->get_att("QueryDefinitionId"); }

void QueryDefinition::validate(std::vector<std::string>& errors) const {
  const auto& name = props_.query_definition_name;
  if (name.empty() || name.size() > 255)
    errors.push_back(fmt::format("query definition name \"{}\" is {} characters; use 1 to 255", name, name.size()));
  if (query_.empty()) errors.push_back("query definition has an empty query; give at least one command");
  if (query_.size() > 10000)
    errors.push_back(fmt::format("query is {} characters; at most 10000 are allowed", query_.size()));
}

}  // namespace opsynth::logs
