// The task's memory as one cap shared by all its containers (ecs-rules §8): with task-level
// `memory`, the agent puts every container in one task cgroup with that limit (EC2 Linux,
// ECS_ENABLE_TASK_CPU_MEM_LIMIT, on by default; Fargate always), so the containers' memory
// *together* must stay under it, and the kernel's OOM killer ends a process somewhere in the
// task when it does not. Pure: the world asks when, and who.
#pragma once

#include <cstddef>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/app_profile.h"

namespace sim::world {

// One running container as the task's cgroup sees it: its memory curve from `started_at`, until
// `exit_at` (kNever: no exit planned).
struct ContainerMemory {
  const model::AppProfile* profile = nullptr;
  Millis started_at{0};
  Millis exit_at = kNever;
};

// The first instant >= `from` at which the containers' memory summed reaches `cap_mib`, or
// kNever. Between the curves' points (and exits) the sum is linear, so it is checked segment by
// segment and the crossing rounded up to the next millisecond.
Millis task_memory_crossing(const std::vector<ContainerMemory>& containers, int cap_mib, Millis from);

// The container using the most memory at `t` (the kernel's OOM killer picks the process with
// the largest resident set; ties go to the first). `containers` must not be empty.
std::size_t largest_at(const std::vector<ContainerMemory>& containers, Millis t);

}  // namespace sim::world
