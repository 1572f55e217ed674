// The service controller driven by hand through the fakes (tests/support): the test plays the
// world — it reports task states, health and traffic — and reads what the controller asked of
// the runtime. No scenario file, no simulated world.
#include <catch2/catch.hpp>

#include <string>

#include "sim/ecs/rule_set.h"
#include "sim/ecs/service_controller.h"
#include "tests/support/controller_harness.h"
#include "tests/support/two_revisions.h"

using sim::Millis;
using sim::seconds;
using sim::ecs::DeploymentId;
using sim::ecs::RolloutState;
using sim::ecs::StopCode;
using sim::ecs::TaskId;
using sim::ecs::TaskState;
using sim::ecs::TaskStopInfo;
using sim::model::Scenario;
using testsupport::Harness;

namespace {

// A service of `desired` tasks of web:1 (no load balancer, no health checks), breaker on with
// rollback, about to deploy web:2.
Scenario service_of(int desired) {
  Scenario s = testsupport::two_revisions(desired);
  s.service.deployment.circuit_breaker.enable = true;
  s.service.deployment.circuit_breaker.rollback = true;
  return s;
}

}  // namespace

TEST_CASE("a rolling deploy at 100/200 launches desiredCount new tasks, then retires the old ones") {
  // Given 2 running tasks of web:1, when web:2 is deployed and its tasks run for 40 s (no checks:
  // healthy 40 s after RUNNING), then both old tasks are stopped and the deployment completes.
  Harness h(service_of(2));
  h.start_service();
  h.controller.deploy(1);
  h.settle(Millis{0});
  REQUIRE(h.launched_of(1) == std::vector<TaskId>{2, 3});
  CHECK(h.runtime.launched[0].task_definition == 1);
  CHECK(h.runtime.stops.empty());  // minimumHealthyPercent 100: nothing old goes yet
  for (TaskId id : h.launched_of(1)) h.reach_running(id);
  h.settle(seconds(39));
  CHECK(h.runtime.stops.empty());
  h.settle(seconds(40));
  REQUIRE(h.runtime.stops.size() == 2);
  CHECK(h.runtime.stops[0].code == StopCode::service_scheduler_initiated);
  CHECK(h.runtime.stops[0].reason == "Deployment ecs-svc/1 replaced task of ecs-svc/0");
  CHECK(h.deployment(1).rollout == RolloutState::in_progress);  // old tasks not yet STOPPED
  h.carry_out_stops();
  CHECK(h.deployment(1).rollout == RolloutState::completed);
  CHECK(h.controller.outcome() == sim::observe::Outcome::completed);
  CHECK(h.controller.healthy_tasks() == 2);
}

TEST_CASE("breaker trips on the third task that fails to start when desiredCount is 1, and rolls back") {
  // Given one task and the default threshold (50 % of 1, clamped to 3), when three new tasks in a
  // row fail to start, then the deployment fails and the old revision is PRIMARY again.
  Harness h(service_of(1));
  h.start_service();
  h.controller.deploy(1);
  for (int attempt = 1; attempt <= 3; ++attempt) {
    h.settle_until_launch();
    REQUIRE(h.launched_of(1).size() == static_cast<std::size_t>(attempt));
    CHECK(h.deployment(1).rollout == RolloutState::in_progress);
    h.fail_to_start(h.launched_of(1).back());
  }
  CHECK(h.deployment(1).rollout == RolloutState::failed);
  CHECK(h.deployment(1).failed_tasks == 3);
  CHECK(h.deployment(0).is_rollback);
  CHECK(h.controller.outcome() == sim::observe::Outcome::rolled_back);
  CHECK(h.metrics.failed_tasks == 3);
}

