// ALB fail-open (ecs-rules §6; elasticloadbalancing/latest/application/target-group-health-checks.html:
// "If a target group contains only unhealthy registered targets, the load balancer routes requests
// to all those targets"). The test plays the world through the fakes and reads the routes the
// controller gives the load balancer.
#include <catch2/catch.hpp>

#include "sim/ecs/rule_set.h"
#include "sim/ecs/service_controller.h"
#include "tests/support/fake_runtime.h"
#include "tests/support/manual_clock.h"
#include "tests/support/two_revisions.h"

using sim::ecs::ProbeFailure;
using sim::ecs::TargetState;
using sim::ecs::TaskState;
using sim::ecs::TrafficRoute;

namespace {

struct LoadBalancedService {
  explicit LoadBalancedService(int desired) : scenario(service(desired)) {
    for (const sim::ecs::LaunchRequest& r : controller.install_initial_deployment(0)) {
      controller.on_task_state(r.task, TaskState::pending, nullptr);
      controller.on_task_state(r.task, TaskState::running, nullptr);
      controller.on_target_health(r.task, TargetState::initial, ProbeFailure::none);
      controller.on_target_health(r.task, TargetState::healthy, ProbeFailure::none);
    }
  }
  static sim::model::Scenario service(int desired) {
    sim::model::Scenario s = testsupport::two_revisions(desired);
    s.service.load_balancer = sim::model::TargetGroupHealthCheck{};
    s.traffic = sim::model::TrafficConfig{100};
    return s;
  }
  const TrafficRoute& route() const { return runtime.routes.back().front(); }

  sim::model::Scenario scenario;
  testsupport::ManualClock clock;
  testsupport::FakeRuntime runtime;
  sim::observe::Trace trace{false};
  sim::observe::Metrics metrics;
  sim::ecs::ServiceController controller{scenario, *sim::ecs::find_rule_set("current"), clock, runtime, trace,
                                         metrics};
};

}  // namespace

TEST_CASE("with every target unhealthy the load balancer routes to all of them (fail-open)") {
  // Given 2 healthy targets, when both fail a check with an answer (a 503 from a deep check),
  // then the route weighs both registered targets and every request reaches an app.
  LoadBalancedService s(2);
  CHECK(s.route().weight == 2);
  CHECK_FALSE(s.route().failing_open);
  s.controller.on_target_health(0, TargetState::unhealthy, ProbeFailure::response_code);
  CHECK(s.route().weight == 1);  // one healthy target left: it takes everything
  s.controller.on_target_health(1, TargetState::unhealthy, ProbeFailure::response_code);
  CHECK(s.route().weight == 2);
  CHECK(s.route().failing_open);
  CHECK(s.route().unreachable_basis_points == 0);
}

TEST_CASE("failing open, a target nothing answers on gives the load balancer's own 5xx") {
  // Given 2 targets failing open, when one's last check found nothing listening, then half the
  // requests (5000 basis points) reach no app; when it drains, the other takes them all.
  LoadBalancedService s(2);
  s.controller.on_target_health(0, TargetState::unhealthy, ProbeFailure::connection_refused);
  s.controller.on_target_health(1, TargetState::unhealthy, ProbeFailure::response_code);
  CHECK(s.route().failing_open);
  CHECK(s.route().unreachable_basis_points == 5000);
  s.controller.on_target_health(0, TargetState::draining, ProbeFailure::none);
  CHECK(s.route().weight == 1);
  CHECK(s.route().unreachable_basis_points == 0);
}

TEST_CASE("a healthy replacement ends the fail-open") {
  // Given every target unhealthy (the scheduler starts replacements beside them), when one
  // replacement's target turns healthy, then only it is routed to.
  LoadBalancedService s(3);
  for (sim::ecs::TaskId id : {0u, 1u, 2u})
    s.controller.on_target_health(id, TargetState::unhealthy, ProbeFailure::timeout);
  CHECK(s.route().weight == 3);
  CHECK(s.route().unreachable_basis_points == 10'000);
  for (int step = 0; step < 20 && s.runtime.launched.empty() && s.clock.next_timer() < sim::kNever; ++step)
    s.clock.advance_to(s.clock.next_timer(), s.controller);
  REQUIRE_FALSE(s.runtime.launched.empty());
  const sim::ecs::TaskId replacement = s.runtime.launched.back().task;
  s.controller.on_task_state(replacement, TaskState::pending, nullptr);
  s.controller.on_task_state(replacement, TaskState::running, nullptr);
  s.controller.on_target_health(replacement, TargetState::initial, ProbeFailure::none);
  CHECK(s.route().weight == 4);  // a new target in `initial` is registered: fail-open includes it
  CHECK(s.route().unreachable_basis_points == 7500);
  s.controller.on_target_health(replacement, TargetState::healthy, ProbeFailure::none);
  CHECK(s.route().weight == 1);
  CHECK_FALSE(s.route().failing_open);
}

TEST_CASE("a target group with no registered target fails open as soon as one registers") {
  // Given every target deregistered (draining: the ALB answers 503 itself), when a new task's
  // target registers in `initial`, then the route weighs it at once, before its first check.
  LoadBalancedService s(1);
  s.controller.on_target_health(0, TargetState::unhealthy, ProbeFailure::response_code);
  s.controller.on_target_health(0, TargetState::draining, ProbeFailure::none);
  CHECK(s.route().weight == 0);
  for (int step = 0; step < 20 && s.runtime.launched.empty() && s.clock.next_timer() < sim::kNever; ++step)
    s.clock.advance_to(s.clock.next_timer(), s.controller);
  REQUIRE_FALSE(s.runtime.launched.empty());
  const sim::ecs::TaskId replacement = s.runtime.launched.back().task;
  s.controller.on_task_state(replacement, TaskState::pending, nullptr);
  s.controller.on_task_state(replacement, TaskState::running, nullptr);
  s.controller.on_target_health(replacement, TargetState::initial, ProbeFailure::none);
  CHECK(s.route().weight == 1);
  CHECK(s.route().failing_open);
}
