// Application Auto Scaling in front of one ECS service: it hears every report a world sends the
// service controller, passes each on unchanged, and from the traffic reports' utilisation
// samples makes the minute datapoints (scaling_metrics.h) its policies watch
// (service_autoscaler.h). When they call for it, it sets the service's desiredCount the way
// Application Auto Scaling does, through UpdateService (ServiceController::set_desired_count),
// and traces the scaling activity in AWS's words. ecs-rules §13.
#pragma once

#include "sim/ecs/runtime.h"
#include "sim/ecs/scaling_metrics.h"
#include "sim/ecs/service_autoscaler.h"
#include "sim/ecs/service_controller.h"
#include "sim/engine/clock.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace sim::ecs {

class ApplicationAutoScaling final : public RuntimeListener {
 public:
  // `config` and `service` must outlive it.
  ApplicationAutoScaling(const model::ServiceAutoScaling& config, ServiceController& service, const Clock& clock,
                         observe::Trace& trace, observe::Metrics& metrics);

  void on_task_state(TaskId task, TaskState state, const TaskStopInfo* stop) override {
    service_.on_task_state(task, state, stop);
  }
  void on_container_health(TaskId task, int container, HealthStatus status) override {
    service_.on_container_health(task, container, status);
  }
  void on_target_health(TaskId task, TargetState state, ProbeFailure reason) override {
    service_.on_target_health(task, state, reason);
  }
  // The service sees the report first (its alarms); then, at each minute, the policies decide.
  void on_traffic_period(const TrafficReport& report) override;

 private:
  ServiceCapacity capacity() const;

  ServiceController& service_;
  const Clock& clock_;
  observe::Trace& trace_;
  observe::Metrics& run_metrics_;  // scale-outs, scale-ins, peak desiredCount
  ScalingMetrics metrics_;
  ServiceAutoscaler autoscaler_;
  ScalingHeld last_held_ = ScalingHeld::none;
};

}  // namespace sim::ecs
