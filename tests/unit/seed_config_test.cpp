// The seed's context values read by read_seed_config: what each accepts and what it refuses.
// (The CLI-level cases, with exit status and an untouched cdk.out/, are in
// tests/integration/bad_input_catalogue.sh.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "opsynth/core/app.hpp"
#include "opsynth_stacks/seed_config.hpp"

using namespace opsynth;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace {

struct Read {
  seed::SeedConfig config;
  std::vector<std::string> errors;
};

Read read(Json context) {
  App app(AppOptions{.context = std::move(context)});
  Read r;
  r.config = seed::read_seed_config(app, r.errors);
  return r;
}

}  // namespace

TEST(SeedConfig, CanaryIntervalWithLeadingZerosIsItsNumber) {
  auto r = read({{"canaryIntervalMinutes", "000060"}});
  EXPECT_THAT(r.errors, IsEmpty());
  EXPECT_EQ(r.config.canary_interval_minutes, 60);
  EXPECT_EQ(read({{"canaryIntervalMinutes", "07"}}).config.canary_interval_minutes, 7);
}

TEST(SeedConfig, CanaryIntervalOutOfRangeIsRefusedHoweverItIsWritten) {
  for (const char* minutes : {"0000", "000061", "99999999999999999999", "6 0"})
    EXPECT_THAT(read({{"canaryIntervalMinutes", minutes}}).errors,
                ElementsAre(HasSubstr("use whole minutes from 1 to 60")))
        << minutes;
}

TEST(SeedConfig, BaseUrlPortMustBeATcpPort) {
  EXPECT_THAT(read({{"baseUrl", "https://submit.example.com:8443/"}}).errors, IsEmpty());
  for (const char* url : {"https://submit.example.com:65536/", "https://submit.example.com:0/",
                          "https://submit.example.com:99999999999/", "https://submit.example.com:/"})
    EXPECT_THAT(read({{"baseUrl", url}}).errors, ElementsAre(HasSubstr("port must be 1-65535"))) << url;
}

TEST(SeedConfig, NamesMustStartWithALetterAsStackNamesDo) {
  // envName starts the stack names ("5-env-DataStack"), which CloudFormation refuses: the error
  // is the context key's, once, not one per stack or per name derived from it.
  EXPECT_THAT(read({{"envName", "5"}}).errors,
              ElementsAre(AllOf(HasSubstr("context \"envName\": \"5\""), HasSubstr("starting with a letter"))));
  EXPECT_THAT(read({{"envName", "ci"}, {"deploymentName", "9-feature"}}).errors,
              ElementsAre(HasSubstr("context \"deploymentName\": \"9-feature\"")));
  EXPECT_THAT(read({{"envName", "ci2"}, {"deploymentName", "ci2-x9"}}).errors, IsEmpty());
}

TEST(SeedConfig, ABadNameIsOneErrorNotOnePerValueDerivedFromIt) {
  // deploymentName and baseUrl default to values made from envName: they repeat its error only
  // when given themselves.
  EXPECT_THAT(read({{"envName", "Bad"}}).errors, ElementsAre(HasSubstr("context \"envName\": \"Bad\"")));
  EXPECT_THAT(read({{"envName", "Bad"}, {"baseUrl", "http://x/"}}).errors,
              ElementsAre(HasSubstr("context \"envName\""), HasSubstr("context \"baseUrl\"")));
}
