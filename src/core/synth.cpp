#include "opsynth/core/synth.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "opsynth/core/app.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/json_parse.hpp"
#include "opsynth/core/logical_id.hpp"
#include "opsynth/core/regex.hpp"
#include "opsynth/core/resolver.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/template_text.hpp"
#include "background_job.hpp"

namespace opsynth {

std::string PhaseTiming::line() const {
  return fmt::format("timing: {:<9} {:>9.3f} ms", phase, std::chrono::duration<double, std::milli>(elapsed).count());
}

std::string Diagnostic::to_string() const { return path.empty() ? message : path + ": " + message; }

Json StackArtifact::template_json() const { return parse_json_text(template_text); }

Json CloudAssembly::manifest_json() const { return parse_json_text(manifest_text); }

const StackArtifact* CloudAssembly::find(const std::string& artifact_id) const {
  for (const auto& s : stacks)
    if (s.artifact_id == artifact_id) return &s;
  return nullptr;
}

bool SynthResult::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.level == Diagnostic::Level::Error; });
}

std::vector<std::string> SynthResult::errors() const {
  std::vector<std::string> out;
  for (const auto& d : diagnostics)
    if (d.level == Diagnostic::Level::Error) out.push_back(d.to_string());
  return out;
}

namespace {

// CloudFormation's template limits (CloudFormation quotas page).
constexpr std::size_t kMaxResources = 500;
constexpr std::size_t kMaxOutputs = 200;
constexpr std::size_t kMaxParameters = 200;
constexpr std::size_t kMaxDirectDeployBytes = 51200;
constexpr std::size_t kMaxTemplateBytes = 1000000;

class Clock {
 public:
  explicit Clock(std::vector<PhaseTiming>& out) : out_(out), start_(std::chrono::steady_clock::now()) {}
  // Adds the time since the last lap to `phase`; a phase timed in several laps (one per stack)
  // keeps the place of its first.
  void lap(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    auto it = std::find_if(out_.begin(), out_.end(), [&](const PhaseTiming& t) { return t.phase == phase; });
    if (it == out_.end()) {
      out_.push_back({phase, now - start_});
    } else {
      it->elapsed += now - start_;
    }
    start_ = now;
  }

 private:
  std::vector<PhaseTiming>& out_;
  std::chrono::steady_clock::time_point start_;
};

std::vector<Construct*> all_constructs(Construct& root) {
  std::vector<Construct*> out;
  for_each_construct(root, [&out](const Construct& c) { out.push_back(const_cast<Construct*>(&c)); });
  return out;
}

// Runs prepare() on every construct; constructs created while preparing are prepared too, in
// further passes. The prepared ones are kept as a sorted vector, not a node-based set: one
// allocation and a cache-missing tree walk per lookup made ~15% of the prepare phase at 1000 stacks.
void prepare(App& app) {
  std::vector<const Construct*> done;
  while (true) {
    std::vector<const Construct*> now;
    for (Construct* c : all_constructs(app)) {
      if (std::binary_search(done.begin(), done.end(), c, std::less<>())) continue;
      c->prepare();
      now.push_back(c);
    }
    if (now.empty()) return;
    std::sort(now.begin(), now.end(), std::less<>());
    std::vector<const Construct*> merged;
    merged.reserve(done.size() + now.size());
    std::merge(done.begin(), done.end(), now.begin(), now.end(), std::back_inserter(merged), std::less<>());
    done = std::move(merged);
  }
}

void run_preparations(const App& app) {
  for_each_construct(app, [](const Construct& c) {
    for (const auto& p : c.preparations()) p();
  });
}

// Construct-level dependencies become DependsOn within a stack and stack dependencies across.
void apply_construct_dependencies(App& app) {
  for (Construct* c : all_constructs(app)) {
    for (Construct* target : c->dependencies()) {
      if (!c->in_stack() || !target->in_stack()) continue;
      if (&c->stack() != &target->stack()) {
        c->stack().add_stack_dependency(target->stack(), fmt::format("{} depends on {}", c->path(), target->path()));
        continue;
      }
      auto targets = resources_below(*target);
      for (CfnResource* r : resources_below(*c))
        for (CfnResource* t : targets)
          if (r != t) r->add_depends_on(*t);
    }
  }
}

// The properties of a stack's resources, taken once for validation and rendering, and dropped
// when the stack is written: one stack's copies are alive at a time, and a later synthesis sees
// changed props.
class PropertiesSnapshot {
 public:
  explicit PropertiesSnapshot(std::vector<CfnResource*> resources) : resources_(std::move(resources)) {
    try {
      for (CfnResource* r : resources_) r->take_properties_snapshot();
    } catch (...) {  // properties() or a lazy producer threw: the destructor will not run
      for (CfnResource* r : resources_) r->drop_properties_snapshot();
      throw;
    }
  }
  ~PropertiesSnapshot() {
    for (CfnResource* r : resources_) r->drop_properties_snapshot();
  }
  PropertiesSnapshot(const PropertiesSnapshot&) = delete;
  PropertiesSnapshot& operator=(const PropertiesSnapshot&) = delete;

