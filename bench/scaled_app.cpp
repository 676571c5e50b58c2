#include "scaled_app.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "opsynth_stacks/data_stack.hpp"
#include "opsynth_stacks/ops_stack.hpp"
#include "opsynth_stacks/seed_config.hpp"

namespace opsynth::bench {
namespace {

// The context of the repository's cdk.json: the default app.
Json default_context() {
  return Json{{"envName", "prod"}, {"hostedZoneName", "diyaccounting.co.uk"}, {"subDomainName", "submit"},
              {"region", "eu-west-2"}};
}

}  // namespace

std::unique_ptr<App> build_scaled_app(int copies, Copies what) {
  auto app = std::make_unique<App>(AppOptions{default_context()});
  std::vector<std::string> errors;
  const seed::SeedConfig config = seed::read_seed_config(*app, errors);
  if (!errors.empty()) throw std::runtime_error("seed config: " + errors.front());
  for (int i = 0; i < copies; ++i) {
    const std::string prefix = "bench" + std::to_string(i);
    if (what == Copies::OpsAndData)
      app->add<seed::DataStack>(prefix + "-env-DataStack", seed::data_stack_props(config));
    app->add<seed::OpsStack>(prefix + "-app-OpsStack", seed::ops_stack_props(config));
  }
  return app;
}

}  // namespace opsynth::bench
