// The run's trace: a flat list of typed events, in the order they happened. Each event is its
// time and one payload of trace_events.h; the harness turns the trace into the timeline text and
// the JSONL event log, and every consumer reads it through the payload types (TraceEvent::as,
// or std::visit on payload), never through strings. Nothing here formats for people except the
// ECS service-event messages, which are part of what is being simulated.
//
// Why a std::variant rather than one flat record with typed accessors: each kind's fields, and
// only those, exist on its payload, so an emitter cannot leave one out nor a consumer read one
// the kind does not have; the compiler checks both. The cost is the size of the largest payload
// per event (a few strings), which a disabled trace never pays: emit sites build the payload only
// after `if (trace.enabled())`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "sim/engine/time.h"
#include "sim/observe/trace_events.h"

namespace sim::observe {

// The kinds, named as the JSONL log names them; TracePayload lists their payloads in this order.
enum class TraceKind : std::uint8_t {
  service_event,
  deployment_state,
  task_launched,
  placement_failed,
  task_state,
  task_stopped,
  container_started,
  container_exited,
  container_health,
  task_counted_healthy,
  target_health,
  breaker_count,
  throttle,
  stop_requested,
  app_phase,
  dependency_state,
  alarm_state,
  lifecycle_stage,
  lifecycle_hook,
  service_updated,
  scaling_activity,
  scaling_held,
  availability_zone_lost,
};

using TracePayload =
    std::variant<ServiceEvent, DeploymentStateChanged, TaskLaunched, PlacementFailed, TaskStateChanged, TaskStopped,
                 ContainerStarted, ContainerExited, ContainerHealthChanged, TaskCountedHealthy, TargetHealthChanged,
                 BreakerCounted, LaunchThrottled, StopRequested, AppPhaseEntered, DependencyChanged,
                 AlarmStateChanged, LifecycleStageEntered, LifecycleHookAnswered, ServiceUpdated,
                 ScalingActivityStarted, ScalingHeldBack, AvailabilityZoneLost>;

static_assert(std::variant_size_v<TracePayload> == static_cast<std::size_t>(TraceKind::availability_zone_lost) + 1,
              "one payload per TraceKind, in TraceKind's order");

struct TraceEvent {
  Millis at{0};
  TracePayload payload;

  TraceKind kind() const { return static_cast<TraceKind>(payload.index()); }
  // The payload if this event is of kind P, else nullptr: `if (auto* l = e.as<TaskLaunched>())`.
  template <class P>
  const P* as() const {
    return std::get_if<P>(&payload);
  }
  // The task the event is about; none for service-, deployment- and world-wide events.
  std::optional<ecs::TaskId> task() const;
  // The deployment the event is about, when it names one.
  std::optional<ecs::DeploymentId> deployment() const;
};

// Collects trace events when enabled; when disabled (benchmarks, sweeps) callers skip building
// them, so tracing costs nothing. Past `cap` events it is full(): the run loop then stops (RunEnd
// trace_cap), so a trace's memory is bounded whatever the horizon — a few hundred bytes an event.
class Trace {
 public:
  explicit Trace(bool enabled, std::size_t cap = SIZE_MAX) : enabled_(enabled), cap_(cap) {}
  bool enabled() const { return enabled_; }
  // Records `payload` at `at` when enabled. Callers test enabled() first, so a disabled trace
  // never builds the payload: `if (trace.enabled()) trace.add(now, TaskLaunched{...});`.
  void add(Millis at, TracePayload payload) {
    if (enabled_) events_.push_back({at, std::move(payload)});
  }
  bool full() const { return events_.size() >= cap_; }
  const std::vector<TraceEvent>& events() const { return events_; }

 private:
  bool enabled_;
  std::size_t cap_;
  std::vector<TraceEvent> events_;
};

const char* to_string(TraceKind k);

}  // namespace sim::observe