 private:
  std::vector<CfnResource*> resources_;
};

void add(std::vector<Diagnostic>& out, Diagnostic::Level level, std::string path, std::string message) {
  out.push_back({level, std::move(path), std::move(message)});
}

// Checks constructs one subtree at a time, in tree order, and the names of the stacks among them.
class TreeValidator {
 public:
  explicit TreeValidator(std::vector<Diagnostic>& diags) : diags_(diags) {}

  void check(Construct& c) {
    std::vector<std::string> errors = c.construction_errors();
    for (const auto& v : c.validations())
      for (auto& e : v()) errors.push_back(std::move(e));
    c.validate(errors);
    if (!errors.empty()) {
      const std::string path = c.path();  // built only when needed: most constructs have no error
      for (auto& e : errors) add(diags_, Diagnostic::Level::Error, path, std::move(e));
    }
    if (const Stack* s = c.as_stack()) check_stack_name(*s);
  }

  void check_subtree(Construct& root) {
    for (Construct* c : all_constructs(root)) check(*c);
  }

  // Two elements of one stack must not share a logical ID (e.g. "A/B" and "AB"). Reported after
  // every construct's own errors, by `report_logical_id_clashes`.
  void check_logical_ids(Stack& s) {
    // Keyed by views of the elements' own logical IDs, which outlive the map.
    std::unordered_map<std::string_view, const CfnElement*> seen;
    for (Construct* c : all_constructs(s)) {
      const CfnElement* e = c->as_cfn_element();
      if (e == nullptr) continue;
      if (!is_valid_logical_id(e->logical_id())) {
        report_invalid_logical_id(*e);
        continue;
      }
      auto [it, inserted] = seen.emplace(e->logical_id(), e);
      if (!inserted)
        add(clashes_, Diagnostic::Level::Error, e->path(),
            fmt::format("logical ID \"{}\" is already used by {} in this stack; rename one of the constructs or "
                        "override its logical ID",
                        e->logical_id(), it->second->path()));
    }
  }

  void report_logical_id_clashes() {
    std::move(clashes_.begin(), clashes_.end(), std::back_inserter(diags_));
    clashes_.clear();
  }

 private:
  // A computed ID can only be empty (aws-cdk-lib's algorithm keeps letters and digits and adds a
  // hash to a longer path); an overridden one can be anything.
  void report_invalid_logical_id(const CfnElement& e) {
    if (e.logical_id_overridden())
      add(diags_, Diagnostic::Level::Error, e.path(),
          fmt::format("logical ID \"{}\" is not valid: CloudFormation allows 1 to 255 letters (A-Z, a-z) and digits",
                      e.logical_id()));
    else
      add(diags_, Diagnostic::Level::Error, e.path(),
          fmt::format("the id \"{}\" gives an empty logical ID (letters and digits are kept, \"Default\" is dropped); "
                      "give the construct an id with letters (A-Z, a-z) or digits, or override its logical ID",
                      e.id()));
  }

  void check_stack_name(const Stack& s) {
    static const Regex kStackName("^[A-Za-z][A-Za-z0-9-]*$");
    const std::string path = s.path();
    const auto& name = s.stack_name();
    if (name.size() > 128 || !kStackName.full_match(name))
      add(diags_, Diagnostic::Level::Error, path,
          fmt::format("stack name \"{}\" is not allowed: CloudFormation stack names match ^[A-Za-z][A-Za-z0-9-]*$ "
                      "and have at most 128 characters",
                      name));
    auto [it, inserted] = stack_names_.emplace(name, &s);
    if (!inserted)
      add(diags_, Diagnostic::Level::Error, path,
          fmt::format("stack name \"{}\" is already used by {}; stack names must be unique in an app", name,
                      it->second->path()));
  }

