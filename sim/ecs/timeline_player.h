// A scenario's UpdateService calls as a run plays them, written once for both worlds: the
// timeline's calls and the deploy under test in time order (at the same instant the timeline's
// go first, in the order written, then the deploy: ecs-rules §12). Each world schedules call i at
// calls()[i].at on its own clock (the simulator's event queue, real mode's scaled wall clock) and
// hands it back to play(i); the player applies it to the controller and counts it.
//
// Invariant: calls() is sorted by time and holds the deploy under test unless the run is a
// steady-state one ("deploy": "none"), which observes its figures from the start instead (§12.5).
#pragma once

#include <cstddef>
#include <vector>

#include "sim/ecs/service_controller.h"
#include "sim/model/scenario.h"
#include "sim/model/service_update.h"
#include "sim/observe/outcome.h"

namespace sim::ecs {

class TimelinePlayer {
 public:
  // Plans the calls of `scenario`; for a steady-state run, starts the controller's figures now.
  // Both must outlive the player.
  TimelinePlayer(const model::Scenario& scenario, ServiceController& controller);

  // The calls to schedule, in the order they are played; call i is due at calls()[i].at.
  const std::vector<model::ServiceUpdate>& calls() const { return calls_; }
  // Applies call `index` (UpdateService, or the deploy under test) now.
  void play(std::size_t index);
  // Whether every call has been played: a run stops at an outcome only then, since the outcome
  // is the last deployment's (§12.2).
  bool all_played() const { return played_ == calls_.size(); }
  // The run's outcome at its end: the controller's, else STEADY_STATE for a steady-state run that
  // started no deployment, else STUCK (no terminal state by the horizon).
  observe::Outcome outcome() const;

 private:
  const model::Scenario& scenario_;
  ServiceController& controller_;
  std::vector<model::ServiceUpdate> calls_;
  std::size_t played_ = 0;
};

}  // namespace sim::ecs
