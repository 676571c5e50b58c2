// aws-cdk-lib's logical IDs (core/lib/private/uniqueid.ts makeUniqueId), so a template
// from opsynth can replace one from the TypeScript/Java CDK for the same tree without
// replacing any resource.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opsynth {

// `components` is the construct path below the stack.
// - components equal to "Default" are dropped;
// - a single remaining component is the id, with non-alphanumerics removed (if <= 255);
// - otherwise: the components with consecutive "suffix duplicates" removed (a component
//   is dropped when the previous kept one ends with it) and "Resource" dropped, with
//   non-alphanumerics removed, joined and cut to 240 characters, followed by the first
//   8 hex digits (upper case) of the MD5 of all components joined with '/'.
// Throws std::invalid_argument when no component remains.
std::string make_unique_id(std::vector<std::string_view> components);

// What CloudFormation accepts as a logical ID: 1 to 255 letters (A-Z, a-z) and digits.
bool is_valid_logical_id(std::string_view id);

// ICU-like ordering of ASCII strings as JavaScript's localeCompare gives it in
// aws-cdk-lib (punctuation before digits before letters; case only breaks ties,
// lower case first). Used where aws-cdk-lib sorts with localeCompare.
bool locale_less(const std::string& a, const std::string& b);

}  // namespace opsynth
