// Out-of-tree consumer of the installed library: an App with one Stack holding an SNS topic
// (a plain CfnResource) and an output that references it; prints the synthesized template.
#include <iostream>

#include <opsynth/core/app.hpp>
#include <opsynth/core/cfn_element.hpp>
#include <opsynth/core/stack.hpp>
#include <opsynth/core/synth.hpp>

int main() {
  opsynth::App app;
  auto& stack = app.add<opsynth::Stack>("ConsumerStack");
  auto& topic = stack.add<opsynth::CfnResource>("Topic", "AWS::SNS::Topic",
                                                opsynth::ValueMap{{"TopicName", "consumer-topic"}});
  stack.add<opsynth::CfnOutput>("TopicArn", opsynth::CfnOutputProps{.value = topic.ref()});

  opsynth::SynthResult result = opsynth::synthesize(app);
  if (!result.ok()) {
    for (const auto& e : result.errors()) std::cerr << "error: " << e << '\n';
    return 1;
  }
  std::cout << result.assembly.stacks.at(0).template_text << '\n';
  return 0;
}
