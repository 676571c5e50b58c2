// How `opsynth diff` prints a StackDiff, in the manner of `cdk diff`:
//   [+] added, [-] removed, [~] changed; (replace) / (may replace) / (destroy) /
//   (orphaned (retained)) after a resource; each changed value as `path: old → new`.
// Deterministic: resources, outputs and paths are sorted.
#pragma once

#include <string>
#include <vector>

#include "opsynth/diff/template_diff.hpp"

namespace opsynth::diff {

// The readable report of one stack, ending in a newline.
std::string render_stack_diff(const StackDiff& diff);

// One message per blocked change: the stack, logical ID, type, what happens and why, and
// how to accept it (--allow-replace).
std::vector<std::string> blocking_messages(const StackDiff& diff);

}  // namespace opsynth::diff
