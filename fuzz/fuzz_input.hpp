// What every fuzz target shares: the fuzzer's bytes as text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace opsynth::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace opsynth::fuzz
