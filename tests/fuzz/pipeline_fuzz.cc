// libFuzzer target: the whole pipeline a user runs on a scenario (tests/fuzz/pipeline.h) — load,
// lint, simulate, every report, the `expect` check — on arbitrary bytes. Only the horizon is cut
// short and the event cap lowered, so one input stays well inside the fuzzer's per-input timeout;
// every other setting plays as written. Bad input may only ever end in ScenarioError; anything
// else escaping (the simulator's internal errors included), a crash, a leak or a sanitizer report
// is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness/scenario/scenario_error.h"
#include "tests/fuzz/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    fuzzing::run_pipeline_text(text, "fuzz.json", {.horizon = sim::hours(1), .event_cap = 200'000});
  } catch (const harness::scenario::ScenarioError&) {
    // The one way bad input is allowed to end.
  }
  return 0;
}
