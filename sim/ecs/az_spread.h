// Where the service scheduler places a task among the Availability Zones of the service's
// subnets (ecs-rules §12.6). ECS's default placement for a service spreads by
// `attribute:ecs.availability-zone`: it prefers the zone with the fewest tasks of the service,
// then (EC2) the instance with the fewest (UpdateService, "placement of replacements"); Fargate
// spreads a service's tasks across the subnets' zones the same way. A zone that cannot take
// tasks (lost, for an az_lost fault's duration) is skipped.
//
// Pure: counts in, a zone index out. The simulated world calls it when it places a task.
#pragma once

#include <vector>

namespace sim::ecs {

// The usable zone with the fewest tasks of the service; the lowest index among equals, so
// placement is deterministic. -1 when no zone is usable. `tasks_per_zone` and `usable` have one
// entry per zone.
int choose_availability_zone(const std::vector<int>& tasks_per_zone, const std::vector<bool>& usable);

}  // namespace sim::ecs
