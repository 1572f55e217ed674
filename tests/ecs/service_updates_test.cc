// UpdateService calls over time through the fakes (ecs-rules §12): several deployments, a deploy
// during a rollback, desiredCount changes during a rolling deployment.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/support/controller_harness.h"
#include "tests/support/two_revisions.h"

using sim::Millis;
using sim::seconds;
using sim::ecs::DeploymentStatus;
using sim::ecs::RolloutState;
using sim::ecs::TaskId;
using sim::model::Scenario;
using sim::model::ServiceUpdate;
using testsupport::Harness;

namespace {

// web:1 runs `desired` tasks; web:2 and web:3 can be deployed. Breaker on with rollback.
Scenario three_revisions(int desired) {
  Scenario s = testsupport::two_revisions(desired);
  sim::model::TaskDefinition third = s.task_definitions[1];
  third.revision = 3;
  third.containers[0].image = "app:3";
  s.task_definitions.push_back(third);
  s.apps["app:3"] = sim::model::AppProfile{};
  s.service.deployment.circuit_breaker.enable = true;
  s.service.deployment.circuit_breaker.rollback = true;
  return s;
}

ServiceUpdate deploy_to(int task_definition) {
  ServiceUpdate u;
  u.task_definition = task_definition;
  u.origin = "test";
  return u;
}

ServiceUpdate desired(int count) {
  ServiceUpdate u;
  u.desired_count = count;
  u.origin = "test";
  return u;
}

void fail_three_starts(Harness& h, sim::ecs::DeploymentId d) {
  for (int attempt = 1; attempt <= 3; ++attempt) {
    h.settle_until_launch();
    REQUIRE_FALSE(h.launched_of(d).empty());
    h.fail_to_start(h.launched_of(d).back());
  }
}

int launched_of_task_definition(const Harness& h, int td) {
  return static_cast<int>(std::count_if(h.runtime.launched.begin(), h.runtime.launched.end(),
                                        [&](const auto& r) { return r.task_definition == td; }));
}

}  // namespace

TEST_CASE("a deployment started while another is IN_PROGRESS becomes PRIMARY and both older ones are drained") {
  // API_Deployment: the newest is PRIMARY, older ones with tasks ACTIVE; ECS replaces the tasks of
  // every source revision (ecs-rules §12.2).
  Harness h(three_revisions(2));
  h.start_service();
  h.controller.apply(deploy_to(1));
  h.settle(Millis{0});
  REQUIRE(h.launched_of(1).size() == 2);  // web:2 starting, not yet healthy
  h.settle(seconds(10));
  h.controller.apply(deploy_to(2));
  h.settle(seconds(10));
  CHECK(h.deployment(2).status == DeploymentStatus::primary);
  CHECK(h.deployment(1).status == DeploymentStatus::active);
  CHECK(h.deployment(0).status == DeploymentStatus::active);
  // web:2's tasks are not healthy yet: they go at once, without costing healthy capacity.
  for (const TaskId id : h.launched_of(1))
    CHECK(std::any_of(h.runtime.stops.begin(), h.runtime.stops.end(), [&](const auto& s) { return s.task == id; }));
  REQUIRE(h.launched_of(2).size() == 2);
  h.carry_out_stops();
  for (const TaskId id : h.launched_of(2)) h.reach_running(id);
  h.settle(seconds(60));
  h.carry_out_stops();
  CHECK(h.deployment(2).rollout == RolloutState::completed);
  CHECK(h.deployment(0).status == DeploymentStatus::inactive);
  CHECK(h.deployment(1).status == DeploymentStatus::inactive);
  CHECK(h.controller.outcome() == sim::observe::Outcome::completed);
}

