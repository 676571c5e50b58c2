// The catalogue of bad inputs, construct level (issue 6): apps the default app's context cannot
// build. Each case builds a bad app, runs synthesize_into on a directory that holds a previous
// good assembly, and checks that every expected error is reported with its construct path and
// what is allowed, and that the directory is byte-identical afterwards. The CLI cases are in
// tests/integration/bad_input_catalogue.sh; tests/integration/bad_input/README.md lists both.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>

#include "opsynth/backup/vault.hpp"
#include "opsynth/cfn/sns/topic.hpp"
#include "opsynth/cloudwatch/alarm.hpp"
#include "opsynth/cloudwatch/dashboard.hpp"
#include "opsynth/cloudwatch/widgets.hpp"
#include "opsynth/core/app.hpp"
#include "opsynth/core/cfn_element.hpp"
#include "opsynth/core/stack.hpp"
#include "opsynth/core/synth.hpp"
#include "opsynth/iam/role.hpp"
#include "opsynth/s3/bucket.hpp"
#include "opsynth/sns/subscription.hpp"
#include "opsynth/sns/topic.hpp"
#include "opsynth/synthetics/canary.hpp"

namespace opsynth {
namespace {

namespace fs = std::filesystem;

// Every regular file below `dir` and its bytes: equal snapshots mean a byte-identical tree.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files[fs::relative(e.path(), dir).string()] = bytes.str();
  }
  return files;
}

std::string all_diagnostics(const SynthResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
  return out;
}

Stack& env_stack(App& app, const std::string& id = "S") {
  return app.add<Stack>(id, StackProps{.env = {"111111111111", "eu-west-2"}});
}

// A scratch directory holding `cdk.out`, a good assembly written before each case.
class BadInputOutputDir : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(test.begin(), test.end(), '/', '_');  // a parameterized test's name holds '/'
    root_ = fs::temp_directory_path() / ("opsynth-bad-input-" + std::to_string(::getpid()) + "-" + test);
    fs::remove_all(root_);
    fs::create_directories(root_);
    App good;
    env_stack(good, "Good").add<sns::Topic>("Topic");
    ASSERT_TRUE(synthesize_into(good, outdir()).ok());
    before_ = snapshot(outdir());
    ASSERT_FALSE(before_.empty());
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path outdir() const { return root_ / "cdk.out"; }

  fs::path root_;
  std::map<std::string, std::string> before_;
};

struct BadInput {
  std::string name;
  std::function<void(App&)> build;
  std::vector<std::string> expected;  // each appears in one "path: message" error
};

std::ostream& operator<<(std::ostream& os, const BadInput& c) { return os << c.name; }

sns::Topic& topic(Stack& s, std::string id = "Topic") { return s.add<sns::Topic>(std::move(id)); }

cloudwatch::Metric metric(int period_seconds = 300) {
  return cloudwatch::Metric({.namespace_ = "AWS/Lambda", .metric_name = "Errors", .period_seconds = period_seconds});
}

void alarm(App& app, cloudwatch::AlarmProps props) {
  env_stack(app).add<cloudwatch::Alarm>("Alarm", std::move(props));
}

void dashboard_with(App& app, cloudwatch::TextWidgetProps widget, std::string name = "") {
  auto& d = env_stack(app).add<cloudwatch::Dashboard>("Dash", cloudwatch::DashboardProps{.dashboard_name = std::move(name)});
  widget.markdown = "# ops";
  d.add_widgets({std::make_shared<cloudwatch::TextWidget>(std::move(widget))});
}

