#include "sim/ecs/container_health.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

// Sources for this file: ecs-rules §5 container health checks (API_HealthCheck.html) and Docker's
// state machine, moby daemon/health.go (handleProbeResult).

// interval 30 s, timeout 5 s, retries 3, startPeriod 60 s; the container starts at 10 s.
model::ContainerHealthCheck check_with_start_period() {
  model::ContainerHealthCheck check;
  check.start_period = seconds(60);
  return check;
}
constexpr Millis kStarted = seconds(10);

TEST_CASE("the first container probe starts one interval after the container starts") {
  // Given a container started at 10 s with a 30 s interval, when asking for the first probe,
  // then it starts at 40 s, and the next one an interval after that probe completes.
  const ContainerHealthMachine machine(check_with_start_period(), kStarted);
  CHECK(machine.first_probe_start() == seconds(40));
  CHECK(machine.next_probe_start(seconds(40), seconds(2)) == seconds(72));
}

TEST_CASE("failures inside the start period do not count while the container is starting") {
  // Given a starting container, when probes that began 30 s and 59.999 s after start fail, then
  // the failing streak stays 0 and the status UNKNOWN; a probe beginning at exactly 60 s counts.
  ContainerHealthMachine machine(check_with_start_period(), kStarted);
  CHECK_FALSE(machine.apply(kStarted + seconds(30), false));
  CHECK_FALSE(machine.apply(kStarted + seconds(60) - Millis{1}, false));
  CHECK(machine.failing_streak() == 0);
  CHECK(machine.status() == HealthStatus::unknown);
  machine.apply(kStarted + seconds(60), false);
  CHECK(machine.failing_streak() == 1);
}

TEST_CASE("a pass inside the start period makes the container healthy and later failures count") {
  // Given a probe passing 30 s after start, when the next probes fail while still inside the start
  // period, then the container is HEALTHY at once and each failure adds to the streak.
  ContainerHealthMachine machine(check_with_start_period(), kStarted);
  CHECK(machine.apply(kStarted + seconds(30), true));
  CHECK(machine.status() == HealthStatus::healthy);
  machine.apply(kStarted + seconds(40), false);
  machine.apply(kStarted + seconds(50), false);
  CHECK(machine.failing_streak() == 2);
  CHECK(machine.status() == HealthStatus::healthy);
}

TEST_CASE("the container turns unhealthy at exactly retries consecutive counted failures") {
  // Given retries 3 and no start period, when probes fail, then the status is unchanged after two
  // failures and UNHEALTHY after the third.
  ContainerHealthMachine machine(model::ContainerHealthCheck{}, kStarted);
  CHECK_FALSE(machine.apply(seconds(40), false));
  CHECK_FALSE(machine.apply(seconds(75), false));
  CHECK(machine.status() == HealthStatus::unknown);
  CHECK(machine.apply(seconds(110), false));
  CHECK(machine.status() == HealthStatus::unhealthy);
  CHECK(machine.settled(false));
}

TEST_CASE("a passing probe clears the failing streak") {
  // Given a healthy container with two failures in a row, when a probe passes, then the streak is
  // 0 and three more failures are needed to make it unhealthy.
  ContainerHealthMachine machine(model::ContainerHealthCheck{}, kStarted);
  machine.apply(seconds(40), true);
  machine.apply(seconds(75), false);
  machine.apply(seconds(110), false);
  machine.apply(seconds(145), true);
  CHECK(machine.failing_streak() == 0);
  machine.apply(seconds(180), false);
  machine.apply(seconds(215), false);
  CHECK(machine.status() == HealthStatus::healthy);
  machine.apply(seconds(250), false);
  CHECK(machine.status() == HealthStatus::unhealthy);
}

TEST_CASE("an unhealthy container becomes healthy again on one passing probe") {
  // Given an UNHEALTHY container, when a probe passes, then it is HEALTHY (Docker needs one pass).
  ContainerHealthMachine machine(model::ContainerHealthCheck{}, kStarted);
  for (int i = 0; i < 3; ++i) machine.apply(seconds(40 + 35 * i), false);
  REQUIRE(machine.status() == HealthStatus::unhealthy);
  CHECK(machine.apply(seconds(200), true));
  CHECK(machine.status() == HealthStatus::healthy);
}

TEST_CASE("a probe lasts at most the check timeout") {
  // Given a 5 s timeout, when a probe would take 12 s, then it is cut at 5 s; a 2 s probe keeps
  // its 2 s.
  const ContainerHealthMachine machine(model::ContainerHealthCheck{}, kStarted);
  CHECK(machine.probe_duration(ProbeOutcome{false, seconds(12), ProbeFailure::timeout, 0}) ==
        seconds(5));
  CHECK(machine.probe_duration(ProbeOutcome{true, seconds(2), ProbeFailure::none, 200}) ==
        seconds(2));
}

}  // namespace
}  // namespace sim::ecs
