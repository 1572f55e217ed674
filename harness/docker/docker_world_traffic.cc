// DockerWorld: the scenario's request traffic, measured. The load generator sends one sampled
// request a run second to the targets the controller routes to; every traffic period the world
// reports what was answered, and the controller's alarms judge it (ecs-rules §2).
#include "docker/chaos_app/chaos_config.h"
#include "harness/docker/docker_world_task.h"

namespace harness::docker {

void DockerWorld::route_traffic(const std::vector<sim::ecs::TrafficRoute>& routes) {
  if (load_) load_->route(routes);
}

const sim::ecs::TrafficReport& DockerWorld::traffic_served() {
  static const sim::ecs::TrafficReport none;
  return load_ ? load_->report() : none;
}

std::vector<LoadTarget> DockerWorld::load_targets() const {
  std::vector<LoadTarget> targets;
  if (!scenario_.service.load_balancer) return targets;
  for (const auto& tp : tasks_) {
    if (!tp || !tp->registered || !tp->target_machine) continue;
    const Container& c = tp->containers.at(static_cast<std::size_t>(tp->lb_container));
    // The chaos app plays its profile's request behaviour at its traffic path; an image run as
    // it is gets the scenario's path. Requests go where the target probes go (target_of).
    const std::string path = own_images_.runs_own_image(c.def->image) ? own_images_.traffic_path : chaos::kTrafficPath;
    const ProbeTarget at = target_of(*tp);
    targets.push_back({tp->deployment, at.ip, at.port, path, tp->target_machine->state() == sim::ecs::TargetState::healthy});
  }
  return targets;
}

void DockerWorld::next_traffic_sample(std::int64_t sample) {
  // Sample k at k run seconds, on the run's own time (not after the last callback's delay), and
  // the period's report as each period ends: the same instants as the simulated world's.
  const sim::Millis spacing = sim::model::kTrafficBucket / kSamplesPerBucket;
  clock_.at(spacing * sample, [this, sample, spacing] {
    if (finished_) return;
    if (sample % kSamplesPerBucket == 0)
      clock_.as_of(spacing * sample, [this] { listener_->on_traffic_period(load_->report()); });
    load_->send(load_targets());
    next_traffic_sample(sample + 1);  // traffic flows until the run ends
  });
}

}  // namespace harness::docker
