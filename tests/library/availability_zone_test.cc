// Availability Zones on whole runs (ecs-rules §12.6): tasks spread over the service's zones, and
// an az_lost fault stopping a zone's tasks, which the scheduler replaces in the zones still up.
#include <catch2/catch.hpp>

#include <map>

#include "tests/support/run_helpers.h"

using sim::observe::Outcome;
namespace observe = sim::observe;
using testsupport::library_scenario;
using testsupport::of_kind;
using testsupport::run_traced;

namespace {

constexpr const char* kScenario = "scenarios/examples/steady-state-az-lost.json";

// Tasks launched during the run (the replacements), by zone index.
std::map<int, int> launches_by_zone(const testsupport::TracedRun& run) {
  std::map<int, int> zones;
  for (const auto& l : of_kind<observe::TaskLaunched>(run)) ++zones[l.availability_zone];
  return zones;
}

}  // namespace

TEST_CASE("a lost zone's tasks stop with InfrastructureHealth and are replaced in the other zones") {
  // Given 6 tasks over three zones (2 each), when us-east-1a is lost for 10 min, then its 2 tasks
  // stop with InfrastructureHealth and both replacements go to us-east-1b and us-east-1c.
  auto s = library_scenario(kScenario);
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::steady_state);
  const auto lost = of_kind<observe::AvailabilityZoneLost>(run);
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].availability_zone == 0);
  CHECK(lost[0].tasks.size() == 2);
  CHECK(lost[0].unavailable_until == sim::seconds(900));
  int infrastructure_stops = 0;
  for (const auto& t : of_kind<observe::TaskStopped>(run))
    if (t.code == sim::ecs::StopCode::infrastructure_health) {
      ++infrastructure_stops;
      CHECK(t.stopped_reason.find("us-east-1a") != std::string::npos);
      CHECK_FALSE(t.exit_code.has_value());
    }
  CHECK(infrastructure_stops == 2);
  CHECK(launches_by_zone(run) == std::map<int, int>{{1, 1}, {2, 1}});
  // A lost task did not fail: the launch throttle and the breaker never hear of it.
  CHECK(of_kind<observe::LaunchThrottled>(run).empty());
  CHECK(of_kind<observe::BreakerCounted>(run).empty());
}

TEST_CASE("a zone lost for no time takes the replacements back, having the fewest tasks") {
  // Given the same loss with durationSeconds 0, when the scheduler replaces the 2 tasks, then
  // both go back to us-east-1a, now the zone with the fewest tasks.
  auto s = library_scenario(kScenario);
  s.faults.at(0).duration = sim::seconds(0);
  const auto run = run_traced(s);
  CHECK(launches_by_zone(run) == std::map<int, int>{{0, 2}});
}

TEST_CASE("with every zone lost no task can be placed until one returns") {
  // Given a single zone lost for 2 min, when its tasks are replaced, then placement fails (no
  // zone can take tasks) until the zone is back, and the replacements then go there.
  auto s = library_scenario(kScenario);
  s.service.availability_zones = {"us-east-1a"};
  s.faults.at(0).duration = sim::seconds(120);
  s.stop_at_outcome = false;
  const auto run = run_traced(s);
  CHECK_FALSE(of_kind<observe::PlacementFailed>(run).empty());
  for (const auto& l : of_kind<observe::TaskLaunched>(run)) CHECK(l.at >= sim::seconds(420));
  CHECK(launches_by_zone(run)[0] == 6);
}

TEST_CASE("a scenario without zones places every task in no zone") {
  // Given seed 000 (no availabilityZones), then launches carry no zone, as before issue 15.
  const auto run = run_traced(library_scenario("scenarios/incidents/000-oom-128mb.json"));
  for (const auto& l : of_kind<observe::TaskLaunched>(run)) CHECK(l.availability_zone == -1);
}
