// The root of a construct tree.
#pragma once

#include <string>
#include <vector>

#include "opsynth/core/construct.hpp"

namespace opsynth {

class Stack;

struct AppOptions {
  Json context = Json::object();  // merged context (see context.hpp for how the CLI builds it)
};

class App : public Construct {
 public:
  explicit App(AppOptions options = {});
  // Every stack in the tree, in creation order.
  std::vector<Stack*> stacks() const;
};

}  // namespace opsynth
