// `opsynth diff --against TEMPLATE`: any bytes (JSON or YAML) give a template or an InputError;
// a template that parses is then diffed and printed, against a fixed one and against itself.
#include "fuzz_input.hpp"
#include "opsynth/diff/previous_templates.hpp"
#include "opsynth/diff/report.hpp"

namespace {

const opsynth::Json& reference_template() {
  static const opsynth::Json t = opsynth::Json::parse(R"({
    "Resources": {
      "TableCD117FA1": {"Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Retain",
                        "Properties": {"TableName": "orders", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}},
      "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alerts"}}},
    "Outputs": {"TableName": {"Value": {"Ref": "TableCD117FA1"}}}})");
  return t;
}

void diff_and_print(const opsynth::Json& before, const opsynth::Json& after) {
  auto d = opsynth::diff::diff_stack("FuzzStack", before, after, {{"Topic"}});
  [[maybe_unused]] auto text = opsynth::diff::render_stack_diff(d);
  [[maybe_unused]] auto messages = opsynth::diff::blocking_messages(d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  opsynth::Json t;
  try {
    t = opsynth::diff::parse_template_text(opsynth::fuzz::as_text(data, size), "fuzz.template");
  } catch (const opsynth::diff::InputError&) {
    return 0;
  }
  diff_and_print(reference_template(), t);
  diff_and_print(t, reference_template());
  diff_and_print(t, t);
  return 0;
}
