// ServiceController: UpdateService calls over time (ecs-rules §12) — the desiredCount, the
// deployment configuration and the grace period change at once; a new task definition or
// forceNewDeployment starts a deployment beside the ones still running.
#include <algorithm>

#include "sim/ecs/service_controller.h"

namespace sim::ecs {

void ServiceController::apply(const model::ServiceUpdate& u) {
  integrate_metrics();
  // The call first, then what it causes: the trace reads in cause-and-effect order.
  if (trace_.enabled()) {
    std::optional<DeploymentId> starts;
    if (u.starts_deployment()) starts = static_cast<DeploymentId>(deployments_.size());
    trace_.add(clock_.now(),
               observe::ServiceUpdated{.origin = u.origin,
                                       .desired_count = u.desired_count,
                                       .task_definition = u.task_definition,
                                       .force_new_deployment = u.force_new_deployment,
                                       .configuration_changed = u.deployment_configuration || u.health_check_grace_period,
                                       .started = starts});
  }
  if (u.deployment_configuration) {
    // Not a new deployment: the running one continues under the new bounds and breaker
    // settings (UpdateService; ecs-rules §12.1).
    service_.deployment = *u.deployment_configuration;
    bounds_ = task_bounds(service_.desired_count, service_.deployment.minimum_healthy_percent,
                          service_.deployment.maximum_percent);
  }
  if (u.health_check_grace_period) service_.health_check_grace_period = *u.health_check_grace_period;
  if (u.desired_count) set_desired_count(*u.desired_count);
  // forceNewDeployment without a task definition redeploys the one the service is on.
  if (u.starts_deployment()) deploy(u.task_definition.value_or(primary().task_definition));
  request_reconcile(clock_.now());
}

void ServiceController::observe_from_start() {
  metrics_.start_deploy(clock_.now(), threshold_in_force(), traffic_served());
}

void ServiceController::set_desired_count(int count) {
  integrate_metrics();
  const int before = service_.desired_count;
  service_.desired_count = count;
  bounds_ = task_bounds(count, service_.deployment.minimum_healthy_percent, service_.deployment.maximum_percent);
  metrics_.desired_count(count);
  // Nov 2025: a scale-out during a rolling deployment applies to both revisions (ecs-rules
  // §12.4). How ECS splits the added tasks is not published; ours: the older revisions get their
  // share of the increase in proportion to their live tasks now (rounded down), launched from
  // their own revision like owed replacements; the primary heads for the new count as always.
  Deployment& p = primary();
  const bool rolling = service_.deployment.strategy == model::DeploymentStrategy::rolling;
  if (count > before && rolling && rules_.replace_with_own_revision && p.rollout == RolloutState::in_progress) {
    const int added = count - before;
    const int live = std::max(ledger_.live(), 1);
    for (Deployment& d : deployments_) {
      if (d.id == p.id || !replaces_with_own_revision(d)) continue;
      d.own_replacements_owed += added * ledger_.of(d.id).live / live;
    }
  }
  request_reconcile(clock_.now());
}

}  // namespace sim::ecs
