// The simulated data plane: tasks, their containers playing app profiles, Docker's container
// health checks, the load balancer's target checks, connection draining and the kernel's OOM
// killer, and the request traffic its load balancer serves (served_traffic.h). It implements the
// Runtime seam and reports back to a RuntimeListener (the service controller). What a stop
// request or a container's exit turns into is the ECS agent's rule (sim/ecs/task_lifecycle.h),
// shared with real mode; this world carries its steps out in simulated time.
//
// Every timed step is an event on the shared queue (owner: world). Health checks are predicted
// (probe_forecast.h) or, in the per-probe reference mode, simulated one probe at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/container_health.h"
#include "sim/ecs/runtime.h"
#include "sim/ecs/task_lifecycle.h"
#include "sim/ecs/target_health.h"
#include "sim/engine/block_vector.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/rng.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"
#include "sim/world/app_endpoint.h"
#include "sim/world/container_plan.h"
#include "sim/world/dependency_schedule.h"
#include "sim/world/exit_words.h"
#include "sim/world/probe_forecast.h"
#include "sim/world/served_traffic.h"
#include "sim/world/task_definition_specs.h"
#include "sim/world/utilization_sampler.h"

namespace sim::world {

// How long a warm task (one running when the run starts) has been up at time 0: its start-up is
// long over, and its memory curve is that far along.
constexpr Millis kWarmTaskAge = minutes(10);

struct ContainerCheckSource;
struct TargetSource;

class SimulatedWorld final : public ecs::Runtime {
 public:
  // `prepared`: the scenario's task definitions prepared beforehand (a sweep's, shared by its
  // runs; task_definition_specs.h), or null to prepare them here. Throws std::invalid_argument
  // for specs of another scenario.
  SimulatedWorld(const model::Scenario& scenario, EventQueue& queue, const Millis& now,
                 const RngStreams& streams, observe::Trace& trace, observe::Metrics& metrics,
                 const TaskDefinitionSpecs* prepared = nullptr);
  ~SimulatedWorld() override;

  void attach(ecs::RuntimeListener* listener) { listener_ = listener; }

  // A task definition was appended to the scenario (RegisterTaskDefinition in deploysim serve);
  // its image's app profile must be in the scenario's apps already. Only for a world that
  // prepared its own task definitions.
  void task_definition_added();

  // Starts the traffic periods (every kTrafficBucket) when the scenario has request traffic or
  // autoscaling (whose utilisation samples travel with the traffic reports).
  void start_traffic();

  // Starts a task that has been running (and healthy) since long before the run began.
  void start_warm_task(const ecs::LaunchRequest& request);

  ecs::Placement launch_task(const ecs::LaunchRequest& request) override;
  void stop_task(ecs::TaskId task, ecs::StopCode code, const std::string& reason) override;
  void route_traffic(const std::vector<ecs::TrafficRoute>& routes) override;
  const ecs::TrafficReport& traffic_served() override;

  // Handles one of the world's events (dispatched by the run loop).
  void on_event(const Event& e);

  // Adds probes still being accounted at the end of the run to the metrics.
  void finish(Millis end);

  const DependencySchedule& dependencies() const { return deps_; }

 private:
  struct Task;
  struct Container;
  enum Kind : std::uint16_t;

  Task& task(ecs::TaskId id);
  Task& create_task(const ecs::LaunchRequest& req, std::int64_t memory_mib);
  TimerId at(Millis t, Kind kind, ecs::TaskId task, std::uint64_t arg = 0);
  // The next traffic period, kTrafficBucket from now: the one train of events beside the heap.
  void schedule_traffic_period();
  void start_up_to(Task& t, ecs::TaskState s);    // a start-up state (PROVISIONING .. RUNNING)
  void report_state(Task& t, ecs::TaskState s);  // traces it and tells the listener

  // Start-up.
  void begin_pulling(Task& t);
  void start_ready_containers(Task& t);
  bool awaits_sibling_plan(const Task& t, const Container& c) const;
  void arm_start_timeout(const Task& t, Container& c);
  template <class Which>
  static bool connects_to_sibling(const Task& t, const Container& c, Which which);
  void start_container(Task& t, Container& c);
  ContainerPlan plan(const Task& t, const Container& c, Millis started_at);
  void maybe_activate(Task& t);
  void register_target(Task& t);
  void become_running(Task& t);

  // Health checks.
  void start_container_check(Task& t, Container& c, bool warm);
  void start_target_check(Task& t, bool warm);
  void forecast_container_check(Task& t, Container& c);
  void forecast_target_check(Task& t);
  void on_container_check_transition(Task& t, Container& c);
  void on_target_transition(Task& t);
  void per_probe_container(Task& t, Container& c, bool result_phase, Millis probe_start);
  void per_probe_target(Task& t, bool result_phase, Millis probe_start);
  void stop_container_check(Task& t, Container& c);
  void report_container_health(Task& t, Container& c, ecs::HealthStatus status);
  void report_target(Task& t, ecs::TargetState state, ecs::ProbeFailure failure);
  ContainerCheckSource container_source(const Container& c) const;
  TargetSource target_source(const Task& t) const;
  void stop_target_check(Task& t, bool draining);

  // A 20-s utilisation sample of the RUNNING tasks (world_utilization.cc).
  void sample_utilization();

  // Shut-down: the agent's steps carried out (world_shutdown.cc).
  void on_container_exit(Task& t, Container& c);
  void fail_to_start(Task& t, const std::string& reason);
  void perform(Task& t, const ecs::AgentSteps& steps);
  static bool containers_running(const Task& t);
  void signal_containers(Task& t);
  // The task's memory as one cap its containers share (task_memory.h, ecs-rules §8).
  void watch_task_memory(Task& t);
  void on_task_memory_exceeded(Task& t);

  // Availability Zones (world_zones.cc, ecs-rules §12.6): where a new task goes, and an az_lost
  // fault stopping every task in its zone. The zone is -1 when the scenario names none.
  int place_in_zone();
  void on_zone_lost(const model::Fault& fault);

  const model::Scenario& scenario_;
  EventQueue& queue_;
  const Millis& now_;
  RngStreams streams_;
  observe::Trace& trace_;
  observe::Metrics& metrics_;
  DependencySchedule deps_;
  ecs::RuntimeListener* listener_ = nullptr;
  ServedTraffic traffic_;
  std::optional<UtilizationSampler> utilization_;  // with autoscaling only: it costs a task scan
  // Indexed by TaskId, in blocks: a task never moves, and neighbours share pages (block_vector.h).
  BlockVector<Task, 32> tasks_;
  std::optional<TaskDefinitionSpecs> own_specs_;  // when no prepared ones were handed in
  const TaskDefinitionSpecs* specs_;               // own_specs_ or the prepared ones
  bool per_probe_;
  std::int64_t placed_memory_mib_ = 0;
  std::vector<int> zone_tasks_;          // [zone]: placed tasks not yet deprovisioned
  std::vector<Millis> zone_down_until_;  // [zone]: no placement there before this
  ExitWordsTable exit_words_;            // the distinct words of the containers' exits
  std::vector<Millis> phase_starts_;     // plan()'s phase starts, for start_container's trace
};

}  // namespace sim::world
