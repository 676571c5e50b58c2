// Resource types that hold data: replacing or deleting one loses it, so `opsynth diff`
// blocks such a change unless it is named with --allow-replace.
#pragma once

#include <span>
#include <string_view>

namespace opsynth::diff {

std::span<const std::string_view> stateful_types();
bool is_stateful(std::string_view type);

}  // namespace opsynth::diff
