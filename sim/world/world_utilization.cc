// The world's side of the utilisation metrics: which tasks run, which serve, what memory they
// hold (utilization_sampler.h does the arithmetic).
#include <cmath>

#include "sim/world/world_task.h"

namespace sim::world {

void SimulatedWorld::sample_utilization() {
  std::vector<RunningTask> running;
  tasks_.for_each([&](const Task& t) {
    // Metrics exist only for RUNNING tasks (ecs-rules §13.2).
    if (t.state() != TaskState::running) return;
    RunningTask r;
    r.deployment = static_cast<int>(t.deployment);
    r.task_definition = t.task_definition;
    r.serving = t.registered && t.target == TargetState::healthy;
    double mib = 0;
    for (const Container& c : t.containers)
      if (c.started && !c.exited && c.profile) mib += memory_at(*c.profile, now_ - c.plan.started_at);
    r.memory_mib = std::llround(mib);
    running.push_back(r);
  });
  traffic_.advance(now_);  // the routes in force up to now
  utilization_->sample(traffic_.rate_at(now_), traffic_.serving(), running);
  traffic_.record_utilization(utilization_->totals());
}

}  // namespace sim::world
