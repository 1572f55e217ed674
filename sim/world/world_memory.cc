// SimulatedWorld: the task's memory as one cap its containers share (ecs-rules §8). A container's
// own hard limit is in its plan (container_plan.h); here the containers' memory together is
// watched against the task's `memory`, and the kernel's OOM killer ends the largest of them.
#include "sim/world/task_memory.h"
#include "sim/world/world_task.h"

namespace sim::world {
namespace {

// The running containers' memory, and their indexes in the task (a template: the world's
// Container record is private to it).
template <class Containers>
std::vector<ContainerMemory> running_memory(const Containers& containers, std::vector<std::size_t>& indexes) {
  std::vector<ContainerMemory> memory;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const auto& c = containers[i];
    if (!c.started || c.exited) continue;
    memory.push_back({c.profile, c.plan.started_at, c.plan.exit_at});
    indexes.push_back(i);
  }
  return memory;
}

}  // namespace

// Called whenever a container starts or exits: the sum's curve changes only then.
void SimulatedWorld::watch_task_memory(Task& t) {
  const int cap = scenario_.task_definitions.at(static_cast<std::size_t>(t.task_definition)).shared_memory_cap_mib();
  if (cap == 0) return;
  queue_.cancel(t.memory_timer);
  t.memory_timer = kNoTimer;
  std::vector<std::size_t> indexes;
  const std::vector<ContainerMemory> memory = running_memory(t.containers, indexes);
  const Millis cross = task_memory_crossing(memory, cap, now_);
  if (cross != kNever) t.memory_timer = at(cross, task_memory_exceeded, t.id);
}

void SimulatedWorld::on_task_memory_exceeded(Task& t) {
  t.memory_timer = kNoTimer;
  std::vector<std::size_t> indexes;
  const std::vector<ContainerMemory> memory = running_memory(t.containers, indexes);
  if (memory.empty()) return;
  Container& victim = t.containers[indexes[largest_at(memory, now_)]];
  const int cap = scenario_.task_definitions.at(static_cast<std::size_t>(t.task_definition)).shared_memory_cap_mib();
  victim.plan.exit_at = now_;
  victim.plan.exit_code = 137;
  victim.plan.exit_words = exit_words_.intern({"OutOfMemoryError: Container killed due to memory usage",
                                              "the task's containers together reached its " + std::to_string(cap) +
                                                  " MiB memory; the kernel killed the largest"});
  victim.plan.oom = true;
  victim.plan.exit_cause = observe::ContainerExitCause::oom_killed;
  queue_.cancel(victim.exit_timer);
  on_container_exit(t, victim);
}

}  // namespace sim::world
