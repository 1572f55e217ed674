// When each external dependency is up, over the whole run. Everything that moves a dependency
// (its start-up readiness drawn from the seeded stream, scripted outages, injected faults) is
// known before the run starts, so availability is a pure function of time: the app planner and the
// probes ask it directly instead of waiting for events.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sim/engine/rng.h"
#include "sim/engine/time.h"
#include "sim/model/dependency.h"
#include "sim/model/fault.h"

namespace sim::world {

class DependencySchedule {
 public:
  DependencySchedule() = default;
  DependencySchedule(const std::vector<model::DependencyProfile>& dependencies,
                     const std::vector<model::Fault>& faults, const RngStreams& streams);

  // Unknown names are always up: an app that names a dependency the scenario does not describe
  // is not made to fail by accident (the loader rejects such names anyway).
  bool up(const std::string& name, Millis t) const;

  // The first instant > t at which `name` changes state, or kNever.
  Millis next_change(const std::string& name, Millis t) const;

  // The first instant >= t at which `name` is up, or kNever.
  Millis next_up(const std::string& name, Millis t) const;

  // Every (time, name, up) edge in time order, for the trace.
  struct Edge {
    Millis at;
    std::string name;
    bool up;
  };
  std::vector<Edge> edges() const;

 private:
  // Sorted, merged down windows per dependency.
  std::map<std::string, std::vector<model::TimeWindow>> down_;
};

}  // namespace sim::world
