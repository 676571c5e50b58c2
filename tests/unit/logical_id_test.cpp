#include <gtest/gtest.h>

#include "opsynth/core/logical_id.hpp"

namespace opsynth {
namespace {

TEST(LogicalId, DesignVectors) {
  EXPECT_EQ(make_unique_id({"Alarm", "Resource"}), "Alarm7103F465");
  EXPECT_EQ(make_unique_id({"Bucket", "Policy", "Resource"}), "BucketPolicyE9A3008A");
  EXPECT_EQ(make_unique_id({"Plan", "Selection", "Role", "Resource"}), "PlanSelectionRole6D10F4B7");
  EXPECT_EQ(make_unique_id({"Table", "Resource"}), "TableCD117FA1");
}

TEST(LogicalId, SingleComponentIsTheIdWithoutPunctuation) {
  EXPECT_EQ(make_unique_id({"My-Output_1"}), "MyOutput1");
  EXPECT_EQ(make_unique_id({"Default", "Out"}), "Out");
}

}  // namespace
}  // namespace opsynth