void canary(App& app, synthetics::CanaryProps props) {
  auto& s = env_stack(app);
  props.role = &s.add<iam::Role>("Role", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com")});
  props.artifacts_bucket_location.bucket = &s.add<s3::Bucket>("Artifacts");
  props.test = synthetics::Test::custom("index.handler", synthetics::Code::from_inline("exports.handler = 1;"));
  if (props.canary_name.empty()) props.canary_name = "health";
  s.add<synthetics::Canary>("Canary", std::move(props));
}

std::vector<BadInput> catalogue() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  return {
      // --- the construct tree
      {"DuplicateConstructId",
       [](App& a) {
         auto& s = env_stack(a);
         topic(s, "T");
         topic(s, "T");
       },
       {"S: there is already a construct with id \"T\" here; sibling ids must be unique"}},
      {"ConstructIdWithSlash", [](App& a) { topic(env_stack(a), "A/B"); },
       {"S: construct id \"A/B\" contains '/'", "use another character"}},
      {"LogicalIdCollision",
       [](App& a) {
         auto& s = env_stack(a);
         s.add<cfn::sns::CfnTopic>("One").override_logical_id("Same");
         s.add<cfn::sns::CfnTopic>("Two").override_logical_id("Same");
       },
       {"S/Two: logical ID \"Same\" is already used by S/One in this stack; rename one of the constructs"}},
      {"IdWithoutLettersOrDigits", [](App& a) { env_stack(a).add<cfn::sns::CfnTopic>("_"); },
       {"S/_: the id \"_\" gives an empty logical ID", "give the construct an id with letters (A-Z, a-z) or digits"}},
      {"OverriddenLogicalIdNotAllowed",
       [](App& a) { env_stack(a).add<cfn::sns::CfnTopic>("T").override_logical_id("my-topic"); },
       {"S/T: logical ID \"my-topic\" is not valid: CloudFormation allows 1 to 255 letters (A-Z, a-z) and digits"}},
      {"DuplicateStackName",
       [](App& a) {
         a.add<Stack>("A", StackProps{.stack_name = "same"});
         a.add<Stack>("B", StackProps{.stack_name = "same"});
       },
       {"B: stack name \"same\" is already used by A; stack names must be unique in an app"}},
      {"StackNameNotAllowed", [](App& a) { a.add<Stack>("S", StackProps{.stack_name = "1_bad"}); },
       {"S: stack name \"1_bad\" is not allowed", "match ^[A-Za-z][A-Za-z0-9-]*$"}},
      {"StackCycle",
       [](App& a) {
         auto& x = env_stack(a, "X");
         auto& y = env_stack(a, "Y");
         topic(x);
         topic(y);
         x.add_stack_dependency(y, "test");
         y.add_stack_dependency(x, "test");
       },
       {"Y: stacks depend on each other in a cycle: X -> Y -> X; CloudFormation cannot order their deployment"}},
      {"WholeIntrinsicTagsWithScopeTags",
       [](App& a) {
         auto& s = env_stack(a);
         auto& prod = s.add<CfnCondition>("IsProd", fn::equals(aws::region(), "eu-west-2"));
         s.add<cfn::sns::CfnTopic>("T", cfn::sns::CfnTopicProps{.tags = cfn::List<cfn::Object<cfn::CfnTag>>(
                                               fn::if_(prod, ValueList{}, ValueList{}))});
         Tags::of(s).add("Team", "ops");
       },
       {"S/T: Tags is a single intrinsic (such as Fn::If), which cannot also hold the tags applied to this resource (Team)",
        "give Tags entry by entry"}},
      // --- CloudFormation template limits
      {"Over500Resources",
       [](App& a) {
         auto& s = env_stack(a);
         for (int i = 0; i < 501; ++i) s.add<cfn::sns::CfnTopic>("T" + std::to_string(i));
       },
       {"S: the template has 501 Resources but CloudFormation allows at most 500; split the stack"}},
      {"Over200Outputs",
       [](App& a) {
         auto& s = env_stack(a);
         topic(s);
         for (int i = 0; i < 201; ++i) s.add<CfnOutput>("O" + std::to_string(i), CfnOutputProps{.value = "v"});
       },
       {"S: the template has 201 Outputs but CloudFormation allows at most 200; split the stack"}},
      {"Over200Parameters",
       [](App& a) {
         auto& s = env_stack(a);
         topic(s);
         for (int i = 0; i < 201; ++i) s.add<CfnParameter>("P" + std::to_string(i), CfnParameterProps{});
       },
       {"S: the template has 201 Parameters but CloudFormation allows at most 200; split the stack"}},
      {"TemplateOverOneMegabyte",
       [](App& a) {
         auto& s = env_stack(a);
         for (int i = 0; i < 5; ++i)
           s.add<cfn::sns::CfnTopic>("T" + std::to_string(i)).add_property_override("DisplayName", std::string(210000, 'x'));
       },
       {"S: the template is", "bytes; CloudFormation accepts at most 1000000 bytes"}},
      // --- environments, names over AWS limits, ARNs, account ids, emails
      {"StackAccountNotTwelveDigits", [](App& a) { topic(a.add<Stack>("S", StackProps{.env = {"1234", "eu-west-2"}})); },
       {"S: account \"1234\" is not an AWS account id; use 12 digits"}},
      {"StackRegionUnknown", [](App& a) { topic(a.add<Stack>("S", StackProps{.env = {"111111111111", "mars"}})); },
       {"S: region \"mars\" is not an AWS region name; use one such as eu-west-2"}},
      {"BucketNameTooShort", [](App& a) { env_stack(a).add<s3::Bucket>("B", s3::BucketProps{.bucket_name = Value("ab")}); },
       {"S/B: bucket name \"ab\" is 2 characters long; S3 allows 3 to 63"}},
      {"BucketNameTooLong",
       [](App& a) { env_stack(a).add<s3::Bucket>("B", s3::BucketProps{.bucket_name = Value(std::string(64, 'b'))}); },
       {"is 64 characters long; S3 allows 3 to 63"}},
      {"BucketNameUppercase",
       [](App& a) { env_stack(a).add<s3::Bucket>("B", s3::BucketProps{.bucket_name = Value("Ops_Bucket")}); },
       {"S/B: bucket name \"Ops_Bucket\" has characters S3 does not allow"}},
      {"ImportedBucketArnNotABucket",
       [](App& a) {
         auto& s = env_stack(a);
         topic(s);
         s3::Bucket::from_bucket_arn(s, "Imported", "arn:aws:sqs:eu-west-2:111111111111:queue");
       },
       {"S/Imported: bucket ARN \"arn:aws:sqs:eu-west-2:111111111111:queue\" is not the ARN of a bucket; expected "
        "arn:aws:s3:::NAME"}},
      {"ImportedBucketAccountNotTwelveDigits",
       [](App& a) {
         auto& s = env_stack(a);
         topic(s);
         s3::Bucket::from_bucket_attributes(s, "Imported", {.bucket_arn = "arn:aws:s3:::ok-bucket", .account = Value("12")});
       },
       {"S/Imported: account id \"12\" is not valid; an AWS account id is 12 digits"}},
      {"RoleNameOver64",
       [](App& a) {
         env_stack(a).add<iam::Role>("R", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com"),
                                                         .role_name = Value(std::string(65, 'r'))});
       },
       {"S/R: role name \"" + std::string(65, 'r') + "\" is 65"}},
      {"BackupVaultNameTooShort",
       [](App& a) { env_stack(a).add<backup::BackupVault>("V", backup::BackupVaultProps{.backup_vault_name = "v"}); },
       {"S/V: backup vault name \"v\" is not allowed; use 2-50 letters, digits, '-' and '_'"}},
      {"BackupVaultNameTooLong",
       [](App& a) {
         env_stack(a).add<backup::BackupVault>("V", backup::BackupVaultProps{.backup_vault_name = std::string(51, 'v')});
       },
       {"S/V: backup vault name \"" + std::string(51, 'v') + "\" is not allowed; use 2-50"}},
      {"ImportedBackupVaultArnNotAVault",
       [](App& a) {
         auto& s = env_stack(a);
         topic(s);
         backup::BackupVault::from_backup_vault_arn(s, "Dest", "arn:aws:s3:::not-a-vault");
       },
       {"S/Dest: \"arn:aws:s3:::not-a-vault\" is not the ARN of a backup vault; expected"}},
      {"AlarmNameOver255", [](App& a) { alarm(a, {.metric = metric(), .alarm_name = std::string(256, 'a')}); },
       {"S/Alarm: alarm name is 256 characters; at most 255 are allowed"}},
      {"TopicNameOver256",
       [](App& a) { env_stack(a).add<sns::Topic>("T", sns::TopicProps{.topic_name = std::string(257, 't')}); },
       {"S/T: topic name \"" + std::string(257, 't') + "\" is not valid; use 1-256 letters, digits, '_' and '-'"}},
      {"EmailSubscriptionNotAnAddress",
       [](App& a) {
         auto& s = env_stack(a);
         auto& t = topic(s);
         s.add<sns::Subscription>("Sub", sns::SubscriptionProps{.topic_arn = t.topic_arn(), .endpoint = Value("ops-at-example")});
       },
       {"S/Sub: subscription endpoint \"ops-at-example\" is not an email address"}},
      {"AccountPrincipalNotTwelveDigits",
       [](App& a) {
         env_stack(a).add<iam::Role>("R", iam::RoleProps{.assumed_by = iam::AccountPrincipal(Value("12345"))});
       },
       {"S/R: assumed_by: account id \"12345\" is not valid; an AWS account id is 12 digits"}},
      // --- alarms
      {"AlarmThresholdNaN", [nan](App& a) { alarm(a, {.metric = metric(), .threshold = nan}); },
       {"S/Alarm: alarm threshold must be a finite number"}},
      {"AlarmThresholdInfinite", [inf](App& a) { alarm(a, {.metric = metric(), .threshold = -inf}); },
       {"S/Alarm: alarm threshold must be a finite number"}},
      {"AlarmNegativeEvaluationPeriods", [](App& a) { alarm(a, {.metric = metric(), .evaluation_periods = -1}); },
       {"S/Alarm: evaluation periods -1 is not allowed; use 1 or more"}},
      {"AlarmPeriod45Seconds", [](App& a) { alarm(a, {.metric = metric(45)}); },
       {"S/Alarm: alarm period 45 s is not allowed; use 10, 20, 30 or a multiple of 60 seconds"}},
      {"AlarmEvaluationRangeOverADay", [](App& a) { alarm(a, {.metric = metric(300), .evaluation_periods = 289}); },
       {"S/Alarm: period 300 s x 289 evaluation periods = 86700 s; at most 86400 s"}},
      {"AlarmDatapointsOverEvaluationPeriods",
       [](App& a) { alarm(a, {.metric = metric(), .evaluation_periods = 2, .datapoints_to_alarm = 3}); },
       {"S/Alarm: datapoints to alarm 3 is not allowed; use 1 to the evaluation periods (2)"}},
      // --- dashboards: a 24-column grid
      {"WidgetWiderThanTheGrid", [](App& a) { dashboard_with(a, {.width = 25}); },
       {"S/Dash: text widget", "is 25 columns wide; widgets are 1 to 24 columns wide"}},
      {"WidgetZeroColumnsWide", [](App& a) { dashboard_with(a, {.width = 0}); },
       {"is 0 columns wide; widgets are 1 to 24 columns wide"}},
      {"WidgetZeroRowsHigh", [](App& a) { dashboard_with(a, {.height = 0}); },
       {"is 0 rows high; widgets are 1 to 1000 rows high"}},
      {"DashboardNameNotAllowed", [](App& a) { dashboard_with(a, {}, "ops dashboard!"); },
       {"S/Dash: dashboard name \"ops dashboard!\" is not valid; use 1-255 letters, digits, '-' and '_'"}},
      // --- canaries
      {"CanaryNameUppercase", [](App& a) { canary(a, {.canary_name = "Prod_Health"}); },
       {"S/Canary: canary name \"Prod_Health\" must match ^[0-9a-z_-]+$"}},
      {"CanaryNameOver255", [](App& a) { canary(a, {.canary_name = std::string(256, 'c')}); },
       {"is 256 characters; use 1 to 255"}},
      {"CanaryScheduleRateOver60", [](App& a) { canary(a, {.schedule = synthetics::Schedule::rate(61)}); },
       {"S/Canary: schedule rate of 61 minutes is not allowed; use 0 (run once) to 60 minutes"}},
      {"CanaryScheduleExpressionMalformed",
       [](App& a) { canary(a, {.schedule = synthetics::Schedule::expression("every 5 minutes")}); },
       {"S/Canary: schedule \"every 5 minutes\" is not allowed; use rate(N minutes)"}},
      {"CanaryScheduleExpressionOverAnHour",
       [](App& a) { canary(a, {.schedule = synthetics::Schedule::expression("rate(2 hours)")}); },
       {"S/Canary: schedule \"rate(2 hours)\" is not allowed; a canary runs at least once an hour"}},
      {"CanaryRuntimeDeprecated", [](App& a) { canary(a, {.runtime = {"syn-nodejs-puppeteer-7.0"}}); },
       {"S/Canary: runtime syn-nodejs-puppeteer-7.0 was deprecated on 2026-01-22", "use a current runtime"}},
      {"CanaryRuntimeNotASyntheticsRuntime", [](App& a) { canary(a, {.runtime = {"nodejs18.x"}}); },
       {"S/Canary: runtime \"nodejs18.x\" is not a Synthetics runtime; use a syn-LANGUAGE-FRAMEWORK-VERSION runtime"}},
      {"CanaryTimeoutOutOfRange", [](App& a) { canary(a, {.timeout_seconds = 900}); },
       {"S/Canary: canary timeout 900 s is not allowed; use 3 to 840 seconds"}},
  };
}

