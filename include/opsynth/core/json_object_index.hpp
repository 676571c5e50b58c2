// Setting and finding the keys of an ordered JSON object in time linear in their number.
//
// nlohmann's ordered_json finds a key by comparing it with every key before it, so building an
// object of K keys through operator[] or contains() costs K^2 string comparisons (a --config of
// 40,000 keys took 2.8 s as JSON, 3.9 s as YAML). ObjectIndex scans small objects as ordered_json
// does, and indexes an object by hash once it has grown past a few keys.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "opsynth/core/value.hpp"

namespace opsynth {

class ObjectIndex {
 public:
  // `object` (an object, or null to become one) must outlive the index and change only through it.
  explicit ObjectIndex(Json& object);

  bool contains(std::string_view key) const { return find(key) != kMissing; }
  // The value of `key`: the one already there, or a new null one at the end, as ordered_json's
  // operator[] gives (a key set twice keeps its first place and its last value).
  Json& operator[](std::string_view key);

 private:
  static constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
  // Up to this many keys a scan is cheaper than hashing each key (most template objects are small).
  static constexpr std::size_t kScanned = 8;

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::size_t find(std::string_view key) const;

  Json::object_t::Container& entries_;
  // Position of each key, built once the object has more than kScanned keys. Keys are copies:
  // the object's own strings move when its vector grows.
  mutable std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> positions_;
};

}  // namespace opsynth