  std::vector<Diagnostic>& diags_;
  std::vector<Diagnostic> clashes_;
  std::map<std::string, const Stack*> stack_names_;
};

// Reports a cycle among stack dependencies, if any.
void check_cycles(const std::vector<StackArtifact>& stacks, std::vector<Diagnostic>& diags) {
  std::map<std::string, const StackArtifact*> by_id;
  for (const auto& s : stacks) by_id[s.artifact_id] = &s;
  std::map<std::string, int> state;  // 0 new, 1 in progress, 2 done
  std::vector<std::string> trail;
  std::function<bool(const StackArtifact&)> visit = [&](const StackArtifact& s) {
    state[s.artifact_id] = 1;
    trail.push_back(s.artifact_id);
    for (const auto& d : s.dependencies) {
      auto it = by_id.find(d);
      if (it == by_id.end()) continue;
      if (state[d] == 1) {
        std::string cycle;
        auto from = std::find(trail.begin(), trail.end(), d);
        for (auto i = from; i != trail.end(); ++i) cycle += *i + " -> ";
        add(diags, Diagnostic::Level::Error, s.stack->path(),
            fmt::format("stacks depend on each other in a cycle: {}{}; CloudFormation cannot order their deployment",
                        cycle, d));
        return true;
      }
      if (state[d] == 0 && visit(*it->second)) return true;
    }
    trail.pop_back();
    state[s.artifact_id] = 2;
    return false;
  };
  for (const auto& s : stacks)
    if (state[s.artifact_id] == 0 && visit(s)) return;
}

void check_template_limits(const StackArtifact& a, const TemplateText& t, std::vector<Diagnostic>& diags) {
  const std::string path = a.stack->path();
  auto limit = [&](const char* section, std::size_t max) {
    if (t.count(section) > max)
      add(diags, Diagnostic::Level::Error, path,
          fmt::format("the template has {} {} but CloudFormation allows at most {}; split the stack", t.count(section),
                      section, max));
  };
  limit("Resources", kMaxResources);
  limit("Outputs", kMaxOutputs);
  limit("Parameters", kMaxParameters);
  const std::size_t bytes = a.template_text.size();
  if (bytes > kMaxTemplateBytes) {
    add(diags, Diagnostic::Level::Error, path,
        fmt::format("the template is {} bytes; CloudFormation accepts at most {} bytes", bytes, kMaxTemplateBytes));
  } else if (bytes > kMaxDirectDeployBytes) {
    add(diags, Diagnostic::Level::Warning, path,
        fmt::format("the template is {} bytes, over the {} bytes `aws cloudformation deploy --template-file` sends "
                    "directly; deploy it with --s3-bucket BUCKET so the CLI uploads it first",
                    bytes, kMaxDirectDeployBytes));
  }
}

// Extends `path` (a construct's path, as Construct::path() builds it, the app's empty; or a
// metadata key, "/" + path) to its child `id` while `write` runs, then cuts it back: the tree
// writers hand one buffer down instead of building a string for every construct.
template <class F>
void with_child_path(std::string& path, const std::string& id, F&& write) {
  const std::size_t size = path.size();
  if (size != 0) path += '/';
  path += id;
  write();
  path.resize(size);
}

// `path` is c.path().
void write_tree_node(const Construct& c, std::string& path, JsonWriter& out) {
  out.begin_object();
  out.key("id");
  out.string(c.scope() == nullptr ? "App" : c.id());
  out.key("path");
  out.string(path);
  if (const CfnResource* r = c.as_cfn_resource()) {
    out.key("attributes");
    out.begin_object();
    out.key("aws:cdk:cloudformation:type");
    out.string(r->cfn_type());
    out.key("aws:cdk:cloudformation:logicalId");
    out.string(r->logical_id());
    out.end_object();
  }
  if (!c.children().empty()) {
    out.key("children");
    out.begin_object();
    for (const Construct* k : c.children()) {
      out.key(k->id());
      with_child_path(path, k->id(), [&] { write_tree_node(*k, path, out); });
    }
    out.end_object();
  }
  out.end_object();
}

// tree.json (compact, as aws-cdk-lib writes it), written as text: it has an entry per construct.
std::string tree_text(const App& app) {
  std::string text;
  JsonWriter out = JsonWriter::compact(text);
  out.begin_object();
  out.key("version");
  out.string("tree-0.1");
  out.key("tree");
  std::string path = app.path();
  write_tree_node(app, path, out);
  out.end_object();
  return text;
}

// The metadata entries of `c` and of everything below it, in tree order; `key` is "/" + c.path(),
// the key of c's entries.
void write_metadata_below(const Construct& c, std::string& key, JsonWriter& out) {
  const CfnElement* element = c.as_cfn_element();
  if (element != nullptr || !c.metadata().empty()) {
    out.key(key);
    out.begin_array();
    auto entry = [&out](std::string_view type, auto&& write_data) {
      out.begin_object();
      out.key("type");
      out.string(type);
      out.key("data");
      write_data();
      out.end_object();
    };
    if (element != nullptr) entry("aws:cdk:logicalId", [&] { out.string(element->logical_id()); });
    for (const auto& m : c.metadata()) entry(m.type, [&] { out.value(m.data); });
    out.end_array();
  }
  for (const Construct* k : c.children()) with_child_path(key, k->id(), [&] { write_metadata_below(*k, key, out); });
}

void write_stack_metadata(const Stack& s, JsonWriter& out) {
  out.begin_object();
  std::string key = "/" + s.path();
  write_metadata_below(s, key, out);
  out.end_object();
}

// manifest.json (indented by 2, as aws-cdk-lib writes it), written as text: the metadata has an
// entry per element.
std::string manifest_text(const std::vector<StackArtifact>& stacks) {
  std::string text;
  JsonWriter out(text, 0, 2);
  out.begin_object();
  out.key("version");
  out.string(kCloudAssemblyVersion);
  out.key("artifacts");
  out.begin_object();
  for (const auto& a : stacks) {
    const Stack& s = *a.stack;
    out.key(a.artifact_id);
    out.begin_object();
    out.key("type");
    out.string("aws:cloudformation:stack");
    out.key("environment");
    out.string(s.environment_uri());
    Json props = Json::object();
    props["templateFile"] = a.template_file;
    props["terminationProtection"] = s.termination_protection();
    if (!s.tags().empty()) {
      Json tags = Json::object();
      for (const auto& t : s.tags()) tags[t.key] = t.value;
      props["tags"] = std::move(tags);
    }
    props["validateOnSynth"] = false;
    out.key("properties");
    out.value(props);
    if (!a.dependencies.empty()) {
      out.key("dependencies");
      out.value(a.dependencies);
    }
    out.key("metadata");
    write_stack_metadata(s, out);
    out.key("displayName");
    out.string(s.path());
    out.end_object();
  }
  out.key("Tree");
  out.value(Json{{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}});
  out.end_object();
  out.end_object();
  text += '\n';
  return text;
}

// Renders every element of `s` into `t` (the resolve phase); cross-stack references create
// exports. Runs on the render thread: it reads the tree and the stack's properties snapshot, and
// writes only `a`, `t`, `exports` and `errors`.
void render_stack(Stack& s, StackArtifact& a, TemplateText& t, ExportTable& exports, std::vector<std::string>& errors) {
  a.stack = &s;
  a.artifact_id = s.stack_name();
  a.template_file = a.artifact_id + ".template.json";
  Resolver resolver(s, exports, errors);
  for (Construct* c : all_constructs(s))
    if (const CfnElement* e = c->as_cfn_element()) e->render(t, resolver);
  for (const auto& d : s.stack_dependencies()) a.dependencies.push_back(d.stack->stack_name());
  for (const Stack* p : resolver.imported_stacks()) a.dependencies.push_back(p->stack_name());
}

// Computes every element's logical ID now, while one thread runs: they are cached on first use,
// and validation and rendering (of any stack: a cross-stack reference reads the producer's) then
// only read them. Returns how many elements the stacks have.
std::size_t fix_logical_ids(App& app) {
  std::size_t count = 0;
  for (Construct* child : app.children())
    if (child->as_stack() != nullptr)
      for (Construct* c : all_constructs(*child))
        if (const CfnElement* e = c->as_cfn_element()) {
          e->logical_id();
          ++count;
        }
  return count;
}

// Below this many elements synthesize stays on one thread: starting the render thread (and
// mimalloc's heap for it) cost the default app (57 elements) about 0.8 ms, more than rendering
// beside validation saved; 300 OpsStacks (8,400 elements) took 11-15% less time with it.
constexpr std::size_t kElementsWorthAThread = 500;

}  // namespace