class BadInputCatalogue : public BadInputOutputDir, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputCatalogue, ReportsPathAndWhatIsAllowedAndWritesNothing) {
  // A fixed date, so that the deprecation case does not depend on the day the test runs.
  App app(AppOptions{.context = Json{{"opsynth:today", "2026-11-29"}}});
  GetParam().build(app);
  const SynthResult result = synthesize_into(app, outdir());
  const std::string all = all_diagnostics(result);
  EXPECT_FALSE(result.ok()) << all;
  for (const auto& e : GetParam().expected) EXPECT_NE(all.find(e), std::string::npos) << "missing: " << e << "\n" << all;
  EXPECT_EQ(snapshot(outdir()), before_) << "cdk.out changed";
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInputCatalogue, ::testing::ValuesIn(catalogue()),
                         [](const auto& info) { return info.param.name; });

TEST_F(BadInputOutputDir, EveryErrorOfOneRunIsReported) {
  App app;
  auto& s = env_stack(app);
  s.add<s3::Bucket>("B", s3::BucketProps{.bucket_name = Value("ab")});
  s.add<iam::Role>("R", iam::RoleProps{.assumed_by = iam::ServicePrincipal("lambda.amazonaws.com"),
                                       .role_name = Value(std::string(65, 'r'))});
  s.add<cloudwatch::Alarm>("Alarm", cloudwatch::AlarmProps{.metric = metric(), .threshold = std::nan(""),
                                                          .evaluation_periods = 0});
  s.add<backup::BackupVault>("V", backup::BackupVaultProps{.backup_vault_name = "v"});
  const SynthResult result = synthesize_into(app, outdir());
  // The L1s' schema checks may report a rule again (e.g. S/R/Resource: Properties.RoleName).
  for (const char* e : {"S/B: bucket name \"ab\"", "S/R: role name", "S/Alarm: evaluation periods 0",
                        "S/Alarm: alarm threshold", "S/V: backup vault name \"v\""})
    EXPECT_NE(all_diagnostics(result).find(e), std::string::npos) << e << "\n" << all_diagnostics(result);
  EXPECT_EQ(snapshot(outdir()), before_);
}