TEST_CASE("a task that cannot be placed is a failed task and the service event says why") {
  // Given a placement the runtime refuses, when web:2 is deployed, then the breaker counts it and
  // the refusal's words are in the service events.
  Harness h(service_of(1));
  h.start_service();
  h.runtime.placements_to_refuse = 1;
  h.controller.deploy(1);
  h.settle(Millis{0});
  CHECK(h.launched_of(1).empty());
  CHECK(h.deployment(1).failed_tasks == 1);
  bool said = false;
  for (const sim::observe::TraceEvent& e : h.trace.events())
    if (const auto* event = e.as<sim::observe::ServiceEvent>())
      said = said || event->message.find("was unable to place a task") != std::string::npos;
  CHECK(said);
}

TEST_CASE("a task that exits after RUNNING before it is ever healthy counts as a failure under the current rules") {
  // Given the current rule set (count_exit_before_healthy), when a new task runs and exits after
  // 5 s, then the breaker has counted one failure and a replacement is launched.
  Harness h(service_of(1));
  h.start_service();
  h.controller.deploy(1);
  h.settle(Millis{0});
  const TaskId first = h.launched_of(1).at(0);
  h.reach_running(first);
  h.settle(seconds(5));
  h.oom_kill(first);
  CHECK(h.deployment(1).failed_tasks == 1);
  h.settle_until_launch();
  CHECK(h.launched_of(1).size() == 2);
}

TEST_CASE("once a task of the deployment reached RUNNING, tasks failing to start no longer count "
          "toward the breaker (stage 1 is over)") {
  // Given desiredCount 2, when the first new task reaches RUNNING and the second then fails to
  // start, then the breaker's count stays 0: stage 2 counts only health-check failures.
  // Source: deployment-circuit-breaker.html ("As soon as the deployment has a task in RUNNING the
  // stage-1 criterion is skipped"); ecs-rules §1.3.
  Harness h(service_of(2));
  h.start_service();
  h.controller.deploy(1);
  h.settle(Millis{0});
  REQUIRE(h.launched_of(1).size() == 2);
  h.reach_running(h.launched_of(1).at(0));
  h.fail_to_start(h.launched_of(1).at(1));
  CHECK(h.deployment(1).breaker.failures() == 0);
  CHECK(h.deployment(1).rollout == RolloutState::in_progress);
}

TEST_CASE("a task that exits after RUNNING before it is ever healthy is no failure under "
          "current+exit-before-healthy-not-counted (API_Deployment failedTasks; ecs-rules §1.5)") {
  // Given the rule-set choice that follows the letter of Deployment.failedTasks, when a new task
  // runs and exits after 5 s, then the breaker counts nothing, and a replacement is still launched.
  Harness h(service_of(1), "current+exit-before-healthy-not-counted");
  h.start_service();
  h.controller.deploy(1);
  h.settle(Millis{0});
  const TaskId first = h.launched_of(1).at(0);
  h.reach_running(first);
  h.settle(seconds(5));
  h.oom_kill(first);
  CHECK(h.deployment(1).failed_tasks == 0);
  h.settle_until_launch();
  CHECK(h.launched_of(1).size() == 2);
}

TEST_CASE("without a load balancer the grace period covers container checks now, and did not "
          "under the pre-2024 rules (ecs-rules §4)") {
  // Given web:2 with a container check, no load balancer and a 60 s grace period, when the new
  // task's container turns UNHEALTHY 10 s after RUNNING, then today ECS waits out the grace (no
  // replacement yet) while under "pre-2024" it replaces the task at once (a second launch).
  // Source: the older CreateService text, "only valid if your service is configured to use a load
  // balancer"; the current one covers container health checks too.
  for (const char* rules : {"current", "pre-2024"}) {
    Scenario s = service_of(1);
    s.service.health_check_grace_period = seconds(60);
    s.task_definitions[1].containers[0].health_check = sim::model::ContainerHealthCheck{};
    Harness h(s, rules);
    h.start_service();
    h.controller.deploy(1);
    h.settle(Millis{0});
    const TaskId first = h.launched_of(1).at(0);
    h.reach_running(first);
    h.settle(seconds(10));
    h.controller.on_container_health(first, 0, sim::ecs::HealthStatus::unhealthy);
    h.settle(seconds(10));
    CHECK(h.launched_of(1).size() == (std::string(rules) == "pre-2024" ? 2u : 1u));
  }
}

