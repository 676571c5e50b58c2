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

// Computed with aws-cdk-lib 2.276's makeUniqueId.
TEST(LogicalId, AwsCdkLibVectors) {
  EXPECT_EQ(make_unique_id({"Bucket", "Resource"}), "Bucket83908E77");
  EXPECT_EQ(make_unique_id({"CanaryRole", "DefaultPolicy", "Resource"}), "CanaryRoleDefaultPolicyC179670E");
  EXPECT_EQ(make_unique_id({"prod-submit-app-AlertTopic", "Resource"}), "prodsubmitappAlertTopic9AC1CEEA");
  EXPECT_EQ(make_unique_id({"BackupPlan", "DynamoDBSelection", "Role", "Resource"}),
            "BackupPlanDynamoDBSelectionRoleD30C3EFB");
  EXPECT_EQ(make_unique_id({"HealthCanary", "ArtifactsBucket", "Resource"}), "HealthCanaryArtifactsBucket17355143");
  EXPECT_EQ(make_unique_id({"Default", "Default", "X"}), "X");
  EXPECT_EQ(make_unique_id({"Stack", "Stack", "Resource"}), "Stack32A2106D");
  EXPECT_EQ(make_unique_id({"Foo", "Bar", "Bar", "Baz"}), "FooBarBazE1F96DA9");
  EXPECT_EQ(make_unique_id({"Alarm", "Resource", "Default"}), "Alarm7103F465");
  EXPECT_EQ(make_unique_id({"CanaryArtifacts", "Policy", "Resource"}), "CanaryArtifactsPolicy9C3AC9F1");
  EXPECT_EQ(make_unique_id({"My.Bucket", "Resource"}), "MyBucket743BF841");
  // "ab" ends with "b": aws-cdk-lib drops the suffix duplicate from the human part.
  EXPECT_EQ(make_unique_id({"ab", "b", "Resource"}), "ab3DCAA65D");
  EXPECT_EQ(make_unique_id({"Exports", "Output{\"Ref\":\"Topic\"}"}), "ExportsOutputRefTopicA7DE468A");
}

TEST(LogicalId, EmptyPathIsRejected) { EXPECT_THROW(make_unique_id({"Default"}), std::invalid_argument); }

TEST(LogicalId, SingleComponentIsTheIdWithoutPunctuation) {
  EXPECT_EQ(make_unique_id({"My-Output_1"}), "MyOutput1");
  EXPECT_EQ(make_unique_id({"Default", "Out"}), "Out");
}

}  // namespace
}  // namespace opsynth

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

namespace opsynth {
namespace {

// Run by tests/integration/logical_id_vectors.sh with vectors that aws-cdk-lib computed.
TEST(LogicalId, DISABLED_MatchesAwsCdkLibVectors) {
  const char* file = std::getenv("OPSYNTH_LOGICAL_ID_VECTORS");
  ASSERT_NE(file, nullptr) << "set OPSYNTH_LOGICAL_ID_VECTORS to a vectors file";
  std::ifstream in(file);
  auto vectors = nlohmann::json::parse(in);
  ASSERT_GT(vectors.size(), 100u);
  for (const auto& v : vectors) {
    const auto components = v["components"].get<std::vector<std::string>>();
    EXPECT_EQ(make_unique_id({components.begin(), components.end()}), v["id"].get<std::string>())
        << v["components"].dump();
  }
}

}  // namespace
}  // namespace opsynth