SynthResult synthesize(App& app, SynthThreads threads) {
  SynthResult result;
  auto& diags = result.diagnostics;
  Clock clock(result.timings);

  prepare(app);
  run_preparations(app);
  apply_construct_dependencies(app);
  const std::size_t element_count = fix_logical_ids(app);
  clock.lap("prepare");

  // Validate and render one stack at a time, so that few stacks' property snapshots are alive (at
  // N = 1000 stacks they were a fifth of the peak memory). A second thread renders each stack
  // while this one validates the next, and renders them in order, so the exports and errors come
  // out as from one thread. Validation (user-defined validations included) stays on this thread.
  // Errors are still collected from every construct, in tree order; after the first one nothing
  // more is rendered, and what was rendered is dropped.
  TreeValidator validator(diags);
  ExportTable exports;
  std::vector<std::string> errors;
  std::vector<Stack*> stacks;
  // Deques: the render thread writes into elements while this one appends.
  std::deque<StackArtifact> artifacts;
  std::deque<TemplateText> templates;
  std::unique_ptr<PropertiesSnapshot> rendering;  // the snapshot of the stack being rendered
  // Declared after everything its jobs use: it waits for the job in flight when it goes.
  BackgroundJob renderer(threads == SynthThreads::Two ||
                         (threads == SynthThreads::Auto && element_count >= kElementsWorthAThread &&
                          std::thread::hardware_concurrency() > 1));
  validator.check(app);
  for (Construct* child : app.children()) {
    auto* s = const_cast<Stack*>(child->as_stack());  // the app's own child: not const
    if (s == nullptr) {
      validator.check_subtree(*child);
      continue;
    }
    auto snapshot = std::make_unique<PropertiesSnapshot>(resources_below(*s));
    validator.check_subtree(*s);
    validator.check_logical_ids(*s);
    clock.lap("validate");
    stacks.push_back(s);
    // The previous stack's snapshot is dropped here, on this thread, once it is rendered.
    renderer.wait();
    rendering.reset();
    clock.lap("resolve");  // with a render thread, only the rendering that validation did not hide
    if (!result.ok()) continue;
    StackArtifact& a = artifacts.emplace_back();
    TemplateText& t = templates.emplace_back();
    renderer.start([s, &a, &t, &exports, &errors] { render_stack(*s, a, t, exports, errors); });
    rendering = std::move(snapshot);
    clock.lap("resolve");  // without a render thread, start() rendered the stack
  }
  renderer.wait();
  rendering.reset();
  clock.lap("resolve");
  validator.report_logical_id_clashes();
  if (!result.ok()) return result;
  // tree.json needs only the tree and the logical IDs, which nothing below changes.
  renderer.start([&app, &result] { result.assembly.tree_text = tree_text(app); });

  std::unordered_map<const Stack*, std::size_t> index_of;  // every stack is rendered now
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    index_of[stacks[i]] = i;
    result.assembly.stacks.push_back(std::move(artifacts[i]));
  }
  for (const auto& x : exports.exports()) {
    JsonWriter& w = templates[index_of.at(x.producer)].begin_entry("Outputs", x.output_logical_id);
    w.value(Json{{"Value", x.value}, {"Export", {{"Name", x.export_name}}}});
  }
  // Deterministic and free of repeats: dependencies in stack creation order.
  std::unordered_map<std::string, std::size_t> creation_order;
  for (std::size_t i = 0; i < stacks.size(); ++i) creation_order.emplace(stacks[i]->stack_name(), i);
  for (auto& a : result.assembly.stacks) {
    auto earlier = [&](const std::string& x, const std::string& y) { return creation_order.at(x) < creation_order.at(y); };
    std::sort(a.dependencies.begin(), a.dependencies.end(), earlier);
    a.dependencies.erase(std::unique(a.dependencies.begin(), a.dependencies.end()), a.dependencies.end());
  }
  for (auto& e : errors) add(diags, Diagnostic::Level::Error, "", std::move(e));
  check_cycles(result.assembly.stacks, diags);
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    StackArtifact& a = result.assembly.stacks[i];
    a.template_text = templates[i].finish(stacks[i]->description());
    a.resource_count = templates[i].count("Resources");
    check_template_limits(a, templates[i], diags);
  }
  clock.lap("resolve");

  for (Construct* c : all_constructs(app)) {
    for (const auto& m : c->metadata()) {
      if (m.type == "aws:cdk:warning") add(diags, Diagnostic::Level::Warning, c->path(), m.data.get<std::string>());
      if (m.type == "aws:cdk:info") add(diags, Diagnostic::Level::Info, c->path(), m.data.get<std::string>());
    }
  }
  std::stable_sort(diags.begin(), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.level < b.level; });

  result.assembly.manifest_text = manifest_text(result.assembly.stacks);
  renderer.wait();
  clock.lap("assemble");
  return result;
}

}  // namespace opsynth
