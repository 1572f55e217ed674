// harness/scenario/scenario_writer.h: a written scenario loads back to the same run.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "harness/scenario/scenario_writer.h"
#include "tests/support/run_helpers.h"

using harness::scenario::load_scenario_text;
using harness::scenario::scenario_to_json;

TEST_CASE("every library scenario, written and loaded back, replays to the same event log") {
  // Given each scenario of the library, when it is written as JSON and loaded again, then both
  // runs give byte-identical event logs and the written file is a fixed point of writing.
  for (const std::string& file : testsupport::library_files()) {
    INFO(file);
    const sim::model::Scenario original = testsupport::library_scenario(file);
    const std::string written = scenario_to_json(original).dump(2);
    const sim::model::Scenario reloaded = load_scenario_text(written, "written.json").scenario;
    CHECK(testsupport::run_traced(reloaded).event_log == testsupport::run_traced(original).event_log);
    CHECK(scenario_to_json(reloaded).dump(2) == written);
  }
}

TEST_CASE("durations keep their milliseconds and seeds their full 64 bits") {
  // Given a scenario with a fractional grace period and a seed above 2^63, when written and
  // reloaded, then both are exact.
  sim::model::Scenario s = testsupport::library_scenario("scenarios/examples/default.json");
  s.service.health_check_grace_period = sim::Millis{12'345};
  s.seed = 18'000'000'000'000'000'001ULL;
  const auto reloaded = load_scenario_text(scenario_to_json(s).dump(), "written.json").scenario;
  CHECK(reloaded.service.health_check_grace_period == sim::Millis{12'345});
  CHECK(reloaded.seed == s.seed);
}
