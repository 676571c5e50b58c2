#include <string>

#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/value.hpp"

namespace opsynth {
namespace {

bool is_join_with(const Value& v, const std::string& delimiter) {
  if (v.kind() != Value::Kind::Intrinsic || v.name() != "Fn::Join") return false;
  const auto& args = v.argument().items();
  return args.size() == 2 && args[0].is_string() && args[0].as_string() == delimiter &&
         args[1].kind() == Value::Kind::List;
}

// Strings and numbers can be merged into a neighbouring literal.
bool concatable(const Value& v) { return v.is_string() || v.is_number(); }

void append_text(std::string& out, const Value& v) {
  if (v.is_string()) {
    out += v.as_string();
  } else {
    out += v.as_literal().dump();  // numbers, as JavaScript's template strings print them
  }
}

Value pseudo(const char* name) { return Value::intrinsic("Ref", Value(name)); }

}  // namespace

namespace fn {

// aws-cdk-lib's minimalCloudFormationJoin: nested joins with the same delimiter are
// spliced in, adjacent literals are merged, and a join of literals is a literal.
Value join(std::string delimiter, std::vector<Value> parts) {
  std::vector<Value> flat;
  flat.reserve(parts.size());
  for (auto& p : parts) {
    if (is_join_with(p, delimiter)) {
      for (const auto& inner : p.argument().items()[1].items()) flat.push_back(inner);
    } else {
      flat.push_back(std::move(p));
    }
  }
  // Each run of adjacent literals becomes one string, built in one buffer (merging them pairwise
  // copied the run's text once per literal). A run of one keeps its value: a number stays a number.
  std::vector<Value> merged;
  merged.reserve(flat.size());
  std::size_t run_start = 0;
  auto end_run = [&](std::size_t run_end) {
    if (run_end - run_start == 1) {
      merged.push_back(std::move(flat[run_start]));
    } else if (run_end - run_start > 1) {
      std::string text;
      for (std::size_t i = run_start; i < run_end; ++i) {
        if (i > run_start) text += delimiter;
        append_text(text, flat[i]);
      }
      merged.emplace_back(std::move(text));
    }
  };
  for (std::size_t i = 0; i < flat.size(); ++i) {
    if (concatable(flat[i])) continue;
    end_run(i);
    merged.push_back(std::move(flat[i]));
    run_start = i + 1;
  }
  end_run(flat.size());
  if (merged.empty()) return Value("");
  if (merged.size() == 1 && merged[0].is_number()) {
    std::string text;
    append_text(text, merged[0]);
    return Value(std::move(text));
  }
  if (merged.size() == 1 && merged[0].is_string()) return std::move(merged[0]);
  return Value::intrinsic("Fn::Join", Value(std::vector<Value>{Value(delimiter), Value(std::move(merged))}));
}

Value concat(std::vector<Value> parts) {
  // A lone reference stays itself rather than a one-element join (aws-cdk-lib's
  // string concatenation of a single token).
  if (parts.size() == 1 && !parts[0].is_literal()) return parts[0];
  return join("", std::move(parts));
}

Value sub(std::string body) { return Value::intrinsic("Fn::Sub", Value(std::move(body))); }

Value sub(std::string body, ValueMap variables) {
  return Value::intrinsic("Fn::Sub", Value(std::vector<Value>{Value(std::move(body)), Value::object(std::move(variables))}));
}

Value select(int index, Value list) {
  return Value::intrinsic("Fn::Select", Value(std::vector<Value>{Value(index), std::move(list)}));
}

Value split(std::string delimiter, Value source) {
  return Value::intrinsic("Fn::Split", Value(std::vector<Value>{Value(std::move(delimiter)), std::move(source)}));
}

Value import_value(Value export_name) { return Value::intrinsic("Fn::ImportValue", std::move(export_name)); }
Value get_azs(Value region) { return Value::intrinsic("Fn::GetAZs", std::move(region)); }
Value base64(Value v) { return Value::intrinsic("Fn::Base64", std::move(v)); }

Value if_(const CfnElement& condition, Value when_true, Value when_false) {
  return Value::intrinsic("Fn::If", Value(std::vector<Value>{Value::element_name(condition), std::move(when_true),
                                                             std::move(when_false)}));
}

Value equals(Value a, Value b) {
  return Value::intrinsic("Fn::Equals", Value(std::vector<Value>{std::move(a), std::move(b)}));
}
Value and_(std::vector<Value> conditions) { return Value::intrinsic("Fn::And", Value(std::move(conditions))); }
Value or_(std::vector<Value> conditions) { return Value::intrinsic("Fn::Or", Value(std::move(conditions))); }
Value not_(Value condition) { return Value::intrinsic("Fn::Not", Value(std::vector<Value>{std::move(condition)})); }
Value condition(const CfnElement& c) { return Value::intrinsic("Condition", Value::element_name(c)); }
Value no_value() { return pseudo("AWS::NoValue"); }

}  // namespace fn

namespace aws {
Value account_id() { return pseudo("AWS::AccountId"); }
Value region() { return pseudo("AWS::Region"); }
Value partition() { return pseudo("AWS::Partition"); }
Value url_suffix() { return pseudo("AWS::URLSuffix"); }
Value stack_name() { return pseudo("AWS::StackName"); }
Value stack_id() { return pseudo("AWS::StackId"); }
Value notification_arns() { return pseudo("AWS::NotificationARNs"); }
}  // namespace aws

}  // namespace opsynth
