// libFuzzer target: the scenario loader on arbitrary bytes. Bad input may only ever end in
// ScenarioError (file, JSON pointer, what was expected); any other exception, a crash, a leak or a
// sanitizer report is a finding. "$file" references resolve against the current directory, which
// scripts/fuzz points at a scratch directory holding one task definition file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness/scenario/scenario_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    harness::scenario::load_scenario_text(text, "fuzz.json");
  } catch (const harness::scenario::ScenarioError&) {
    // The one way bad input is allowed to end.
  }
  return 0;
}
