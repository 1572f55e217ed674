// task_bounds(): the rounding rule of the rolling-update bounds (sim/ecs/deployment_bounds.h), in
// its own file because the property tests plant a bug in a copy of it (tests/properties/mutants/).
#include <algorithm>

#include "sim/ecs/deployment_bounds.h"

namespace sim::ecs {

TaskBounds task_bounds(int desired_count, int minimum_healthy_percent, int maximum_percent) {
  const long long n = std::max(desired_count, 0);
  TaskBounds b;
  b.min_healthy_tasks = static_cast<int>((n * minimum_healthy_percent + 99) / 100);
  b.max_tasks = static_cast<int>(n * maximum_percent / 100);
  return b;
}

}  // namespace sim::ecs
