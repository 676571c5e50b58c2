// JSON text into an ordered Json document, in time linear in its size.
#pragma once

#include <string_view>

#include "opsynth/core/value.hpp"

namespace opsynth {

// The document `text` holds, with each object's keys in the order of the text; a key given twice
// keeps its first place and its last value, as Json::parse does. Throws Json::parse_error (or
// Json::out_of_range for a number too large) with Json::parse's message. Json::parse itself
// looks up every key of an object among the keys before it: quadratic in an object's size.
Json parse_json_text(std::string_view text);

}  // namespace opsynth
