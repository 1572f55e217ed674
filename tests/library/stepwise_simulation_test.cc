// The stepwise Simulation (start, advance_to, apply, add_task_definition) that deploysim serve
// drives: the same UpdateService calls at the same simulated times give the same run as the
// scenario's timeline played by run(), event for event.
#include <catch2/catch.hpp>

#include <memory>

#include "sim/ecs/service_controller.h"
#include "sim/simulation.h"
#include "tests/support/run_helpers.h"

namespace {

bool same_events(const sim::observe::Trace& a, const sim::observe::Trace& b) {
  if (a.events().size() != b.events().size()) return false;
  for (std::size_t i = 0; i < a.events().size(); ++i)
    if (a.events()[i].at != b.events()[i].at || !(a.events()[i].payload == b.events()[i].payload)) return false;
  return true;
}

}  // namespace

TEST_CASE("UpdateService calls applied step by step replay the scenario's timeline event for event") {
  // Given the library's fix-during-rollback timeline (web:27 at 0, web:28 at 150 s), when a
  // stepwise simulation of the same service registers web:28 only at 150 s and applies the same
  // calls then, then both traces are identical up to the outcome.
  const sim::model::Scenario batch_scenario =
      testsupport::library_scenario("scenarios/examples/timeline-fix-during-rollback.json");
  sim::Simulation batch(batch_scenario);
  const sim::observe::RunResult batch_result = batch.run();
  REQUIRE(batch_result.outcome == sim::observe::Outcome::completed);

  auto owned = std::make_unique<sim::model::Scenario>(batch_scenario);
  const sim::model::TaskDefinition fix = owned->task_definitions.back();
  owned->task_definitions.pop_back();  // registered later, as RegisterTaskDefinition would
  owned->timeline.clear();
  sim::Simulation stepwise(std::move(owned));
  stepwise.start();
  REQUIRE(batch_scenario.timeline.size() == 1);
  // run() plays a call at T after the events already due at T; so does a server applying a call
  // between two advance_to(T).
  REQUIRE(stepwise.advance_to(sim::Millis{0}));
  stepwise.apply(batch_scenario.timeline[0]);
  REQUIRE(stepwise.advance_to(sim::seconds(150) - sim::Millis{1}));
  const int registered = stepwise.add_task_definition(fix);
  CHECK(registered == batch_scenario.deploy.to_task_definition);
  sim::model::ServiceUpdate second;
  second.task_definition = registered;
  second.origin = "deploy";
  REQUIRE(stepwise.advance_to(sim::seconds(150)));
  stepwise.apply(second);
  REQUIRE(stepwise.advance_to(batch_result.ended_at));
  CHECK(stepwise.result().outcome == sim::observe::Outcome::completed);
  CHECK(stepwise.controller().deployments().size() == 3);
  CHECK(same_events(batch.trace(), stepwise.trace()));
}

TEST_CASE("advance_to never moves the clock back and a stepwise run keeps its state between calls") {
  auto owned = std::make_unique<sim::model::Scenario>(
      testsupport::library_scenario("scenarios/incidents/000-oom-128mb.json"));
  sim::Simulation s(std::move(owned));
  s.start();
  REQUIRE(s.advance_to(sim::seconds(60)));
  CHECK(s.now() == sim::seconds(60));
  CHECK(s.controller().deployments().size() == 1);  // stepwise: the scenario's deploy is not played
  REQUIRE(s.advance_to(sim::seconds(30)));
  CHECK(s.now() == sim::seconds(60));
  sim::model::ServiceUpdate scale;
  scale.desired_count = 3;
  scale.origin = "UpdateService";
  s.apply(scale);
  REQUIRE(s.advance_to(sim::minutes(5)));
  CHECK(s.controller().service().desired_count == 3);
  CHECK(s.controller().live_tasks() == 3);
  CHECK_FALSE(s.result().outcome == sim::observe::Outcome::failed);
}
