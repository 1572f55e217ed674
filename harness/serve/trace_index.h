// What DescribeServices and DescribeTasks need from a simulation's typed trace, indexed as the
// trace grows: the service events, and per task its timestamps, stop code and reason, and each
// container's status, exit code and reason. catch_up() reads only the events added since the last
// call, so answering a request costs the new events, not the whole history.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/task_state.h"
#include "sim/engine/time.h"
#include "sim/observe/trace.h"

namespace harness::serve {

struct ContainerFacts {
  std::string last_status = "PENDING";  // PENDING, RUNNING, STOPPED
  std::optional<int> exit_code;
  std::string reason;  // ECS's container reason ("OutOfMemoryError: Container killed due to memory usage")
};

struct TaskFacts {
  std::optional<sim::Millis> started_at;   // reached RUNNING
  std::optional<sim::Millis> stopping_at;  // asked to stop, or ended by itself
  std::optional<sim::Millis> stopped_at;
  sim::ecs::StopCode stop_code = sim::ecs::StopCode::none;
  std::string stopped_reason;
  std::vector<ContainerFacts> containers;  // by container index; grows as containers are seen
  std::string target_reason;  // TargetHealth.Reason of the latest change ("Target.Timeout" …)
};

struct ServiceEventRecord {
  std::size_t sequence = 0;  // position among the service's events, for a stable id
  sim::Millis at{0};
  std::string message;
};

class TraceIndex {
 public:
  // Reads the events of `trace` added since the previous call.
  void catch_up(const sim::observe::Trace& trace);

  // What is known of task `id` (empty facts for a task with nothing traced yet).
  const TaskFacts& task(sim::ecs::TaskId id) const;
  // When deployment `id` last changed its rolloutState (its createdAt until then: none).
  std::optional<sim::Millis> deployment_updated_at(sim::ecs::DeploymentId id) const;
  // The service events, oldest first.
  const std::vector<ServiceEventRecord>& service_events() const { return events_; }

 private:
  TaskFacts& facts(sim::ecs::TaskId id);
  ContainerFacts& container(sim::ecs::TaskId id, int index);

  std::size_t read_ = 0;
  std::vector<TaskFacts> tasks_;
  std::vector<ServiceEventRecord> events_;
  std::vector<std::optional<sim::Millis>> deployment_updates_;  // by DeploymentId
};

}  // namespace harness::serve
