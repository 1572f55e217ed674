// Service-controller rules on whole runs, each varying one setting of a library scenario.
#include <catch2/catch.hpp>

#include <set>

#include "tests/support/run_helpers.h"

using sim::observe::Outcome;
namespace observe = sim::observe;
using testsupport::library_scenario;
using testsupport::of_kind;
using testsupport::run_traced;

namespace {

bool has_service_event(const testsupport::TracedRun& run, const std::string& fragment) {
  for (const auto& e : of_kind<observe::ServiceEvent>(run))
    if (e.message.find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("rollback=false ends FAILED at the trip and launches nothing more") {
  // Given seed 000 with the breaker on but rollback off, when the third task fails, then the
  // deployment is FAILED and no further task is launched. Source: ecs-rules §1.4.
  auto s = library_scenario("scenarios/incidents/000-oom-128mb.json");
  s.service.deployment.circuit_breaker.rollback = false;
  s.stop_at_outcome = false;
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::failed);
  const auto trip = *run.result.metrics.time_to_rollback_start;
  for (const auto& e : of_kind<observe::TaskLaunched>(run)) CHECK(e.at <= trip);
}

TEST_CASE("the pre-2024 rule set needs ten failures for desiredCount 1") {
  // Given seed 000 replayed under "pre-2024" rules, when it deploys, then the breaker trips on the
  // tenth failed task (archived guide: N=1 -> 10). Source: ecs-rules §1.1 history.
  auto s = library_scenario("scenarios/incidents/000-oom-128mb.json");
  s.rule_set = "pre-2024";
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(run.result.metrics.failed_tasks == 10);
  CHECK(run.result.metrics.breaker_threshold == 10);
}

TEST_CASE("a COUNT threshold of 1 trips on the first failure") {
  // Given thresholdConfiguration COUNT 1, when the first task fails, then the breaker trips.
  // Source: ecs-rules §1.2 (API_ThresholdConfiguration).
  auto s = library_scenario("scenarios/incidents/000-oom-128mb.json");
  s.service.deployment.circuit_breaker.threshold_type = sim::model::ThresholdType::count;
  s.service.deployment.circuit_breaker.threshold_value = 1;
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(run.result.metrics.failed_tasks == 1);
}

TEST_CASE("an unreadable secret fails tasks before RUNNING, throttles launches and trips stage 1") {
  // Given a secret ECS cannot fetch, when tasks start, then each stops with TaskFailedToStart
  // (ResourceInitializationError), launches are spaced by the throttle, and the breaker trips
  // with "tasks failed to start". Source: ecs-rules §1.3 stage 1, §8, §9 throttle.
  auto s = library_scenario("scenarios/incidents/000-oom-128mb.json");
  s.unreadable_secrets = {"OPENAI_API_KEY"};
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(of_kind<observe::LaunchThrottled>(run).size() == 3);
  int failed_to_start = 0;
  for (const auto& e : of_kind<observe::TaskStopped>(run))
    if (e.stopped_reason.rfind("ResourceInitializationError", 0) == 0) ++failed_to_start;
  CHECK(failed_to_start == 3);
  CHECK(has_service_event(run, "deployment failed: tasks failed to start."));
  CHECK(has_service_event(run, "is unable to consistently start tasks successfully."));
}

TEST_CASE("minimumHealthyPercent 100 with maximumPercent 100 and one task deadlocks with ECS's event") {
  // Given N=1, min 100 / max 100, when it deploys, then nothing can start or stop: the service
  // event says so and the run is STUCK. Source: ecs-rules §3.1 derived table.
  auto s = library_scenario("scenarios/incidents/000-fixed-512mb.json");
  s.service.deployment.minimum_healthy_percent = 100;
  s.service.deployment.maximum_percent = 100;
  s.horizon = sim::minutes(10);
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::stuck);
  CHECK(has_service_event(run, "was unable to stop or start tasks during a deployment"));
  CHECK(of_kind<observe::TaskLaunched>(run).empty());
}

TEST_CASE("minimumHealthyPercent 0 leaves no healthy task while the only one is replaced") {
  // Given seed 000's min 0 with one task, when the fixed revision deploys, then the old task is
  // stopped at once and the service has no healthy task until the new one counts (40 s after
  // RUNNING without checks). Source: ecs-rules §3.1.
  const auto run = run_traced(library_scenario("scenarios/incidents/000-fixed-512mb.json"));
  CHECK(run.result.outcome == Outcome::completed);
  CHECK(run.result.metrics.zero_healthy > sim::seconds(40));
}

TEST_CASE("with room under maximumPercent an unhealthy task keeps running until its replacement starts") {
  // Given the default scenario with minimumHealthyPercent 50 (one old task may go, leaving room),
  // when a new task fails its ELB checks, then ECS starts the replacement first and keeps the
  // unhealthy task; it is stopped when the breaker trips, and running tasks never exceed
  // maxTasks. Source: ecs-rules §3.1 and §6 (Oct 2023 start-before-stop replacement).
  auto s = library_scenario("scenarios/examples/default.json");
  s.service.deployment.minimum_healthy_percent = 50;
  // 60 s of grace: the relaunched old revision (15 s start-up, two failed ELB probes before it
  // listens, then 2 passes to recover) needs more than the scenario's 30 s to count healthy.
  s.service.health_check_grace_period = sim::seconds(60);
  const auto run = run_traced(s);
  CHECK(run.result.outcome == Outcome::rolled_back);
  std::vector<std::uint32_t> deferred;
  for (const auto& e : of_kind<observe::StopRequested>(run))
    if (e.kept_until_replaced) deferred.push_back(e.task);
  REQUIRE(!deferred.empty());
  // Each deferred task is stopped later, for its failed health checks.
  for (const std::uint32_t task : deferred) {
    bool stopped_later = false;
    for (const auto& e : of_kind<observe::StopRequested>(run))
      if (e.task == task && !e.kept_until_replaced && e.cause == sim::ecs::StopCause::elb_health_check_failed)
        stopped_later = true;
    CHECK(stopped_later);
  }
}

namespace {

// The task definition of the first task launched at or after `from`.
int first_launch_after(const testsupport::TracedRun& run, sim::Millis from) {
  for (const auto& e : of_kind<observe::TaskLaunched>(run))
    if (e.at >= from) return e.task_definition;
  return -1;
}

}  // namespace

TEST_CASE("since Nov 2025 an old revision's lost task is replaced from its own revision") {
  // Given seed 001 at scale 1 (api:58 never gets ready) and the only api:57 task killed at 90 s,
  // when the scheduler replaces it, then the replacement is an api:57 task and the service is
  // without a healthy task only while it starts; under "pre-2025-11" the gap is filled with an
  // unready api:58 task and the outage lasts until the rollback.
  // Source: ecs-rules §3.1 and §9 (whats-new 2025/11 "replaces unhealthy or terminated tasks using
  // the same service revision they belong to").
  auto s = library_scenario("scenarios/incidents/001-scale-1-task-lost-mid-deploy.json");
  const auto kill = sim::seconds(90);
  const auto now = run_traced(s);
  CHECK(first_launch_after(now, kill) == s.initial_task_definition);
  CHECK(now.result.metrics.zero_healthy < sim::seconds(60));
  CHECK(now.result.outcome == Outcome::rolled_back);

  s.rule_set = "pre-2025-11";
  const auto before = run_traced(s);
  CHECK(first_launch_after(before, kill) == s.deploy.to_task_definition);
  CHECK(before.result.metrics.zero_healthy > sim::seconds(120));
  CHECK(before.result.outcome == Outcome::rolled_back);
}

namespace {

// The most tasks stopped for failed ELB checks at once: from the stop request to STOPPED.
int most_health_stops_in_flight(const testsupport::TracedRun& run) {
  std::vector<std::pair<sim::Millis, int>> steps;  // (time, +1 at the request, -1 at STOPPED)
  std::set<sim::ecs::TaskId> stopped_for_health;
  for (const auto& e : run.events) {
    if (const auto* r = e.as<observe::StopRequested>();
        r && r->cause == sim::ecs::StopCause::elb_health_check_failed && !r->kept_until_replaced) {
      stopped_for_health.insert(r->task);
      steps.push_back({e.at, 1});
    }
    if (const auto* t = e.as<observe::TaskStopped>(); t && stopped_for_health.count(t->task)) steps.push_back({e.at, -1});
  }
  int now = 0, most = 0;
  for (const auto& [at, delta] : steps) most = std::max(most, now += delta);
  return most;
}

}  // namespace

TEST_CASE("with no room under maximumPercent, unhealthy tasks are stopped one at a time") {
  // Given 4 tasks at 100/100 behind a deep check and a 20 s Redis blip, when every target turns
  // unhealthy, then ECS stops one task to free room and replaces it; the other three recover
  // before their turn and stay. Source: ecs-rules §6 (ecs_services.html, "one at a time").
  const auto run = run_traced(library_scenario("scenarios/examples/steady-state-redis-blip-deep-check-max-100.json"));
  CHECK(run.result.outcome == Outcome::steady_state);
  CHECK(run.result.metrics.tasks_launched == 1);
  CHECK(most_health_stops_in_flight(run) == 1);
}

TEST_CASE("with no room, minimumHealthyPercent 50 lets two of four unhealthy tasks stop at once") {
  // Given the same blip at 50/100 (minHealthyTasks 2), when all 4 targets fail, then two stop at
  // once and the other two wait until replacements are RUNNING: the tasks RUNNING stay at 2 or
  // more. Source: ecs-rules §6.
  auto s = library_scenario("scenarios/examples/steady-state-redis-blip-deep-check-max-100.json");
  s.service.deployment.minimum_healthy_percent = 50;
  const auto run = run_traced(s);
  sim::Millis first_replacement_running = sim::kNever;
  for (const auto& e : of_kind<observe::TaskStateChanged>(run))
    if (e.task >= 4 && e.state == sim::ecs::TaskState::running) first_replacement_running = std::min(first_replacement_running, e.at);
  int stopped_before = 0;
  for (const auto& e : of_kind<observe::StopRequested>(run))
    if (e.cause == sim::ecs::StopCause::elb_health_check_failed && !e.kept_until_replaced && e.at < first_replacement_running)
      ++stopped_before;
  CHECK(stopped_before == 2);
}
