// Test helper: the message a scenario text fails with, so tests can compare it whole.
#pragma once

#include <string>
#include <string_view>

#include "harness/scenario/scenario_loader.h"

namespace harness::scenario::testing {

// The what() of the ScenarioError that loading `text` throws, or "loaded" when it loads.
inline std::string load_error(std::string_view text, const std::string& name = "test.json") {
  try {
    load_scenario_text(text, name);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "loaded";
}

}  // namespace harness::scenario::testing
