#include "sim/ecs/service_controller.h"

#include <algorithm>

#include "sim/ecs/task_record.h"

namespace sim::ecs {
namespace {

// The app that answers a task of `td`'s requests: the load balancer's container's, or the first
// container's without a load balancer; null if it has none.
const model::AppProfile* served_app(const model::TaskDefinition& td, const model::Scenario& s) {
  if (td.containers.empty()) return nullptr;
  const model::ContainerDefinition* served = &td.containers.front();
  for (const model::ContainerDefinition& c : td.containers)
    if (c.name == s.service.container_name_for_lb) served = &c;
  const auto app = s.apps.find(served->image);
  return app == s.apps.end() ? nullptr : &app->second;
}

}  // namespace

ServiceController::ServiceController(const model::Scenario& scenario, const RuleSet& rules,
                                     Clock& clock, Runtime& runtime, observe::Trace& trace,
                                     observe::Metrics& metrics)
    : scenario_(scenario),
      rules_(rules),
      clock_(clock),
      runtime_(runtime),
      trace_(trace),
      metrics_(metrics),
      service_("(service " + scenario.service.name + ")"),
      bounds_(task_bounds(scenario.service.desired_count, scenario.service.deployment.minimum_healthy_percent,
                          scenario.service.deployment.maximum_percent)),
      has_lb_(scenario.service.load_balancer.has_value()),
      throttle_(rules.throttle_cap) {
  for (const model::TaskDefinition& td : scenario.task_definitions) {
    bool checks = false;
    for (const model::ContainerDefinition& c : td.containers) checks = checks || (c.essential && c.health_check);
    td_has_checks_.push_back(checks);
    const model::AppProfile* app = served_app(td, scenario);
    td_error_basis_points_.push_back(app ? app->request_error_basis_points : 0);
    td_latency_.push_back(app && app->request_latency ? *app->request_latency : model::RequestLatency{});
  }
}

ServiceController::~ServiceController() = default;

int ServiceController::threshold_in_force() const {
  return breaker_threshold(scenario_.service.deployment.circuit_breaker, scenario_.service.desired_count, rules_);
}

std::vector<LaunchRequest> ServiceController::install_initial_deployment(int td) {
  deployments_.emplace_back(0, td, clock_.now(), scenario_.service.deployment.circuit_breaker, rules_);
  Deployment& d = deployments_.back();
  d.rollout = RolloutState::completed;
  last_completed_ = 0;
  primary_index_ = 0;
  if (scenario_.service.deployment.strategy != model::DeploymentStrategy::rolling) split_ = TrafficSplit{d.id, d.id, 0};
  std::vector<LaunchRequest> requests;
  for (int i = 0; i < scenario_.service.desired_count; ++i) {
    const TaskId id = static_cast<TaskId>(tasks_.size());
    TaskRecord r;
    r.deployment = d.id;
    r.task_definition = td;
    r.launched_at = clock_.now();
    r.container_health.assign(scenario_.task_definitions.at(static_cast<std::size_t>(td)).containers.size(),
                              HealthStatus::unknown);
    r.old_enough = true;  // warm tasks have been running for long
    tasks_.push_back(r);
    ++d.live;
    ++d.live_unhealthy;
    ++d.not_stopped;
    ++live_total_;
    ++live_unhealthy_total_;
    d.unhealthy_queue.push_back(id);
    requests.push_back({id, d.id, td});
  }
  start_traffic();
  return requests;
}

void ServiceController::deploy(int td) {
  integrate_metrics();
  const DeploymentId id = static_cast<DeploymentId>(deployments_.size());
  for (Deployment& d : deployments_)
    if (d.status == DeploymentStatus::primary) d.status = DeploymentStatus::active;
  deployments_.emplace_back(id, td, clock_.now(), scenario_.service.deployment.circuit_breaker, rules_);
  primary_index_ = id;
  deployed_ = id;
  // RECONCILE_SERVICE happens only with more than one revision ACTIVE (API_DeploymentLifecycleHook).
  int active_revisions = 0;
  for (const Deployment& d : deployments_) active_revisions += d.id != id && d.not_stopped > 0 ? 1 : 0;
  deployments_.back().reconcile_service = active_revisions > 1;
  // Updating the service resets the launch throttle (service-throttle-logic.html).
  throttle_.reset();
  next_launch_at_ = clock_.now();
  metrics_.deploy_started_at = clock_.now();
  metrics_.breaker_threshold = threshold_in_force();
  last_integrated_ = clock_.now();
  watch_new_deployment(deployments_.back());
  const model::TaskDefinition& def = scenario_.task_definitions.at(static_cast<std::size_t>(td));
  service_event(service_ + " has started deployment " + deployments_.back().name() + " with task definition " +
                def.arn_name() + ".");
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::DeploymentStateChanged{id, RolloutState::in_progress, false,
                                                             metrics_.breaker_threshold, 0, {}});
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
      tasks_.at(subject).old_enough = true;
      update_counted_healthy(subject);
      break;
    case grace_recheck_timer:
      check_health_failure(subject);
      break;
    case traffic_bucket_timer:
      on_traffic_bucket();
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

void ServiceController::service_event(const std::string& text) {
  if (trace_.enabled()) trace_.add(clock_.now(), observe::ServiceEvent{text});
}

void ServiceController::violation(const std::string& text) {
  ++metrics_.invariant_violations;
  trace_.add(clock_.now(), observe::InvariantViolated{text});
}

void ServiceController::integrate_metrics() {
  advance_traffic();
  const Millis now = clock_.now();
  if (deployed_ && !outcome_ && now > last_integrated_) {
    const Millis dt = now - last_integrated_;
    if (healthy_total_ < scenario_.service.desired_count) metrics_.below_desired_healthy += dt;
    if (healthy_total_ == 0) metrics_.zero_healthy += dt;
  }
  last_integrated_ = now;
}

void ServiceController::finish(Millis end) {
  (void)end;
  integrate_metrics();
  close_traffic_metrics();
  for (const TaskRecord& r : tasks_)
    if (r.state != TaskState::stopped && deployed_)
      metrics_.task_milliseconds += (clock_.now() - std::max(r.launched_at, metrics_.deploy_started_at)).count();
}

}  // namespace sim::ecs
