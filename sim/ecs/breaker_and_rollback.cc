// ServiceController: counting failures, tripping the circuit breaker, rolling back, completing.
#include "sim/ecs/bake.h"
#include "sim/ecs/service_controller.h"

namespace sim::ecs {

void ServiceController::record_failure(Deployment& d, const std::string& why, bool start_failure) {
  ++d.failed_tasks;
  if (is_deployed(d)) metrics_.failure_counted(clock_.now());
  // The breaker watches the PRIMARY deployment only: an older deployment still draining after a
  // newer one started cannot trip (ecs-rules §12.2).
  if (d.rollout != RolloutState::in_progress || !d.breaker.enabled() || d.id != primary().id) return;
  // Stage 1 counts tasks that never reach RUNNING; once one task of the deployment has, stage 1
  // is over and only health-check failures count (deployment-circuit-breaker.html; ecs-rules §1.3).
  if (start_failure && d.breaker.stage() != BreakerStage::tasks_reaching_running) return;
  const int desired = service_.desired_count;
  const bool tripped = d.breaker.on_task_failed(desired);
  metrics_.breaker_counted(d.breaker.failures());
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::BreakerCounted{d.id, d.breaker.failures(), d.breaker.threshold(desired), why});
  if (tripped) trip(d, start_failure ? "tasks failed to start" : "tasks failed health checks or exited");
}

void ServiceController::trip(Deployment& d, const std::string& why) {
  fail_deployment(d, "ECS deployment circuit breaker", why, service_.deployment.circuit_breaker.rollback);
}

// Breaker and alarms: whichever detects first fails the deployment, and it rolls back only if
// that method has rollback=true (deployment-alarm-failure.html; ecs-rules §2).
void ServiceController::fail_deployment(Deployment& d, const std::string& detector, const std::string& why,
                                        bool rollback) {
  route_traffic();  // the 5xx served up to now
  d.rollout = RolloutState::failed;
  d.rollout_reason = detector + ": " + why + ".";
  while (ledger_.of(d.id).lingering > 0) stop_one_lingering(d);
  if (is_deployed(d)) metrics_.deployment_failed(clock_.now(), traffic_served());
  service_event([&] { return event_text::deployment_failed(service_name_, d.name(), why); });
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::DeploymentStateChanged{.deployment = d.id,
                                                             .state = RolloutState::failed,
                                                             .rollback = false,
                                                             .breaker_threshold = 0,
                                                             .failed_tasks = d.breaker.failures(),
                                                             .reason = d.rollout_reason});
  if (!rollback) {
    // rollback=false: FAILED, no further launches, no rollback deployment (ecs-rules §1.4).
    reach_outcome(observe::Outcome::failed);
    metrics_.outcome_at(clock_.now());
    return;
  }
  // Roll back to the most recent COMPLETED deployment; with none, the deployment stalls (§1.4).
  if (!last_completed_) {
    service_event([&] { return event_text::cannot_roll_back(service_name_, d.name()); });
    reach_outcome(observe::Outcome::failed);
    metrics_.outcome_at(clock_.now());
    return;
  }
  roll_back_to_last_completed(d, detector);
}

void ServiceController::roll_back_to_last_completed(Deployment& d, const std::string& detector) {
  Deployment& target = deployments_[*last_completed_];
  SIM_INVARIANT(run_, target.rollout == RolloutState::completed,
                "the rollback target " + target.name() + " is COMPLETED");
  last_completed_.reset();  // it flips to IN_PROGRESS and is not a rollback target until it completes
  for (Deployment& other : deployments_)
    if (other.status == DeploymentStatus::primary) other.status = DeploymentStatus::active;
  target.status = DeploymentStatus::primary;
  target.rollout = RolloutState::in_progress;
  target.is_rollback = true;
  target.reported_blocked = false;
  target.breaker = CircuitBreaker(service_.deployment.circuit_breaker, rules_);
  primary_index_ = target.id;
  // Blue/green, canary, linear: blue still runs, so production traffic goes straight back to it
  // (ecs-rules §3.2).
  if (split_ && split_->green_basis_points > 0 && split_->blue == target.id)
    shift_production_traffic(0, "rollback");
  throttle_.reset();
  next_launch_at_ = clock_.now();
  service_event([&] { return event_text::rolling_back(service_name_, d.name(), detector, target.name()); });
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::DeploymentStateChanged{.deployment = target.id,
                                                             .state = RolloutState::in_progress,
                                                             .rollback = true,
                                                             .breaker_threshold = 0,
                                                             .failed_tasks = 0,
                                                             .reason = {}});
  ledger_.audit();
  request_reconcile(clock_.now());
}

void ServiceController::reach_outcome(observe::Outcome outcome) {
  if (outcome_) return;
  outcome_ = outcome;
  metrics_.outcome_reached();
}

void ServiceController::check_completion() {
  Deployment& p = primary();
  if (p.rollout != RolloutState::in_progress) return;
  const DeploymentTasks& tasks = ledger_.of(p.id);
  if (tasks.live != service_.desired_count || tasks.live_unhealthy != 0) return;
  for (const Deployment& d : deployments_)
    if (d.id != p.id && ledger_.of(d.id).not_stopped > 0) return;
  // Steady state: the primary runs desiredCount healthy tasks and nothing else is left (§9).
  // ROLLING: the old revision is at 0 here, so SCALE_UP is over; POST_SCALE_UP, BAKE_TIME and
  // CLEAN_UP follow (ecs-rules §3.3; where a rolling update puts them is our reading).
  const bool rolling = service_.deployment.strategy == model::DeploymentStrategy::rolling;
  if (rolling && in_lifecycle(p) && !pass_stage(p, model::LifecycleStage::post_scale_up)) return;
  if (baking(p)) return;
  if (in_lifecycle(p)) pass_stage(p, model::LifecycleStage::clean_up);
  integrate_metrics();
  p.rollout = RolloutState::completed;
  last_completed_ = p.id;
  for (Deployment& d : deployments_)
    if (d.id != p.id) d.status = DeploymentStatus::inactive;
  service_event([&] { return event_text::deployment_completed(service_name_, p.name()); });
  service_event([&] { return event_text::steady_state(service_name_); }, /*steady_state=*/true);
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::DeploymentStateChanged{.deployment = p.id,
                                                             .state = RolloutState::completed,
                                                             .rollback = false,
                                                             .breaker_threshold = 0,
                                                             .failed_tasks = 0,
                                                             .reason = {}});
  ledger_.audit();
  if (!deployed_ || outcome_) return;
  reach_outcome(p.is_rollback ? observe::Outcome::rolled_back : observe::Outcome::completed);
  metrics_.outcome_at(clock_.now());
}

// With alarms, a rolling deployment at steady state stays IN_PROGRESS for the bake window while
// its alarms are still watched (deployment-alarm-failure.html; ecs-rules §2). True while baking.
bool ServiceController::baking(Deployment& p) {
  if (!is_deployed(p) || p.is_rollback) return false;
  if (service_.deployment.strategy != model::DeploymentStrategy::rolling) return false;
  const Millis window = rolling_bake_window(service_.deployment, scenario_.alarms);
  if (window <= Millis{0}) return false;
  if (p.bake_until == kNever) {
    enter_stage(p, model::LifecycleStage::bake_time);
    p.bake_until = clock_.now() + window;
    clock_.call_at(p.bake_until, bake_timer, p.id, 0);
    service_event([&] { return event_text::rolling_bake_started(service_name_, p.name(), window); }, /*steady_state=*/true);
  }
  return clock_.now() < p.bake_until;
}

}  // namespace sim::ecs
