#include "opsynth/diff/stateful.hpp"

#include <algorithm>

namespace opsynth::diff {
namespace {

// The types whose replacement or deletion loses what they store (issue 6). A type joins
// this list when it keeps data that a new, empty resource of the same type would not have.
constexpr std::string_view kStatefulTypes[] = {
    "AWS::Backup::BackupVault",  // recovery points
    "AWS::DynamoDB::Table",      // items
    "AWS::KMS::Key",             // whatever it encrypted becomes unreadable
    "AWS::S3::Bucket",           // objects
};

}  // namespace

std::span<const std::string_view> stateful_types() { return kStatefulTypes; }

bool is_stateful(std::string_view type) {
  return std::find(std::begin(kStatefulTypes), std::end(kStatefulTypes), type) != std::end(kStatefulTypes);
}

}  // namespace opsynth::diff
