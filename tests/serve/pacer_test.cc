#include "harness/serve/pacer.h"

#include <catch2/catch.hpp>

namespace harness::serve {
namespace {

using namespace std::chrono_literals;

TEST_CASE("simulated time runs at the wall clock times the time scale") {
  // Given a pacer at 60x started at t0, after 1.5 wall seconds 90 simulated seconds have passed.
  const Pacer::WallClock::time_point t0{};
  const Pacer pacer(60, t0);
  CHECK(pacer.target(t0) == sim::seconds(0));
  CHECK(pacer.target(t0 + 1500ms) == sim::seconds(90));
  // A wall clock read before the start (it cannot go back, but a caller may pass one) is the start.
  CHECK(pacer.target(t0 - 1s) == sim::seconds(0));
}

TEST_CASE("at time scale 0 the clock stands still") {
  const Pacer::WallClock::time_point t0{};
  const Pacer pacer(0, t0);
  CHECK(pacer.target(t0 + 1h) == sim::seconds(0));
}

}  // namespace
}  // namespace harness::serve
