// SimulatedWorld: Availability Zones (ecs-rules §12.6). A task is placed in the usable zone with
// the fewest of the service's tasks (the scheduler's spread, sim/ecs/az_spread.h); an az_lost
// fault takes every task in its zone down with the zone's hosts, and keeps the zone from taking
// tasks for the fault's duration. Nothing here runs when the scenario names no zones.
#include <algorithm>

#include "sim/ecs/az_spread.h"
#include "sim/world/world_task.h"

namespace sim::world {

int SimulatedWorld::place_in_zone() {
  const std::size_t zones = scenario_.service.availability_zones.size();
  if (zones == 0) return -1;
  if (zone_tasks_.size() != zones) {
    zone_tasks_.assign(zones, 0);
    zone_down_until_.assign(zones, Millis{0});
  }
  std::vector<bool> usable(zones);
  for (std::size_t z = 0; z < zones; ++z) usable[z] = now_ >= zone_down_until_[z];
  const int zone = ecs::choose_availability_zone(zone_tasks_, usable);
  if (zone >= 0) ++zone_tasks_[static_cast<std::size_t>(zone)];
  return zone;
}

void SimulatedWorld::on_zone_lost(const model::Fault& fault) {
  const std::size_t zones = scenario_.service.availability_zones.size();
  if (zone_tasks_.size() != zones) {
    zone_tasks_.assign(zones, 0);
    zone_down_until_.assign(zones, Millis{0});
  }
  const auto z = static_cast<std::size_t>(fault.availability_zone);
  zone_down_until_.at(z) = std::max(zone_down_until_[z], now_ + fault.duration);
  std::vector<ecs::TaskId> lost;
  // A slot never launched keeps zone -1, so only placed tasks match.
  tasks_.for_each([&](const Task& t) {
    if (t.zone == fault.availability_zone && t.state() < TaskState::stopping) lost.push_back(t.id);
  });
  if (trace_.enabled())
    trace_.add(now_, observe::AvailabilityZoneLost{fault.availability_zone, lost, zone_down_until_[z]});
  // Our wording: ECS publishes no stoppedReason for a lost zone (ecs-rules §12.6).
  const std::string reason =
      "Task stopped: Availability Zone " + scenario_.service.availability_zones[z] + " became unavailable";
  for (const ecs::TaskId id : lost) {
    Task& t = task(id);
    // The hosts are gone: the containers with them, with no exit code and no signal.
    for (Container& c : t.containers) {
      if (!c.started || c.exited) continue;
      c.exited = true;
      queue_.cancel(c.exit_timer);
      stop_container_check(t, c);
    }
    queue_.cancel(t.memory_timer);
    t.memory_timer = kNoTimer;
    --zone_tasks_[z];
    t.zone = -1;  // no longer counted in any zone
    perform(t, t.agent.infrastructure_lost(reason, false));
  }
}

}  // namespace sim::world
