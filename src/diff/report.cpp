#include "opsynth/diff/report.hpp"

#include <fmt/format.h>

namespace opsynth::diff {
namespace {

// Long values (a dashboard body) are cut: the path already says where the change is.
constexpr std::size_t kMaxValueChars = 160;

std::string show(const std::optional<Json>& value) {
  if (!value) return "(none)";
  // `replace`: a YAML template may carry bytes that are not UTF-8.
  std::string s = value->dump(-1, ' ', false, Json::error_handler_t::replace);
  if (s.size() > kMaxValueChars) {
    std::size_t cut = kMaxValueChars;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    s = s.substr(0, cut) + "…";
  }
  return s;
}

const char* symbol(Action a) {
  switch (a) {
    case Action::Add: return "[+]";
    case Action::Destroy:
    case Action::Orphan: return "[-]";
    default: return "[~]";
  }
}

const char* label(Action a) {
  switch (a) {
    case Action::Replace: return " (replace)";
    case Action::MayReplace: return " (may replace)";
    case Action::Destroy: return " (destroy)";
    case Action::Orphan: return " (orphaned (retained))";
    default: return "";
  }
}

const char* verb(Action a) {
  switch (a) {
    case Action::Replace: return "replaced";
    case Action::MayReplace: return "possibly replaced";
    case Action::Destroy: return "deleted";
    default: return "orphaned";
  }
}

void render_values(std::string& out, const std::vector<ValueChange>& changes) {
  for (const auto& c : changes) {
    const char* mark = !c.old_value ? "[+]" : !c.new_value ? "[-]" : "[~]";
    const char* note = c.replacement == Replacement::Yes     ? " (requires replacement)"
                       : c.replacement == Replacement::Maybe ? " (may require replacement)"
                                                             : "";
    out += fmt::format("    {} {}{}: {} → {}\n", mark, c.path.empty() ? "(value)" : c.path, note, show(c.old_value),
                       show(c.new_value));
  }
}

void render_entries(std::string& out, const char* title, const std::vector<EntryChange>& entries) {
  if (entries.empty()) return;
  out += fmt::format("{}\n", title);
  for (const auto& e : entries) {
    out += fmt::format("{} {}\n", symbol(e.action), e.name);
    if (e.action == Action::Update) render_values(out, e.changes);
    if (e.action == Action::Add) out += fmt::format("    {}\n", show(e.new_value));
    if (e.action == Action::Destroy) out += fmt::format("    {}\n", show(e.old_value));
  }
}

}  // namespace

std::string render_stack_diff(const StackDiff& diff) {
  std::string out = fmt::format("Stack {}\n", diff.stack);
  if (diff.empty()) return out + "There were no differences\n";
  if (!diff.resources.empty()) out += "Resources\n";
  for (const auto& r : diff.resources) {
    out += fmt::format("{} {} {}{}{}\n", symbol(r.action), r.type, r.logical_id, label(r.action),
                       r.blocked ? " BLOCKED" : "");
    if (!r.reason.empty()) out += fmt::format("    why: {}\n", r.reason);
    if (r.blocked) out += fmt::format("    ! stateful: it holds data; accept with --allow-replace {}\n", r.logical_id);
    render_values(out, r.changes);
    for (const auto& n : r.notes) out += fmt::format("    note: {}\n", n);
  }
  render_entries(out, "Parameters", diff.parameters);
  render_entries(out, "Outputs", diff.outputs);
  return out;
}

std::vector<std::string> blocking_messages(const StackDiff& diff) {
  std::vector<std::string> out;
  for (const auto& r : diff.resources) {
    if (!r.blocked) continue;
    out.push_back(fmt::format("{}: {} ({}) would be {}: {}; it is stateful and its data would be lost to the stack. "
                              "If this is intended, pass --allow-replace {}",
                              diff.stack, r.logical_id, r.type, verb(r.action), r.reason, r.logical_id));
  }
  return out;
}

}  // namespace opsynth::diff
