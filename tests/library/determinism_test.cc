// Same scenario + same seed = byte-identical output; seeds matter where jitter applies.
#include <algorithm>
#include <catch2/catch.hpp>

#include "sim/ecs/task_state.h"

#include "tests/support/run_helpers.h"

using testsupport::library_scenario;
using testsupport::run_traced;

TEST_CASE("the same scenario and seed give a byte-identical event log on every run") {
  // Given every scenario of the library, when each runs twice, then the JSONL logs are identical.
  for (const std::string& file : testsupport::library_files()) {
    INFO(file);
    const auto scenario = library_scenario(file);
    const auto first = run_traced(scenario);
    const auto second = run_traced(scenario);
    REQUIRE(!first.event_log.empty());
    CHECK(first.event_log == second.event_log);
  }
}

TEST_CASE("different seeds give different timings where jitter applies") {
  // Given the default scenario (start-up and platform jitter 0.8-1.2), when run with seeds 1 and
  // 2, then the event logs differ but the outcome does not.
  auto scenario = library_scenario("scenarios/examples/default.json");
  scenario.seed = 1;
  const auto a = run_traced(scenario);
  scenario.seed = 2;
  const auto b = run_traced(scenario);
  CHECK(a.event_log != b.event_log);
  CHECK(a.result.outcome == b.result.outcome);
}

TEST_CASE("a pinned seed replays to pinned times") {
  // Given the default scenario with its own seed, when run, then the first task reaches PENDING
  // at the instant drawn from its stream. Guards the portability of the random streams: a change
  // of generator or distribution code shows here first.
  const auto run = run_traced(library_scenario("scenarios/examples/default.json"));
  const auto states = testsupport::of_kind<sim::observe::TaskStateChanged>(run);
  const auto pending = std::find_if(states.begin(), states.end(),
                                    [](const auto& e) { return e.state == sim::ecs::TaskState::pending; });
  REQUIRE(pending != states.end());
  CHECK(pending->at == sim::Millis{1718});
}
