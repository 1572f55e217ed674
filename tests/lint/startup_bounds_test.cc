#include "harness/lint/startup_bounds.h"

#include <catch2/catch.hpp>

namespace harness::lint {
namespace {

using sim::seconds;

TEST_CASE("the longest start-up puts every phase at the high end of its jitter", "[lint]") {
  // Given phases of 5 s and 20 s with jitter up to 1.2, then start-up takes at most 30 s.
  sim::model::AppProfile profile;
  for (const sim::Millis duration : {seconds(5), seconds(20)}) {
    sim::model::StartupPhase phase;
    phase.duration = duration;
    profile.phases.push_back(phase);
  }
  profile.startup_jitter_high_permille = 1200;
  CHECK(longest_startup(profile) == seconds(30));
  CHECK(longest_startup(sim::model::AppProfile{}) == sim::Millis{0});
}

TEST_CASE("a task reaches a phase at the earliest after platform steps and earlier phases",
          "[lint]") {
  // Given provisioning 2 s and pull 5 s at 0.8, and phases of 5 s and 20 s at 0.9, then the
  // second phase starts 10.100 s after launch at the earliest and the first 5.600 s after.
  sim::model::AppProfile profile;
  for (const sim::Millis duration : {seconds(5), seconds(20)}) {
    sim::model::StartupPhase phase;
    phase.duration = duration;
    profile.phases.push_back(phase);
  }
  profile.startup_jitter_low_permille = 900;
  sim::model::PlatformTiming platform;
  platform.provisioning = seconds(2);
  platform.pull = seconds(5);
  platform.jitter_low_permille = 800;
  CHECK(earliest_phase_start(profile, 0, platform) == sim::Millis{5600});
  CHECK(earliest_phase_start(profile, 1, platform) == sim::Millis{10100});
}

TEST_CASE("a container check first reports UNHEALTHY after startPeriod and its retries", "[lint]") {
  // Given probes every 10 s and 3 retries, then without startPeriod the third probe (30 s)
  // decides; with a 30 s startPeriod the probes at 10 s and 20 s do not count, so 50 s.
  sim::model::ContainerHealthCheck check;
  check.interval = seconds(10);
  check.retries = 3;
  CHECK(earliest_unhealthy(check) == seconds(30));
  check.start_period = seconds(30);
  CHECK(earliest_unhealthy(check) == seconds(50));
}

TEST_CASE("a target group first reports unhealthy after UnhealthyThresholdCount probes", "[lint]") {
  // Given ELB's first probe at registration, every 30 s, threshold 2, then 30 s.
  CHECK(earliest_unhealthy(sim::model::TargetGroupHealthCheck{}) == seconds(30));
}

}  // namespace
}  // namespace harness::lint
