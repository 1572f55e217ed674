// The task's memory as one cap shared by its containers, and a memoryReservation that is no limit
// (ecs-rules §8; API_ContainerDefinition.html: `memory` is the hard limit, `memoryReservation` the
// soft one; API_TaskDefinition.html: task `memory` is the task's; amazon-ecs-agent
// agent/api/task/task_linux.go puts every container under one task cgroup with that limit).
#include "sim/world/task_memory.h"

#include <catch2/catch.hpp>

#include "sim/model/task_definition.h"

using sim::kNever;
using sim::Millis;
using sim::seconds;
using sim::world::ContainerMemory;

namespace {

// Memory rising linearly from `from_mib` at 0 to `to_mib` at `at`, then flat.
sim::model::AppProfile ramp(int from_mib, int to_mib, Millis at) {
  sim::model::AppProfile p;
  p.memory = {{Millis{0}, from_mib}, {at, to_mib}};
  return p;
}

}  // namespace

TEST_CASE("two containers each under the task's memory still exceed it together") {
  // Given a task of 512 MiB with app rising 100 -> 300 MiB over 100 s and a sidecar flat at 250
  // MiB, both started at 0, when watched, then the sum reaches 512 MiB when app is at 262 MiB:
  // 81 s; each alone stays under 512 MiB, which a per-container limit would have let run.
  const auto app = ramp(100, 300, seconds(100));
  const auto sidecar = ramp(250, 250, seconds(1));
  const std::vector<ContainerMemory> task = {{&app, Millis{0}}, {&sidecar, Millis{0}}};
  CHECK(sim::world::task_memory_crossing(task, 512, Millis{0}) == seconds(81));
  CHECK(sim::world::largest_at(task, seconds(81)) == 0);
}

TEST_CASE("a container that exits gives its share back to the task") {
  // Given the same task where the sidecar exits at 50 s, when watched, then the sum never reaches
  // 512 MiB: the app alone peaks at 300.
  const auto app = ramp(100, 300, seconds(100));
  const auto sidecar = ramp(250, 250, seconds(1));
  const std::vector<ContainerMemory> task = {{&app, Millis{0}}, {&sidecar, Millis{0}, seconds(50)}};
  CHECK(sim::world::task_memory_crossing(task, 512, Millis{0}) == kNever);
}

TEST_CASE("a container started later joins the sum from its start") {
  // Given app flat at 300 MiB from 0 and a sidecar flat at 250 MiB from 30 s, when watched from
  // 0, then the task is over 512 MiB the moment the sidecar starts.
  const auto app = ramp(300, 300, seconds(1));
  const auto sidecar = ramp(250, 250, seconds(1));
  const std::vector<ContainerMemory> task = {{&app, Millis{0}}, {&sidecar, seconds(30)}};
  CHECK(sim::world::task_memory_crossing(task, 512, Millis{0}) == seconds(30));
}

TEST_CASE("a memoryReservation alone is no hard limit; a task of one container has the task's") {
  // Given a container with only memoryReservation 128, when its limit is asked on EC2 without
  // task memory, then it has none (before issue 15: killed at 128); in a one-container task of
  // 512 MiB, 512; with several containers, none of its own but a shared cap of 512.
  sim::model::TaskDefinition td;
  sim::model::ContainerDefinition app;
  app.name = "app";
  app.memory_reservation_mib = 128;
  td.containers = {app};
  CHECK(td.container_memory_limit_mib(td.containers[0]) == 0);
  CHECK(td.shared_memory_cap_mib() == 0);
  td.memory_mib = 512;
  CHECK(td.container_memory_limit_mib(td.containers[0]) == 512);
  td.containers.push_back(app);
  td.containers.back().name = "sidecar";
  CHECK(td.container_memory_limit_mib(td.containers[0]) == 0);
  CHECK(td.shared_memory_cap_mib() == 512);
  td.containers[0].memory_mib = 256;
  CHECK(td.container_memory_limit_mib(td.containers[0]) == 256);
}
