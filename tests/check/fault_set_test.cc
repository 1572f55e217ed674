// harness/check/fault_set.h: faults change the deployed revision only, and do what they say.
#include <catch2/catch.hpp>

#include "harness/check/fault_set.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

using harness::check::apply_faults;
using harness::check::FaultSet;
using sim::model::BreakingFault;
using sim::observe::Outcome;

namespace {

sim::model::Scenario weak_example() {
  return harness::scenario::load_scenario_file(DEPLOYSIM_SOURCE_DIR "/scenarios/examples/grace-covers-slow-start.json")
      .scenario;
}

Outcome outcome_with(BreakingFault fault) {
  FaultSet f;
  f.breaking = fault;
  return sim::Simulation(apply_faults(weak_example(), f), {.trace = false}).run().outcome;
}

}  // namespace

TEST_CASE("a forced redeploy of the running revision gets its own copy, so old tasks never see a fault") {
  // Given a scenario deploying the task definition that already runs (same image), when a slow
  // start is applied, then a new revision with a new image carries it and the old app is unchanged.
  auto s = weak_example();
  s.deploy.to_task_definition = s.initial_task_definition;
  FaultSet f;
  f.slow_start = sim::seconds(30);
  const auto faulty = apply_faults(s, f);
  REQUIRE(faulty.task_definitions.size() == s.task_definitions.size() + 1);
  const auto& deployed = faulty.task_definitions.at(static_cast<std::size_t>(faulty.deploy.to_task_definition));
  CHECK(deployed.revision == 9);  // checkout:7 and :8 exist
  CHECK(deployed.containers[0].image == "checkout:1.7-faulty");
  CHECK(faulty.apps.at("checkout:1.7").phases.size() == s.apps.at("checkout:1.7").phases.size());
  CHECK(faulty.apps.at("checkout:1.7-faulty").phases.back().name == "slow start (injected)");
}

TEST_CASE("every breaking fault that applies makes the example's deploy roll back") {
  // Given the fixed twin (load balancer, no container check), when each applicable breaking fault is
  // applied, then the deploy rolls back; without faults it completes.
  const auto applicable = harness::check::applicable_breaking_faults(weak_example());
  CHECK(std::count(applicable.begin(), applicable.end(), BreakingFault::bind_localhost) == 1);
  CHECK(std::count(applicable.begin(), applicable.end(), BreakingFault::missing_probe_binary) == 0);
  for (BreakingFault fault : applicable) {
    INFO(harness::check::to_string(fault));
    CHECK(outcome_with(fault) == Outcome::rolled_back);
  }
  CHECK(sim::Simulation(weak_example(), {.trace = false}).run().outcome == Outcome::completed);
}

TEST_CASE("a fault set is told in one line") {
  // Given a slow start, a blip and a crash loop, then the line names each with its numbers.
  FaultSet f;
  f.slow_start = sim::seconds(9);
  f.blip = harness::check::Blip{"redis", sim::seconds(12), sim::Millis{25'363}};
  f.breaking = BreakingFault::crash_loop;
  f.crash_after = sim::seconds(5);
  CHECK(harness::check::describe(f) ==
        "start-up 9 s slower, redis down for 25.363 s from 12 s after the deploy, breaking fault crash_loop "
        "(exits 5 s after listening)");
  CHECK(harness::check::describe(FaultSet{}) == "no faults");
}

namespace {

sim::model::Scenario timeline_example() {
  return harness::scenario::load_scenario_file(DEPLOYSIM_SOURCE_DIR
                                               "/scenarios/examples/timeline-fix-during-rollback.json")
      .scenario;
}

}  // namespace

TEST_CASE("timeline shifts move the calls before the deploy, kept between 0 and the deploy") {
  // Given the fix-during-rollback timeline (a bad deploy at 0 s, the fix, under test, at 150 s),
  // when the bad deploy moves 100 s later, then it starts at 100 s; moved 400 s later it stops at
  // the deploy's 150 s; moved earlier it stays at 0. The deploy under test does not move.
  const sim::model::Scenario base = timeline_example();
  REQUIRE(base.timeline.size() == 1);
  REQUIRE(base.deploy.at == sim::seconds(150));
  FaultSet f;
  f.timeline_shifts = {sim::seconds(100)};
  CHECK(apply_faults(base, f).timeline[0].at == sim::seconds(100));
  f.timeline_shifts = {sim::seconds(400)};
  CHECK(apply_faults(base, f).timeline[0].at == sim::seconds(150));
  f.timeline_shifts = {sim::seconds(-30)};
  CHECK(apply_faults(base, f).timeline[0].at == sim::seconds(0));
  CHECK(apply_faults(base, f).deploy.at == sim::seconds(150));
  CHECK(harness::check::describe(f) == "timeline[0] 30 s earlier");
}

TEST_CASE("a desiredCount change applies only to calls that set desiredCount, never below 0") {
  // Given a timeline call setting desiredCount 4 and one that only deploys, when both change by -6,
  // then the first sets 0 and the second still sets none.
  sim::model::Scenario base = timeline_example();
  sim::model::ServiceUpdate scale;
  scale.at = sim::seconds(60);
  scale.desired_count = 4;
  base.timeline.push_back(scale);
  FaultSet f;
  f.desired_count_changes = {-6, -6};
  const sim::model::Scenario s = apply_faults(base, f);
  CHECK_FALSE(s.timeline[0].desired_count.has_value());
  CHECK(s.timeline[1].desired_count == 0);
  CHECK(harness::check::describe(f) == "timeline[0] desiredCount -6, timeline[1] desiredCount -6");
}
