#include "sim/ecs/deployment_bounds.h"

#include <algorithm>

namespace sim::ecs {

RollingStep plan_rolling_step(const RollingCounts& c, const TaskBounds& b) {
  RollingStep step;
  const int live = c.primary_live + c.old_live;
  const int wanted_new = std::max(c.desired - c.primary_live, 0);
  step.start = std::min(wanted_new, std::max(b.max_tasks - live - c.lingering, 0));
  step.stop_primary = std::max(c.primary_live - c.desired, 0);

  // Old tasks that are not healthy can go at once; healthy ones only down to the floor.
  const int healthy_old = c.old_live - c.old_live_unhealthy;
  const int spare_healthy = std::max(c.healthy - b.min_healthy_tasks, 0);
  step.stop_old = c.old_live_unhealthy + std::min(healthy_old, spare_healthy);

  const bool work_left = wanted_new > 0 || c.old_live > 0;
  step.blocked = work_left && step.start == 0 && step.stop_old == 0 && step.stop_primary == 0 &&
                 c.primary_live_unhealthy == 0;
  return step;
}

bool may_stop_unhealthy_without_room(int running, int stops_in_flight, const TaskBounds& bounds) {
  return stops_in_flight == 0 || running - 1 >= bounds.min_healthy_tasks;
}

}  // namespace sim::ecs