TEST_F(BadInputOutputDir, ATemplateOverTheDirectDeployLimitWarnsWithTheS3BucketHintAndIsWritten) {
  App app;
  auto& s = env_stack(app, "Big");
  for (int i = 0; i < 250; ++i)
    s.add<cfn::sns::CfnTopic>("T" + std::to_string(i), cfn::sns::CfnTopicProps{.topic_name = std::string(200, 'n')});
  const SynthResult result = synthesize_into(app, outdir());
  EXPECT_TRUE(result.ok()) << all_diagnostics(result);
  EXPECT_NE(all_diagnostics(result).find("Big: the template is"), std::string::npos) << all_diagnostics(result);
  EXPECT_NE(all_diagnostics(result).find("over the 51200 bytes"), std::string::npos);
  EXPECT_NE(all_diagnostics(result).find("deploy it with --s3-bucket BUCKET"), std::string::npos);
  ASSERT_EQ(result.diagnostics.front().level, Diagnostic::Level::Warning);
  EXPECT_TRUE(fs::exists(outdir() / "Big.template.json"));
  EXPECT_FALSE(fs::exists(outdir() / "Good.template.json")) << "the previous assembly is replaced whole";
}

// synthesize_into writes an assembly by replacing the output directory whole, so it must
// refuse a path that holds anything but a previous assembly (write_assembly alone swapped a
// regular file or a directory of the user's files away and deleted it).
TEST_F(BadInputOutputDir, AnOutputPathThatIsAFileIsAnErrorAndTheFileIsKept) {
  App app;
  topic(env_stack(app));
  const fs::path file = root_ / "notes.txt";
  std::ofstream(file) << "keep me";
  const SynthResult result = synthesize_into(app, file);
  EXPECT_FALSE(result.ok());
  EXPECT_NE(all_diagnostics(result).find(file.string() + ": is not a directory; give a new or empty directory"),
            std::string::npos)
      << all_diagnostics(result);
  ASSERT_TRUE(fs::is_regular_file(file));
  std::ifstream in(file);
  std::string kept;
  std::getline(in, kept);
  EXPECT_EQ(kept, "keep me");
}