TEST_CASE("an older deployment's failing tasks cannot trip the newer PRIMARY's breaker") {
  // The breaker monitors the PRIMARY deployment (deployment-circuit-breaker.html; ecs-rules §12.2).
  Harness h(three_revisions(1));
  h.start_service();
  h.controller.apply(deploy_to(1));
  h.settle(Millis{0});
  const TaskId starting = h.launched_of(1).at(0);
  h.controller.apply(deploy_to(2));
  h.settle(Millis{0});
  h.fail_to_start(starting);
  CHECK(h.deployment(2).failed_tasks == 0);
  CHECK(h.deployment(2).breaker.failures() == 0);
  CHECK(h.deployment(1).rollout == RolloutState::in_progress);  // not FAILED: nobody watches it
  CHECK_FALSE(h.controller.outcome().has_value());
}

TEST_CASE("a deployment started during a rollback has no COMPLETED deployment: its breaker stalls the service") {
  // deployment-circuit-breaker.html (the D1/D2/D3 example): the rollback target is IN_PROGRESS, so
  // a failing D3 "launches no new tasks" (ecs-rules §12.3).
  // minimumHealthyPercent 0, as in seed 000: the old task goes at once, so the rollback must
  // launch web:1 again and stays IN_PROGRESS until it runs.
  Scenario s = three_revisions(1);
  s.service.deployment.minimum_healthy_percent = 0;
  Harness h(s);
  h.start_service();
  h.controller.apply(deploy_to(1));
  fail_three_starts(h, 1);
  REQUIRE(h.deployment(0).is_rollback);
  REQUIRE(h.deployment(0).rollout == RolloutState::in_progress);
  h.controller.apply(deploy_to(2));
  CHECK(h.deployment(0).status == DeploymentStatus::active);
  fail_three_starts(h, 2);
  CHECK(h.deployment(2).rollout == RolloutState::failed);
  CHECK(h.controller.outcome() == sim::observe::Outcome::failed);
  const std::size_t launched = h.runtime.launched.size();
  h.settle(sim::minutes(30));
  CHECK(h.runtime.launched.size() == launched);  // stalled: nothing more is launched
  bool said = false;
  for (const sim::observe::TraceEvent& e : h.trace.events())
    if (const auto* event = e.as<sim::observe::ServiceEvent>())
      said = said || event->message.find("COMPLETED") != std::string::npos;
  CHECK(said);
}

TEST_CASE("a desiredCount change alone starts no deployment and the service scales to it") {
  // API_UpdateService: desiredCount does not trigger a deployment (ecs-rules §12.1).
  Harness h(three_revisions(2));
  h.start_service();
  h.controller.apply(desired(4));
  h.settle(Millis{0});
  CHECK(h.controller.deployments().size() == 1);
  CHECK(launched_of_task_definition(h, 0) == 2);  // the 2 added, web:1 (the initial 2 start warm)
  CHECK(h.controller.threshold_in_force() == 3);  // max(3, ceil(0.5 x 4))
  h.controller.apply(desired(1));
  h.settle(Millis{0});
  CHECK(h.runtime.stops.size() == 3);  // the 2 starting ones first, then one running
}

TEST_CASE("a scale-out during a rolling deployment is shared with the old revision since Nov 2025") {
  // whats-new 2025-11 (amazon-ecs-service-availability-rolling-deployments): scale-out applies to
  // both revisions; pre-2025-11 every added task is the new revision's (ecs-rules §12.4).
  for (const char* rules : {"current", "pre-2025-11"}) {
    Harness h(three_revisions(2), rules);
    h.start_service();
    h.controller.apply(deploy_to(1));
    h.settle(Millis{0});
    REQUIRE(h.launched_of(1).size() == 2);
    const int old_before = launched_of_task_definition(h, 0);
    h.controller.apply(desired(4));
    h.settle(Millis{0});
    // 2 old and 2 new live tasks: the old revision's share of the 2 added is 1.
    const int old_added = launched_of_task_definition(h, 0) - old_before;
    CHECK(old_added == (std::string(rules) == "current" ? 1 : 0));
    CHECK(h.launched_of(1).size() == 4);  // the new revision heads for the new desiredCount either way
  }
}
