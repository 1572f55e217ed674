// PLANTED BUG, tests only: a copy of sim/ecs/task_bounds.cc that rounds maximumPercent up instead
// of down, letting a rolling update run one task more than ECS allows. Linked ahead of the
// simulator library into planted_bounds_tests only; the safety property must catch it.
#include <algorithm>

#include "sim/ecs/deployment_bounds.h"

namespace sim::ecs {

TaskBounds task_bounds(int desired_count, int minimum_healthy_percent, int maximum_percent) {
  const long long n = std::max(desired_count, 0);
  TaskBounds b;
  b.min_healthy_tasks = static_cast<int>((n * minimum_healthy_percent + 99) / 100);
  b.max_tasks = static_cast<int>((n * maximum_percent + 99) / 100);  // the bug: ECS rounds down
  return b;
}

}  // namespace sim::ecs