TEST_F(BadInputOutputDir, AnOutputDirectoryThatIsNotAnAssemblyIsAnErrorAndKept) {
  App app;
  topic(env_stack(app));
  const fs::path dir = root_ / "src";
  fs::create_directories(dir);
  std::ofstream(dir / "main.cpp") << "int main() {}";
  const SynthResult result = synthesize_into(app, dir);
  EXPECT_FALSE(result.ok());
  EXPECT_NE(all_diagnostics(result).find(dir.string() + ": is a directory that is not a cloud assembly (it holds main.cpp)"),
            std::string::npos)
      << all_diagnostics(result);
  EXPECT_TRUE(fs::exists(dir / "main.cpp"));
  EXPECT_FALSE(fs::exists(dir / "manifest.json"));
}

TEST_F(BadInputOutputDir, AnEmptyDirectoryOrOneWithOnlyCdkLockFilesIsWritten) {
  App app;
  topic(env_stack(app, "Fresh"));
  const fs::path dir = root_ / "locked";
  fs::create_directories(dir);
  std::ofstream(dir / "synth.lock") << "";
  const SynthResult result = synthesize_into(app, dir);
  EXPECT_TRUE(result.ok()) << all_diagnostics(result);
  EXPECT_TRUE(fs::exists(dir / "Fresh.template.json"));
  EXPECT_TRUE(fs::exists(dir / "synth.lock")) << "the cdk CLI's lock files are carried over";
}

TEST_F(BadInputOutputDir, AnOutputDirectoryUnderARegularFileIsAnErrorNamingIt) {
  App app;
  topic(env_stack(app));
  std::ofstream(root_ / "blocker") << "x";
  const SynthResult result = synthesize_into(app, root_ / "blocker" / "cdk.out");
  EXPECT_FALSE(result.ok());
  EXPECT_NE(all_diagnostics(result).find("cannot write the cloud assembly"), std::string::npos) << all_diagnostics(result);
  EXPECT_NE(all_diagnostics(result).find("choose a writable output directory"), std::string::npos);
  EXPECT_EQ(snapshot(outdir()), before_);
}

TEST_F(BadInputOutputDir, SynthesizeIntoTimesTheWrite) {
  App app;
  topic(env_stack(app));
  const SynthResult result = synthesize_into(app, outdir());
  ASSERT_TRUE(result.ok());
  ASSERT_FALSE(result.timings.empty());
  EXPECT_EQ(result.timings.back().phase, "write");
}

}  // namespace
}  // namespace opsynth
