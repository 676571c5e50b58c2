// Synthesis: prepare -> validate -> resolve -> write a CDK cloud assembly.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "opsynth/core/value.hpp"

namespace opsynth {

class App;
class Stack;

// The cloud-assembly schema version that aws-cdk-lib 2.276 writes; the aws-cdk CLI
// refuses assemblies newer than the one it knows.
inline constexpr const char* kCloudAssemblyVersion = "55.0.0";

struct Diagnostic {
  enum class Level { Error, Warning, Info };
  Level level;
  std::string path;  // construct path, or "" for the app
  std::string message;
  std::string to_string() const;  // "path: message"
};

struct StackArtifact {
  const Stack* stack;  // in the synthesized App: valid while that App lives
  std::string artifact_id;   // the stack name, as aws-cdk-lib names stack artifacts
  std::string template_file; // "<artifact_id>.template.json"
  std::string template_text;  // the bytes written (JSON.stringify(template, null, 1))
  std::size_t resource_count = 0;
  // The template as a JSON document, parsed from template_text on each call (synthesis keeps
  // only the text: holding a document per stack cost most of the time and memory).
  Json template_json() const;
  std::vector<std::string> dependencies;  // artifact ids
};

struct CloudAssembly {
  std::vector<StackArtifact> stacks;  // in creation order
  std::string manifest_text;  // manifest.json
  std::string tree_text;      // tree.json
  Json manifest_json() const;  // manifest_text parsed (on each call)
  const StackArtifact* find(const std::string& artifact_id) const;
};

struct PhaseTiming {
  std::string phase;
  std::chrono::nanoseconds elapsed;
  // "timing: <phase> <milliseconds> ms", as `opsynth synth --timings` prints it.
  std::string line() const;
};

struct SynthResult {
  CloudAssembly assembly;
  std::vector<Diagnostic> diagnostics;  // errors, then warnings and notes, in tree order
  std::vector<PhaseTiming> timings;
  bool ok() const;
  std::vector<std::string> errors() const;
};

// How synthesize uses the machine's cores. Auto: a second thread renders each stack's template
// while the calling thread validates the next, when the app is large enough to gain from it
// (hundreds of elements) and the machine has two cores or more. One: everything on the calling
// thread. Two: the second thread whatever the app's size. User-defined validations run on the
// calling thread either way; they must not change the tree, which the render thread reads. The
// output is the same whichever is used. (An exception thrown while rendering a stack reaches the
// caller one stack later with two threads, after the next stack's validation has run.)
enum class SynthThreads { Auto, One, Two };

// Builds the cloud assembly in memory; nothing is written. Errors from every construct
// are collected; when there is any, the assembly is incomplete and must not be written.
SynthResult synthesize(App& app, SynthThreads threads = SynthThreads::Auto);

enum class TemplateFormat { Json, JsonAndYaml };

// Writes the assembly into `outdir` atomically: into a sibling temporary directory that
// is renamed into place, so a failure leaves an existing `outdir` as it was. `outdir` must be
// missing, empty, a previous cloud assembly or hold only the cdk CLI's *.lock files: anything
// else would be replaced whole. Throws std::runtime_error with a readable message otherwise,
// or when the directory cannot be written.
void write_assembly(const CloudAssembly& assembly, const std::filesystem::path& outdir,
                    TemplateFormat format = TemplateFormat::Json);

// The exact bytes opsynth writes for a template (aws-cdk-lib: JSON.stringify(t, null, 1)).
std::string render_template_json(const Json& template_json);

// The flow of `opsynth synth` as one call: synthesizes `app` and writes the assembly into
// `outdir` (with write_assembly) only when there is no error. Throws nothing: validation
// errors, an `outdir` that write_assembly refuses and write failures are Error diagnostics,
// and `outdir` is then left as it was. The write's time is the last entry of `timings` ("write").
SynthResult synthesize_into(App& app, const std::filesystem::path& outdir, TemplateFormat format = TemplateFormat::Json,
                            SynthThreads threads = SynthThreads::Auto);

}  // namespace opsynth
