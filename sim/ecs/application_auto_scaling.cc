#include "sim/ecs/application_auto_scaling.h"

#include <algorithm>

namespace sim::ecs {

ApplicationAutoScaling::ApplicationAutoScaling(const model::ServiceAutoScaling& config, ServiceController& service,
                                               const Clock& clock, observe::Trace& trace, observe::Metrics& metrics)
    : service_(service), clock_(clock), trace_(trace), run_metrics_(metrics), autoscaler_(config) {}

void ApplicationAutoScaling::on_traffic_period(const TrafficReport& report) {
  service_.on_traffic_period(report);
  const std::optional<ScalingDatapoints> minute = metrics_.on_report(clock_.now(), report);
  if (!minute) return;
  const std::optional<ScalingActivity> activity = autoscaler_.on_minute(clock_.now(), *minute, capacity());
  if (autoscaler_.held() != last_held_) {
    last_held_ = autoscaler_.held();
    if (last_held_ != ScalingHeld::none && trace_.enabled())
      trace_.add(clock_.now(), observe::ScalingHeldBack{autoscaler_.wanted(), last_held_});
  }
  if (!activity) return;
  if (trace_.enabled()) {
    trace_.add(clock_.now(), observe::ScalingActivityStarted{activity->direction, activity->from, activity->to,
                                                              activity->policy, activity->alarm, activity->metric,
                                                              activity->metric_thousandths});
  }
  ++(activity->direction == ScalingDirection::out ? run_metrics_.scale_outs : run_metrics_.scale_ins);
  run_metrics_.peak_desired_count = std::max(run_metrics_.peak_desired_count, activity->to);
  service_.set_desired_count(activity->to);
}

// The starting point is the RUNNING tasks of every revision (the metric is the service's, and so
// is runningCount); scale-in is off while any deployment is IN_PROGRESS (§13.3, §13.4).
ServiceCapacity ApplicationAutoScaling::capacity() const {
  ServiceCapacity c;
  c.running = service_.tasks().running();
  c.desired = service_.service().desired_count;
  for (const Deployment& d : service_.deployments())
    if (d.rollout == RolloutState::in_progress && d.status != DeploymentStatus::inactive) c.deployment_in_progress = true;
  return c;
}

}  // namespace sim::ecs
