// The run's trace: a flat list of structured events, in the order they happened. The harness
// turns it into the timeline text and the JSONL event log; nothing here formats for people
// except the ECS service-event messages, which are part of what is being simulated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/ecs/task_state.h"
#include "sim/engine/time.h"

namespace sim::observe {

enum class TraceKind : std::uint8_t {
  service_event,        // text: an ECS service event, as the console shows it
  deployment_state,     // deployment: a = rollout state, text: reason
  task_launched,        // task, deployment, a = task definition index
  placement_failed,     // deployment, text: reason
  task_state,           // task, a = TaskState
  task_stopped,         // task, a = StopCode, b = exit code, text: stoppedReason; detail: container reason
  container_started,    // task, a = container index
  container_exited,     // task, a = container index, b = exit code, text: reason
  container_health,     // task, a = container index, b = HealthStatus
  task_counted_healthy, // task: counts toward minimumHealthyPercent now
  target_health,        // task, a = TargetState, text: reason code
  breaker_count,        // deployment, a = failures, b = threshold, text: why
  throttle,             // a = delay ms, b = consecutive start failures
  stop_requested,       // task, a = StopCause
  app_phase,            // task, a = container, text: phase name; b = 1 if start-up stalls here, detail: why
  dependency_state,     // text: dependency name, a = 1 up / 0 down
  invariant_violated,   // text: which
  alarm_state,          // text: alarm name, a = AlarmState, b = datapoint x 1000
  lifecycle_stage,      // deployment, a = LifecycleStage, b = traffic shift step, text: stage name
  lifecycle_hook,       // deployment, a = LifecycleStage, b = HookVerdictStatus, text: hookTargetArn
};

struct TraceEvent {
  Millis at{0};
  TraceKind kind = TraceKind::service_event;
  std::uint32_t task = 0;
  std::uint32_t deployment = 0;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::string text;
  std::string detail;
};

// Collects trace events when enabled; when disabled (benchmarks, sweeps) callers skip building
// them, so tracing costs nothing. Past `cap` events it is full(): the run loop then stops (RunEnd
// trace_cap), so a trace's memory is bounded whatever the horizon — a few hundred bytes an event.
class Trace {
 public:
  explicit Trace(bool enabled, std::size_t cap = SIZE_MAX) : enabled_(enabled), cap_(cap) {}
  bool enabled() const { return enabled_; }
  void add(TraceEvent e) {
    if (enabled_) events_.push_back(std::move(e));
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
