// harness/docker/real_timeout: a scaled timeout never shorter than Docker's latency can be.
#include <catch2/catch.hpp>

#include "harness/docker/real_timeout.h"

using harness::docker::kRealTimeoutFloor;
using harness::docker::real_timeout;

TEST_CASE("a timeout that scales under the floor is the floor") {
  // Given a 2 s check timeout at 0.05 (100 ms scaled), then it waits the floor of real time.
  CHECK(real_timeout(sim::seconds(2), 0.05) == kRealTimeoutFloor);
}

TEST_CASE("a timeout that scales above the floor stays scaled") {
  // Given a 10 s timeout at scale 1 and a 60 s one at 0.25, then they wait 10 s and 15 s.
  CHECK(real_timeout(sim::seconds(10), 1.0) == std::chrono::seconds(10));
  CHECK(real_timeout(sim::seconds(60), 0.25) == std::chrono::seconds(15));
}

TEST_CASE("an own image's stopTimeout on the run's clock is never under the floor of real time") {
  // Given the default 30 s stopTimeout at 0.05 (1.5 s of real time, under the 2 s floor), then
  // the run waits 40 s of run time (2 s of real time) before SIGKILL; at 0.25 (7.5 s) it waits 30 s.
  CHECK(harness::docker::floored_run_timeout(sim::seconds(30), 0.05) == sim::seconds(40));
  CHECK(harness::docker::floored_run_timeout(sim::seconds(30), 0.25) == sim::seconds(30));
}
