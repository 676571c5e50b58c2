// synthesize renders each stack on a second thread while it validates the next (issue 8). The
// output must be the same as from one thread: templates, exports, manifest, tree and diagnostics.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/background_job.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth_stacks/seed_app.hpp"

namespace opsynth {
namespace {

TEST(BackgroundJob, RunsJobsInTheOrderTheyStart) {
  for (bool use_thread : {false, true}) {
    std::vector<int> ran;
    {
      BackgroundJob job(use_thread);
      for (int i = 0; i < 100; ++i) job.start([&ran, i] { ran.push_back(i); });
      job.wait();
      EXPECT_EQ(ran.size(), 100u) << "use_thread " << use_thread;
    }
    for (int i = 0; i < 100; ++i) ASSERT_EQ(ran[i], i) << "use_thread " << use_thread;
  }
}

TEST(BackgroundJob, AJobsErrorReachesTheCallerOnce) {
  for (bool use_thread : {false, true}) {
    BackgroundJob job(use_thread);
    int after = 0;
    try {
      job.start([] { throw std::runtime_error("render failed"); });
      job.wait();
      ADD_FAILURE() << "no error, use_thread " << use_thread;
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "render failed");
    }
    job.start([&after] { ++after; });
    job.wait();
    EXPECT_EQ(after, 1) << "use_thread " << use_thread;
  }
}

TEST(BackgroundJob, GoingAwayWaitsForTheRunningJob) {
  bool finished = false;
  {
    BackgroundJob job(true);
    job.start([&finished] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      finished = true;
    });
  }
  EXPECT_TRUE(finished);
}

void expect_same_assembly(const SynthResult& one, const SynthResult& two) {
  ASSERT_EQ(one.assembly.stacks.size(), two.assembly.stacks.size());
  for (std::size_t i = 0; i < one.assembly.stacks.size(); ++i) {
    const StackArtifact& a = one.assembly.stacks[i];
    const StackArtifact& b = two.assembly.stacks[i];
    EXPECT_EQ(a.artifact_id, b.artifact_id);
    EXPECT_EQ(a.template_text, b.template_text) << a.artifact_id;
    EXPECT_EQ(a.dependencies, b.dependencies) << a.artifact_id;
    EXPECT_EQ(a.resource_count, b.resource_count) << a.artifact_id;
  }
  EXPECT_EQ(one.assembly.manifest_text, two.assembly.manifest_text);
  EXPECT_EQ(one.assembly.tree_text, two.assembly.tree_text);
  ASSERT_EQ(one.diagnostics.size(), two.diagnostics.size());
  for (std::size_t i = 0; i < one.diagnostics.size(); ++i)
    EXPECT_EQ(one.diagnostics[i].to_string(), two.diagnostics[i].to_string());
}

// Stacks whose topics are referenced by the next two stacks (one export each, shared by both
// consumers), then a stack that references the topic of the stack after it: its render reads
// the producer's logical ID while the producer is being validated, and creates an export in a
// stack not yet rendered.
void build_chain(App& app, int stacks) {
  Environment env{"111111111111", "eu-west-2"};
  std::vector<CfnResource*> topics;
  for (int i = 0; i < stacks; ++i) {
    auto& s = app.add<Stack>("S" + std::to_string(i), StackProps{.env = env});
    for (int k = 0; k < 5; ++k) s.add<CfnResource>("Topic" + std::to_string(k), "AWS::SNS::Topic");
    topics.push_back(&s.add<CfnResource>("Shared", "AWS::SNS::Topic"));
    for (int back = 1; back <= 2 && back <= i; ++back)
      s.add<CfnOutput>("From" + std::to_string(back), CfnOutputProps{.value = topics[i - back]->get_att("TopicArn")});
  }
  auto& consumer = app.add<Stack>("Consumer", StackProps{.env = env});
  auto& last = app.add<Stack>("Last", StackProps{.env = env}).add<CfnResource>("Shared", "AWS::SNS::Topic");
  consumer.add<CfnOutput>("FromLast", CfnOutputProps{.value = last.ref()});
}

TEST(SynthThreads, OneAndTwoThreadsWriteTheSameAssembly) {
  App one_app, two_app;
  build_chain(one_app, 40);
  build_chain(two_app, 40);
  const SynthResult one = synthesize(one_app, SynthThreads::One);
  const SynthResult two = synthesize(two_app, SynthThreads::Two);
  ASSERT_TRUE(one.ok()) << one.errors().front();
  ASSERT_EQ(one.assembly.stacks.size(), 42u);
  // The exports the consumers created are in their producers' templates.
  EXPECT_NE(one.assembly.stacks.back().template_text.find("ExportsOutputRefShared"), std::string::npos);
  EXPECT_NE(one.assembly.stacks[5].template_text.find("ExportsOutputFnGetAttSharedTopicArn"), std::string::npos);
  expect_same_assembly(one, two);
}

TEST(SynthThreads, TheSeedAppIsTheSameOnTwoThreads) {
  App one_app, two_app;
  std::vector<std::string> errors, notes;
  seed::build_seed_app(one_app, errors, notes);
  seed::build_seed_app(two_app, errors, notes);
  ASSERT_TRUE(errors.empty()) << errors.front();
  const SynthResult one = synthesize(one_app, SynthThreads::One);
  ASSERT_TRUE(one.ok()) << one.errors().front();
  expect_same_assembly(one, synthesize(two_app, SynthThreads::Two));
}

// A validation error in a later stack stops rendering and leaves no templates, and a reference
// the render thread finds wrong is reported as from one thread.
TEST(SynthThreads, ErrorsAreTheSameOnTwoThreads) {
  for (const char* broken : {"validation", "reference"}) {
    SynthResult results[2];
    for (SynthThreads threads : {SynthThreads::One, SynthThreads::Two}) {
      App app;
      build_chain(app, 10);
      auto& other = app.add<Stack>("Other", StackProps{.env = {"222222222222", "eu-west-2"}});
      if (std::string(broken) == "validation")
        other.add<Construct>("D").add_validation([] { return std::vector<std::string>{"broken"}; });
      else
        other.add<CfnOutput>("Out", CfnOutputProps{.value = static_cast<const CfnResource*>(
                                                                app.children().front()->find_child("Shared"))
                                                                ->ref()});
      app.add<Stack>("After").add<CfnResource>("Topic", "AWS::SNS::Topic");
      results[threads == SynthThreads::Two] = synthesize(app, threads);
    }
    ASSERT_FALSE(results[0].ok()) << broken;
    EXPECT_EQ(results[0].errors().size(), 1u) << broken;
    expect_same_assembly(results[0], results[1]);
  }
}

}  // namespace
}  // namespace opsynth
