// PLANTED BUG, tests only: a copy of sim/ecs/task_bounds.cc that rounds minimumHealthyPercent down
// instead of up, letting a rolling update stop one healthy task more than ECS allows. Linked ahead
// of the simulator library into planted_floor_tests only; the safety property must catch it.
#include <algorithm>

#include "sim/ecs/deployment_bounds.h"

namespace sim::ecs {

TaskBounds task_bounds(int desired_count, int minimum_healthy_percent, int maximum_percent) {
  const long long n = std::max(desired_count, 0);
  TaskBounds b;
  b.min_healthy_tasks = static_cast<int>(n * minimum_healthy_percent / 100);  // the bug: ECS rounds up
  b.max_tasks = static_cast<int>(n * maximum_percent / 100);
  return b;
}

}  // namespace sim::ecs