TEST_CASE("traffic is routed to each deployment by its healthy tasks") {
  // Given request traffic, when the initial tasks count healthy, then the last route gives
  // deployment 0 a weight of 2.
  Scenario s = service_of(2);
  s.traffic = sim::model::TrafficConfig{100};
  Harness h(s);
  h.start_service();
  REQUIRE_FALSE(h.runtime.routes.empty());
  const std::vector<sim::ecs::TrafficRoute>& last = h.runtime.routes.back();
  REQUIRE(last.size() == 1);
  CHECK(last[0].deployment == 0);
  CHECK(last[0].weight == 2);
}

TEST_CASE("a deployment alarm in ALARM fails the deployment and rolls back") {
  // Given a 5xx alarm watched by the deployment, when the world reports 50 target 5xx in the first
  // minute after web:2 started, then the deployment fails by alarm and rolls back.
  Scenario s = service_of(1);
  s.traffic = sim::model::TrafficConfig{10};
  sim::model::AlarmDefinition alarm;
  alarm.name = "web-5xx";
  alarm.threshold_thousandths = 10'000;  // >= 10 5xx in a minute
  s.alarms.push_back(alarm);
  s.service.deployment.alarms = {{"web-5xx"}, true, true};
  Harness h(s);
  h.start_service();
  h.controller.deploy(1);
  h.settle(Millis{0});
  h.reach_running(h.launched_of(1).at(0));  // alarms are watched once a new task runs
  sim::ecs::TrafficReport report;
  report.revisions = {{0, 300, 0, {}}, {1, 300, 50, {}}};
  report.target_requests = 600;
  report.target_5xx = 50;
  h.settle(seconds(60));
  h.controller.on_traffic_period(report);
  CHECK(h.deployment(1).rollout == RolloutState::failed);
  CHECK(h.deployment(1).rollout_reason == "ECS deployment alarms: alarm web-5xx in ALARM.");
  CHECK(h.deployment(0).is_rollback);
  CHECK(h.metrics.alarms_triggered == std::vector<std::string>{"web-5xx"});
}

TEST_CASE("blue/green scales green up only within maximumPercent while blue's unhealthy tasks linger") {
  // Given 2 blue tasks behind a load balancer that both failed their target checks, each kept
  // beside a blue replacement (4 of maxTasks 4), when BLUE_GREEN deploys, then no green task
  // starts until the lingering blue tasks are gone; then green scales to 2. Source: ecs-rules
  // §3.2 (our reading), §6; the fuzzer found the old launch past maxTasks.
  Scenario s = service_of(2);
  s.service.load_balancer = sim::model::TargetGroupHealthCheck{};
  s.service.deployment.strategy = sim::model::DeploymentStrategy::blue_green;
  s.service.deployment.bake_time = sim::minutes(1);
  Harness h(s);
  h.start_service();
  using sim::ecs::ProbeFailure;
  using sim::ecs::TargetState;
  for (TaskId id : {0u, 1u}) h.controller.on_target_health(id, TargetState::healthy, ProbeFailure::none);
  REQUIRE(h.controller.healthy_tasks() == 2);
  for (TaskId id : {0u, 1u}) {
    h.controller.on_target_health(id, TargetState::unhealthy, ProbeFailure::timeout);
    h.settle(h.clock.now());
  }
  REQUIRE(h.launched_of(0).size() == 2);  // the blue replacements, tasks 2 and 3
  CHECK(h.controller.tasks().lingering() == 2);
  h.controller.deploy(1);
  h.settle(h.clock.now());
  CHECK(h.launched_of(1).empty());  // no room: 2 live + 2 lingering = maxTasks 4
  for (TaskId id : h.launched_of(0)) {
    h.reach_running(id);
    h.controller.on_target_health(id, TargetState::healthy, ProbeFailure::none);
  }
  h.carry_out_stops();  // the lingering blue tasks stop once their replacements are healthy
  h.settle(h.clock.now());
  CHECK(h.launched_of(1).size() == 2);
}
