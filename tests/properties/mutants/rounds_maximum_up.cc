// PLANTED BUG, tests only: a copy of sim/ecs/deployment_bounds.cc that rounds maximumPercent up
// instead of down, letting a rolling update run one task more than ECS allows. Linked ahead of the
// simulator library into planted_bug_tests only; the safety property must catch it.
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

RollingStep plan_rolling_step(const RollingCounts& c, const TaskBounds& b) {
  RollingStep step;
  const int live = c.primary_live + c.old_live;
  const int wanted_new = std::max(c.desired - c.primary_live, 0);
  step.start = std::min(wanted_new, std::max(b.max_tasks - live - c.lingering, 0));
  step.stop_primary = std::max(c.primary_live - c.desired, 0);
  const int healthy_old = c.old_live - c.old_live_unhealthy;
  const int spare_healthy = std::max(c.healthy - b.min_healthy_tasks, 0);
  step.stop_old = c.old_live_unhealthy + std::min(healthy_old, spare_healthy);
  const bool work_left = wanted_new > 0 || c.old_live > 0;
  step.blocked = work_left && step.start == 0 && step.stop_old == 0 && step.stop_primary == 0 &&
                 c.primary_live_unhealthy == 0;
  return step;
}

}  // namespace sim::ecs
