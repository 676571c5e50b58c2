// YAML CloudFormation templates as JSON (private to src/diff).
#pragma once

#include <string>
#include <string_view>

#include "opsynth/core/value.hpp"

namespace opsynth::diff {

// Parses YAML text into JSON. Short-form intrinsics become their long form
// (`!Ref X` -> {"Ref": "X"}, `!GetAtt A.B` -> {"Fn::GetAtt": ["A", "B"]}, `!Sub s` ->
// {"Fn::Sub": "s"}); plain scalars that read as null, booleans or numbers become those.
// Throws InputError naming `origin` and the line.
Json yaml_template_to_json(std::string_view text, const std::string& origin);

}  // namespace opsynth::diff
