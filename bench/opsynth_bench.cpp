// Benchmarks for synthesis hot paths on an app of N copies of the seed's OpsStack + DataStack
// (N = 1, 10, 100, 1000). Each benchmark reports items/s where an item is one stack, so the
// per-stack cost reads straight off the output (and the "per_stack" counter). BM_ContextKeys
// reads context of K keys (an item is a key), BM_DiffTemplates compares two templates of K
// resources (an item is a resource).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/context.hpp"
#include "opsynth/core/json_parse.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/diff/template_diff.hpp"
#include "scaled_app.hpp"

namespace {

using namespace opsynth;

using bench::build_scaled_app;

SynthResult synthesize_checked(App& app) {
  SynthResult result = synthesize(app);
  if (!result.ok()) throw std::runtime_error("synthesis failed: " + result.errors().front());
  return result;
}

void report_per_stack(benchmark::State& state) {
  const auto stacks = static_cast<int64_t>(state.range(0)) * 2;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * stacks);
  state.counters["stacks"] = static_cast<double>(stacks);
  // Seconds per stack, as a rate inverted: Google Benchmark prints it in human units.
  state.counters["per_stack"] = benchmark::Counter(static_cast<double>(stacks),
                                                   benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}

// Construct tree only: constructors of every L2/L1 down to the generated props.
void BM_TreeConstruction(benchmark::State& state) {
  for (auto _ : state) {
    auto app = build_scaled_app(static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(app.get());
    state.PauseTiming();
    app.reset();  // destruction is not construction; keep it out of the measurement
    state.ResumeTiming();
  }
  report_per_stack(state);
}

// prepare -> validate -> resolve -> template JSON in memory (synthesize), on a fresh tree each time.
void BM_Synthesize(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto app = build_scaled_app(static_cast<int>(state.range(0)));
    state.ResumeTiming();
    SynthResult result = synthesize_checked(*app);
    benchmark::DoNotOptimize(result.assembly.stacks.data());
    state.PauseTiming();
    result = {};
    app.reset();
    state.ResumeTiming();
  }
  report_per_stack(state);
}

// Writing finished template documents as text (JsonWriter: the layout synthesis writes in).
void BM_RenderTemplateJson(benchmark::State& state) {
  auto app = build_scaled_app(static_cast<int>(state.range(0)));
  const SynthResult result = synthesize_checked(*app);
  std::vector<Json> templates;
  for (const auto& artifact : result.assembly.stacks) templates.push_back(artifact.template_json());
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& t : templates) {
      std::string text = render_template_json(t);
      bytes += static_cast<int64_t>(text.size());
      benchmark::DoNotOptimize(text.data());
    }
  }
  state.SetBytesProcessed(bytes);
  report_per_stack(state);
}

// Where the whole-synth benchmarks write: tmpfs when there is one. Writing thousands of files
// over and over into ext4 measures its inode allocator more than opsynth: once enough inodes
// were deleted, find_get_block_common and recently_deleted took a third of the samples and
// the time per iteration drifted up by 70%.
std::filesystem::path scratch_directory() {
  std::error_code ec;
  if (std::filesystem::is_directory("/dev/shm", ec)) return "/dev/shm";
  return std::filesystem::temp_directory_path();
}

// Everything a `synth` does after reading context: build, synthesize, write the assembly.
void BM_WholeSynth(benchmark::State& state) {
  const auto outdir = scratch_directory() /
                      ("opsynth-bench-" + std::to_string(::getpid()) + "-" + std::to_string(state.range(0)));
  for (auto _ : state) {
    auto app = build_scaled_app(static_cast<int>(state.range(0)));
    SynthResult result = synthesize_checked(*app);
    write_assembly(result.assembly, outdir);
  }
  std::filesystem::remove_all(outdir);
  report_per_stack(state);
}

// Context of K keys (a --config or cdk.context.json) read into an App: parsing, merging and
// setting each key. Linear in K: nlohmann's ordered_json compares a new key with every key
// before it, which made a --config of 40,000 keys take 2.8 s. An item is one key.
void BM_ContextKeys(benchmark::State& state) {
  const int64_t keys = state.range(0);
  std::string text = "{";
  for (int64_t i = 0; i < keys; ++i) text += fmt::format("{}\"key{}\":\"value\"", i == 0 ? "" : ",", i);
  text += "}";
  for (auto _ : state) {
    ContextResult context;
    merge_json_context_text(text, "bench", false, context);
    if (!context.errors.empty()) throw std::runtime_error(context.errors.front());
    App app(AppOptions{std::move(context.context)});
    benchmark::DoNotOptimize(app.try_get_context("key0"));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * keys);
}

// `opsynth diff` of two templates of K resources that differ in every resource's TopicName: the
// comparison, after parsing. Linear in K: each key used to be looked up in the other template
// with ordered_json's find, which scans every key (20,000 resources: 0.39 s). An item is one resource.
void BM_DiffTemplates(benchmark::State& state) {
  const int64_t resources = state.range(0);
  auto template_text = [&](const char* name) {
    std::string text = "{\"Resources\":{";
    for (int64_t i = 0; i < resources; ++i)
      text += fmt::format("{}\"Topic{}\":{{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{{\"TopicName\":\"{}{}\"}}}}",
                          i == 0 ? "" : ",", i, name, i);
    return text + "}}";
  };
  const Json before = parse_json_text(template_text("old")), after = parse_json_text(template_text("new"));
  for (auto _ : state) {
    diff::StackDiff d = diff::diff_stack("Stack", before, after, {});
    if (d.resources.size() != static_cast<std::size_t>(resources)) throw std::runtime_error("diff missed changes");
    benchmark::DoNotOptimize(d.resources.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * resources);
}

void scale_args(benchmark::internal::Benchmark* b) {
  for (int copies : {1, 10, 100, 1000}) b->Arg(copies);
  b->ArgName("N")->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_TreeConstruction)->Apply(scale_args);
BENCHMARK(BM_Synthesize)->Apply(scale_args);
BENCHMARK(BM_RenderTemplateJson)->Apply(scale_args);
BENCHMARK(BM_WholeSynth)->Apply(scale_args);
BENCHMARK(BM_DiffTemplates)->Arg(1000)->Arg(10000)->Arg(40000)->ArgName("resources")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ContextKeys)->Arg(1000)->Arg(10000)->Arg(100000)->ArgName("keys")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
