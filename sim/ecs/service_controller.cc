#include "sim/ecs/service_controller.h"

#include <algorithm>

namespace sim::ecs {

ServiceController::ServiceController(const model::Scenario& scenario, const RuleSet& rules, Clock& clock,
                                     Runtime& runtime, observe::Trace& trace, observe::Metrics& metrics)
    : scenario_(scenario),
      rules_(rules),
      clock_(clock),
      runtime_(runtime),
      trace_(trace),
      run_(scenario.seed, clock),
      ledger_(run_),
      metrics_(metrics, scenario.service.desired_count),
      service_(scenario.service),
      service_name_("(service " + scenario.service.name + ")"),
      bounds_(task_bounds(scenario.service.desired_count, scenario.service.deployment.minimum_healthy_percent,
                          scenario.service.deployment.maximum_percent)),
      has_lb_(scenario.service.load_balancer.has_value()),
      throttle_(rules.throttle_cap),
      alarms_(scenario.traffic ? scenario.alarms : std::vector<model::AlarmDefinition>{}) {
  task_definition_added();
}

void ServiceController::task_definition_added() {
  for (std::size_t i = td_has_checks_.size(); i < scenario_.task_definitions.size(); ++i) {
    bool checks = false;
    for (const model::ContainerDefinition& c : scenario_.task_definitions[i].containers)
      checks = checks || (c.essential && c.health_check);
    td_has_checks_.push_back(checks);
  }
}

int ServiceController::threshold_in_force() const {
  return breaker_threshold(service_.deployment.circuit_breaker, service_.desired_count, rules_);
}

std::vector<LaunchRequest> ServiceController::install_initial_deployment(int td) {
  deployments_.emplace_back(0, td, clock_.now(), service_.deployment.circuit_breaker, rules_);
  Deployment& d = deployments_.back();
  d.rollout = RolloutState::completed;
  last_completed_ = 0;
  primary_index_ = 0;
  if (service_.deployment.strategy != model::DeploymentStrategy::rolling) split_ = TrafficSplit{d.id, d.id, 0};
  const std::size_t containers = scenario_.task_definitions.at(static_cast<std::size_t>(td)).containers.size();
  std::vector<LaunchRequest> requests;
  for (int i = 0; i < service_.desired_count; ++i) {
    const TaskId id = ledger_.add(d.id, td, clock_.now(), containers);
    ledger_.record(id).old_enough = true;  // warm tasks have been running for long
    requests.push_back({id, d.id, td});
  }
  return requests;
}

void ServiceController::deploy(int td) {
  integrate_metrics();
  const DeploymentId id = static_cast<DeploymentId>(deployments_.size());
  for (Deployment& d : deployments_)
    if (d.status == DeploymentStatus::primary) d.status = DeploymentStatus::active;
  // RECONCILE_SERVICE happens only with more than one revision ACTIVE (API_DeploymentLifecycleHook).
  int active_revisions = 0;
  for (const Deployment& d : deployments_) active_revisions += ledger_.of(d.id).not_stopped > 0 ? 1 : 0;
  deployments_.emplace_back(id, td, clock_.now(), service_.deployment.circuit_breaker, rules_);
  primary_index_ = id;
  // The newest deployment is the one under test: its outcome is the run's (ecs-rules §12.2).
  deployed_ = id;
  outcome_.reset();
  deployments_.back().reconcile_service = active_revisions > 1;
  // Updating the service resets the launch throttle (service-throttle-logic.html).
  throttle_.reset();
  next_launch_at_ = clock_.now();
  metrics_.start_deploy(clock_.now(), threshold_in_force(), traffic_served());
  watch_new_deployment(deployments_.back());
  service_event([&] {
    return event_text::started_deployment(service_name_, deployments_.back().name(),
                                          scenario_.task_definitions.at(static_cast<std::size_t>(td)).arn_name());
  });
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::DeploymentStateChanged{.deployment = id,
                                                             .state = RolloutState::in_progress,
                                                             .rollback = false,
                                                             .breaker_threshold = threshold_in_force(),
                                                             .failed_tasks = 0,
                                                             .reason = {}});
  request_reconcile(clock_.now());
}

void ServiceController::on_timer(std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) {
  switch (static_cast<Timer>(kind)) {
    case reconcile_timer:
      reconcile_pending_ = false;
      reconcile_at_ = kNever;
      reconcile();
      break;
    case healthy_after_running_timer:
      ledger_.record(subject).old_enough = true;
      update_counted_healthy(subject);
      break;
    case grace_recheck_timer:
      check_health_failure(subject);
      break;
    case bake_timer:
      request_reconcile(clock_.now());
      break;
    case lifecycle_hook_timer:
      on_hook_answer(subject, static_cast<std::size_t>(arg));
      break;
  }
}

void ServiceController::request_reconcile(Millis at) {
  if (reconcile_pending_ && reconcile_at_ <= at) return;
  if (reconcile_pending_) clock_.cancel(reconcile_timer_id_);
  reconcile_pending_ = true;
  reconcile_at_ = at;
  reconcile_timer_id_ = clock_.call_at(at, reconcile_timer, 0, 0);
}

void ServiceController::integrate_metrics() {
  route_traffic();
  metrics_.advance(clock_.now(), ledger_.healthy());
}

void ServiceController::finish(Millis end) {
  (void)end;
  integrate_metrics();
  if (const TrafficReport* traffic = traffic_served(); traffic && deployed_) {
    std::vector<int> task_definition_of;
    for (const Deployment& d : deployments_) task_definition_of.push_back(d.task_definition);
    metrics_.finish_traffic(*traffic, task_definition_of);
  }
  for (const TaskRecord& r : ledger_.records())
    if (r.state != TaskState::stopped) metrics_.task_lifetime(clock_.now(), r.launched_at);
  ledger_.audit();
}

}  // namespace sim::ecs
