#include "opsynth/core/json_object_index.hpp"

namespace opsynth {
namespace {

// The object's entries as its vector: ordered_map's own operator[] and emplace look a key up
// among all the keys before it; the vector's append does not.
Json::object_t::Container& entries_of(Json& j) {
  if (j.is_null()) j = Json::object();
  return j.get_ref<Json::object_t&>();
}

}  // namespace

ObjectIndex::ObjectIndex(Json& object) : entries_(entries_of(object)) {}

std::size_t ObjectIndex::find(std::string_view key) const {
  if (entries_.size() <= kScanned) {
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (entries_[i].first == key) return i;
    return kMissing;
  }
  for (std::size_t i = positions_.size(); i < entries_.size(); ++i) positions_.emplace(entries_[i].first, i);
  auto it = positions_.find(key);
  return it == positions_.end() ? kMissing : it->second;
}

Json& ObjectIndex::operator[](std::string_view key) {
  if (std::size_t i = find(key); i != kMissing) return entries_[i].second;
  return entries_.emplace_back(std::string(key), Json()).second;
}

}  // namespace opsynth
