// harness/check/safety.h on hand-written traces: each property fires on the event that breaks it.
#include <catch2/catch.hpp>

#include "harness/check/safety.h"
#include "sim/ecs/deployment.h"
#include "sim/ecs/task_state.h"

using sim::observe::TraceEvent;
namespace observe = sim::observe;

namespace {

sim::model::Scenario service(int desired, int min_percent, int max_percent, bool rollback = true) {
  sim::model::Scenario s;
  s.service.desired_count = desired;
  s.service.deployment.minimum_healthy_percent = min_percent;
  s.service.deployment.maximum_percent = max_percent;
  s.service.deployment.circuit_breaker.enable = true;
  s.service.deployment.circuit_breaker.rollback = rollback;
  return s;
}

TraceEvent at(int seconds, observe::TracePayload payload) { return {sim::seconds(seconds), std::move(payload)}; }

TraceEvent launched(int seconds, std::uint32_t task, std::uint32_t deployment) {
  return at(seconds, observe::TaskLaunched{task, deployment, 0});
}
TraceEvent counted(int seconds, std::uint32_t task, bool healthy) {
  return at(seconds, observe::TaskCountedHealthy{task, 0, healthy});
}
TraceEvent stop(int seconds, std::uint32_t task, sim::ecs::StopCause cause, bool kept_until_replaced = false) {
  return at(seconds,
            observe::StopRequested{.task = task, .cause = cause, .kept_until_replaced = kept_until_replaced, .reason = {}});
}
TraceEvent deployment_state(int seconds, std::uint32_t deployment, sim::ecs::RolloutState state, bool rollback = false) {
  return at(seconds,
            observe::DeploymentStateChanged{.deployment = deployment, .state = state, .rollback = rollback, .reason = {}});
}

constexpr auto kReplaced = sim::ecs::StopCause::deployment_replaced;
constexpr auto kElb = sim::ecs::StopCause::elb_health_check_failed;

}  // namespace

TEST_CASE("safety sees a launch above floor(N x maximumPercent / 100)") {
  // Given 3 tasks at 150% (maxTasks 4), when a fifth task launches, then that launch is reported.
  std::vector<TraceEvent> t;
  for (std::uint32_t i = 0; i < 5; ++i) t.push_back(launched(static_cast<int>(i), i, i < 3 ? 0 : 1));
  CHECK(harness::check::safety_violations(service(3, 100, 150), t) ==
        std::vector<std::string>{"at 00:00:04.000: 5 tasks running, above maxTasks 4 (maximumPercent 150)"});
  // A task kept until its replacement is healthy still counts; one told to stop does not.
  t.insert(t.begin() + 3, stop(3, 0, kElb, true));
  CHECK(harness::check::safety_violations(service(3, 100, 150), t).size() == 1);
  t.insert(t.begin() + 3, stop(3, 1, kReplaced));
  CHECK(harness::check::safety_violations(service(3, 100, 150), t).empty());
}

TEST_CASE("safety sees a deliberate stop of a healthy task below the healthy floor, not a stop of one that failed") {
  // Given 2 healthy tasks and minimumHealthyPercent 100, when the rolling update stops one of them
  // for no health reason, then it is reported; when its target turned unhealthy first, it is not.
  const std::vector<TraceEvent> healthy = {launched(0, 0, 0), launched(0, 1, 0), counted(0, 0, true),
                                           counted(0, 1, true)};
  auto deliberate = healthy;
  deliberate.push_back(counted(5, 0, false));
  deliberate.push_back(stop(5, 0, kReplaced));
  CHECK(harness::check::safety_violations(service(2, 100, 200), deliberate) ==
        std::vector<std::string>{"at 00:00:05.000: stopping healthy task 0 left 1 healthy, below minHealthyTasks 2"});
  auto failed_first = healthy;
  failed_first.push_back(at(5, observe::TargetHealthChanged{0, 0, sim::ecs::TargetState::unhealthy, {}}));
  failed_first.push_back(counted(5, 0, false));
  failed_first.push_back(stop(5, 0, kReplaced));
  CHECK(harness::check::safety_violations(service(2, 100, 200), failed_first).empty());
}

TEST_CASE("safety sees a rollback to a deployment that is not the last COMPLETED one") {
  // Given deployment 1 COMPLETED after 0, when deployment 2 fails and the service rolls back to 0,
  // then the rollback is reported.
  using sim::ecs::RolloutState;
  const std::vector<TraceEvent> t = {deployment_state(10, 1, RolloutState::completed),
                                     deployment_state(20, 2, RolloutState::failed),
                                     deployment_state(20, 0, RolloutState::in_progress, true)};
  CHECK(harness::check::safety_violations(service(1, 100, 200), t) ==
        std::vector<std::string>{"at 00:00:20.000: rolled back to deployment 0, not to the last COMPLETED one (1)"});
}

TEST_CASE("safety sees a FAILED deployment launching and a state change after FAILED without rollback") {
  // Given rollback off, when deployment 1 fails and then launches a task and changes state, then
  // both are reported.
  using sim::ecs::RolloutState;
  const std::vector<TraceEvent> t = {deployment_state(20, 1, RolloutState::failed), launched(30, 7, 1),
                                     deployment_state(40, 0, RolloutState::in_progress, true)};
  const auto v = harness::check::safety_violations(service(1, 100, 200, false), t);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "at 00:00:30.000: deployment 1 launched a task after it FAILED");
  CHECK(v[1] == "at 00:00:40.000: a deployment changed state after FAILED without rollback");
}
