// Faults injected on a timeline: at T, do X (to Y), for D.
#pragma once

#include <string>

#include "sim/engine/time.h"

namespace sim::model {

enum class FaultKind {
  dependency_outage,  // target: dependency name; down from `at` for `duration`
  stop_task,          // target: "old" or "new": `count` tasks of that revision are killed, exit 137
  // target: an Availability Zone of ServiceConfig::availability_zones. Every task in it is lost
  // at `at` (stopCode InfrastructureHealth); for `duration` after, no task is placed there
  // (ecs-rules §12.6).
  az_lost,
};

struct Fault {
  Millis at;
  FaultKind kind = FaultKind::dependency_outage;
  std::string target;
  Millis duration = seconds(0);
  int count = 1;  // stop_task: how many tasks (the lowest-numbered running ones)
  int availability_zone = 0;  // az_lost: index into ServiceConfig::availability_zones
};

}  // namespace sim::model
