#include "sim/ecs/target_health.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

// Sources for this file: ecs-rules §6 ELB target-group health checks (ALB guide
// target-group-health-checks.html, API_TargetHealth.html).

// The ALB defaults: HealthyThresholdCount 5, UnhealthyThresholdCount 2, every 30 s.
TargetHealthMachine new_target() {
  return TargetHealthMachine(model::TargetGroupHealthCheck{}, seconds(0));
}

void probe(TargetHealthMachine& target, int times, bool pass) {
  for (int i = 0; i < times; ++i)
    target.apply(seconds(0), pass, pass ? ProbeFailure::none : ProbeFailure::response_code);
}

TEST_CASE("a newly registered target becomes healthy on its first passing probe") {
  // Given a new target (initial), when one probe passes, then it is healthy: "after your target is
  // registered, it must pass one health check to be considered healthy"; HealthyThresholdCount
  // only governs recovery from unhealthy.
  TargetHealthMachine target = new_target();
  CHECK(target.state() == TargetState::initial);
  CHECK(target.apply(seconds(0), true, ProbeFailure::none));
  CHECK(target.state() == TargetState::healthy);
}

TEST_CASE("an initial target becomes unhealthy after unhealthy_threshold failures") {
  // Given a new target with UnhealthyThresholdCount 2, when probes fail, then it stays initial
  // after one and is unhealthy after the second, remembering why.
  TargetHealthMachine target = new_target();
  probe(target, 1, false);
  CHECK(target.state() == TargetState::initial);
  CHECK(target.apply(seconds(30), false, ProbeFailure::timeout));
  CHECK(target.state() == TargetState::unhealthy);
  CHECK(target.last_failure() == ProbeFailure::timeout);
}

TEST_CASE("an unhealthy target needs the full healthy count again to recover") {
  // Given an unhealthy target, when probes pass, then it stays unhealthy for four passes and is
  // healthy on the fifth.
  TargetHealthMachine target = new_target();
  probe(target, 2, false);
  REQUIRE(target.state() == TargetState::unhealthy);
  probe(target, 4, true);
  CHECK(target.state() == TargetState::unhealthy);
  probe(target, 1, true);
  CHECK(target.state() == TargetState::healthy);
}

TEST_CASE("a failed probe resets the streak of passes of a recovering target") {
  // Given an unhealthy target with four passes, when one probe fails and four more pass, then it
  // is still unhealthy; a fifth consecutive pass makes it healthy.
  TargetHealthMachine target = new_target();
  probe(target, 2, false);
  probe(target, 4, true);
  probe(target, 1, false);
  probe(target, 4, true);
  CHECK(target.state() == TargetState::unhealthy);
  probe(target, 1, true);
  CHECK(target.state() == TargetState::healthy);
}

TEST_CASE("a healthy target survives a single failure") {
  // Given a healthy target with UnhealthyThresholdCount 2, when one probe fails and the next
  // passes, then it stays healthy throughout.
  TargetHealthMachine target = new_target();
  probe(target, 1, true);
  probe(target, 1, false);
  CHECK(target.state() == TargetState::healthy);
  probe(target, 1, true);
  CHECK(target.state() == TargetState::healthy);
}

TEST_CASE("target probes run on a fixed cadence from registration") {
  // Given a target registered at 12 s with a 30 s interval, when probes take 3 s, then they start
  // at 12 s, 42 s, 72 s: ELB does not wait for the previous probe to finish.
  const TargetHealthMachine target(model::TargetGroupHealthCheck{}, seconds(12));
  CHECK(target.first_probe_start() == seconds(12));
  CHECK(target.next_probe_start(seconds(12), seconds(3)) == seconds(42));
  CHECK(target.next_probe_start(seconds(42), seconds(3)) == seconds(72));
}

}  // namespace
}  // namespace sim::ecs
