// A CloudFormation stack: one template in the cloud assembly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"

namespace opsynth {

// Where a stack deploys. Empty fields mean "environment-agnostic" for that part
// (the template then uses the AWS::AccountId / AWS::Region pseudo parameters).
struct Environment {
  std::string account;
  std::string region;
  friend bool operator==(const Environment&, const Environment&) = default;
};

struct StackProps {
  std::string stack_name;  // default: the construct id
  Environment env;
  std::string description;
  std::vector<Tag> tags;  // applied to every taggable resource and to the stack itself
  bool termination_protection = false;
};

class Stack : public Construct {
 public:
  Stack(Construct& scope, std::string id, StackProps props = {});

  const Stack* as_stack() const final { return this; }

  const std::string& stack_name() const { return props_.stack_name; }
  const Environment& env() const { return props_.env; }
  const std::string& description() const { return props_.description; }
  bool termination_protection() const { return props_.termination_protection; }
  const std::vector<Tag>& tags() const { return props_.tags; }
  // "aws://ACCOUNT/REGION" with unknown-account / unknown-region for agnostic parts.
  std::string environment_uri() const;

  // The literal account/region when the environment names them, else the pseudo parameter.
  Value account() const;
  Value region() const;
  Value partition() const;   // always {"Ref": "AWS::Partition"}, as aws-cdk-lib renders it
  Value url_suffix() const;  // always {"Ref": "AWS::URLSuffix"}

  // arn:{partition}:{service}:{region}:{account}:{resource}{sep}{name}; empty region
  // or account strings are kept empty (global services), missing ones use the stack's.
  struct ArnParts {
    std::string service;
    std::optional<Value> region;   // default: the stack's region
    std::optional<Value> account;  // default: the stack's account
    Value resource;
    std::string separator = "/";
    std::optional<Value> resource_name;
  };
  Value format_arn(const ArnParts& parts) const;

  // aws-cdk-lib's Stack.toJsonString: the document as a JSON string, references
  // spliced into a Fn::Join.
  static Value to_json_string(Value document) { return Value::json_string(std::move(document)); }

  void add_stack_dependency(Stack& other, std::string reason);
  struct Dependency {
    Stack* stack;
    std::string reason;
  };
  const std::vector<Dependency>& stack_dependencies() const { return stack_dependencies_; }

 private:
  StackProps props_;
  std::vector<Dependency> stack_dependencies_;
};

}  // namespace opsynth
