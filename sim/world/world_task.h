// The simulated world's per-task and per-container state, shared by the files that implement
// SimulatedWorld (start-up, health checks, shut-down). Internal to sim/world.
#pragma once

#include <boost/container/small_vector.hpp>
#include <set>
#include <string>
#include <vector>

#include "sim/world/simulated_world.h"

namespace sim::world {

using ecs::HealthStatus;
using ecs::TaskState;
using ecs::TargetState;

enum SimulatedWorld::Kind : std::uint16_t {
  provisioned,
  pulled,
  activated,
  container_exit,              // arg: container index
  container_check_transition,  // arg: container index
  target_transition,
  container_probe_start,       // per-probe mode; arg: container index
  container_probe_result,      // per-probe mode; arg: container index | probe start << 8
  target_probe_start,          // per-probe mode
  target_probe_result,         // per-probe mode; arg: probe start
  drain_done,
  deprovisioned,
  start_timeout,               // arg: container index
  fault_kill,                  // arg: fault index
  trace_phase,                 // arg: container index | phase << 8 (trace only)
  trace_dependency,            // arg: edge index (trace only)
  traffic_period,              // every kTrafficBucket: the traffic served goes to the listener
  task_memory_exceeded,        // the containers together reached the task's memory
  zone_lost,                   // arg: fault index (an az_lost fault)
};

// Fields ordered so that the small ones share words: a 10,000-task run writes 20,000 of these.
struct SimulatedWorld::Container {
  int index = 0;
  int exit_code = 0;
  bool started = false;
  bool exited = false;
  bool sigterm_sent = false;
  HealthStatus health = HealthStatus::unknown;
  const ContainerSpec* spec = nullptr;
  const model::ContainerDefinition* def = nullptr;
  const model::AppProfile* profile = nullptr;
  ContainerPlan plan;
  TimerId exit_timer = kNoTimer;
  // Docker's health check; `check` is set when it starts.
  bool check_active = false;
  ecs::ContainerHealthMachine check;  // state after the last transition
  Millis check_next_start{0};
  Forecast<ecs::ContainerHealthMachine> check_forecast;
  TimerId check_timer = kNoTimer;
  TimerId start_timeout_timer = kNoTimer;
  Millis start_deadline = kNever;  // when the agent gives up on its dependencies (ecs-rules §7.3)
};

struct SimulatedWorld::Task {
  ecs::TaskId id = 0;
  ecs::DeploymentId deployment = 0;
  int task_definition = 0;
  // Its Availability Zone (index into ServiceConfig::availability_zones) while it counts there;
  // -1 when the scenario names no zones, once deprovisioned, or once its zone was lost.
  int zone = -1;
  ecs::TaskLifecycle agent;  // its lifecycle state and stop code, by the ECS agent's rules
  // Inline for a one-container task, the usual kind: no allocation of its own per task.
  boost::container::small_vector<Container, 1> containers;
  TimerId state_timer = kNoTimer;
  TimerId memory_timer = kNoTimer;  // when the containers together reach the task's memory
  std::int64_t memory_mib = 0;
  bool containers_signalled = false;  // the agent is stopping them, dependents first
  // The load balancer target.
  bool registered = false;
  TargetState target = TargetState::unused;
  bool target_active = false;
  int lb_container = 0;
  ecs::TargetHealthMachine target_machine;  // set when its checks start
  Millis target_next_start{0};
  Forecast<ecs::TargetHealthMachine> target_forecast;
  TimerId target_timer = kNoTimer;

  TaskState state() const { return agent.state(); }
};

// Whether a phase of `c` connects to another container of its task for which `which` holds.
template <class Which>
bool SimulatedWorld::connects_to_sibling(const Task& t, const Container& c, Which which) {
  for (const model::StartupPhase& phase : c.profile->phases)
    for (const std::string& name : phase.connects_to)
      for (const Container& other : t.containers)
        if (&other != &c && other.def->name == name && which(other)) return true;
  return false;
}

// The world's random streams, one per purpose, hashed once (sim/engine/rng.h).
inline constexpr std::uint64_t kProvisioningStream = stream_name("task.provisioning");
inline constexpr std::uint64_t kStartupStream = stream_name("container.startup");
inline constexpr std::uint64_t kCheckPhaseStream = stream_name("container.check.phase");
inline constexpr std::uint64_t kTargetPhaseStream = stream_name("target.check.phase");
inline constexpr std::uint64_t kDeprovisioningStream = stream_name("task.deprovisioning");
inline constexpr std::uint64_t kPullStream = stream_name("task.pull");
inline constexpr std::uint64_t kActivatingStream = stream_name("task.activating");

// Answers Docker's check for one container: the command may not run at all (a missing binary),
// may name no URL (then it passes while the process lives), or probes the app over HTTP.
struct ContainerCheckSource {
  AppEndpoint endpoint;
  const HttpProbe& probe;
  bool runnable;
  bool has_url;
  const ContainerPlan& plan;

  ecs::ProbeOutcome answer(Millis t) const {
    if (!runnable) return {false, Millis{0}, ecs::ProbeFailure::binary_missing, 127};
    if (!has_url) {
      const bool up = t >= plan.started_at && t < plan.exit_at;
      return {up, Millis{0}, up ? ecs::ProbeFailure::none : ecs::ProbeFailure::connection_refused, 0};
    }
    return endpoint.answer(probe, t);
  }
  Millis next_change(Millis t) const {
    if (!runnable) return kNever;
    if (!has_url) return t < plan.exit_at ? plan.exit_at : kNever;
    return endpoint.next_change(probe, t);
  }
};

struct TargetSource {
  AppEndpoint endpoint;
  const HttpProbe& probe;
  ecs::ProbeOutcome answer(Millis t) const { return endpoint.answer(probe, t); }
  Millis next_change(Millis t) const { return endpoint.next_change(probe, t); }
};

}  // namespace sim::world
