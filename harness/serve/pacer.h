// How the served simulations keep time: simulated time runs at the wall clock times the time
// scale, plus whatever the control endpoint has skipped ahead. The pacer reads the wall clock (the
// harness may; sim/ never does) and tells the state how far to advance, lazily, before each request
// is answered: between requests nobody can look, so nothing needs to run.
//
// Invariant: the simulated time handed out never goes backwards.
#pragma once

#include <chrono>

#include "sim/engine/time.h"

namespace harness::serve {

class EcsState;

class Pacer {
 public:
  using WallClock = std::chrono::steady_clock;

  // `time_scale`: simulated seconds per wall second (0: time moves only when the control endpoint
  // advances it).
  explicit Pacer(double time_scale, WallClock::time_point start = WallClock::now())
      : time_scale_(time_scale), anchor_wall_(start) {}

  // The simulated time the wall clock has reached at `wall`.
  sim::Millis target(WallClock::time_point wall) const;
  // Advances `state` to target(now).
  void catch_up(EcsState& state, WallClock::time_point wall = WallClock::now());
  // Skips simulated time ahead by `span` at once (the control endpoint), then catches up.
  void skip(EcsState& state, sim::Millis span, WallClock::time_point wall = WallClock::now());

  double time_scale() const { return time_scale_; }

 private:
  double time_scale_;
  WallClock::time_point anchor_wall_;
  sim::Millis skipped_{0};
};

}  // namespace harness::serve
