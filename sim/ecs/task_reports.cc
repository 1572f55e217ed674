// ServiceController: what the world reports — task states, container and target health — and
// what follows: counting tasks healthy, replacing unhealthy ones after the grace period.
#include "sim/ecs/service_controller.h"

namespace sim::ecs {

void ServiceController::on_task_state(TaskId id, TaskState state, const TaskStopInfo* stop) {
  SIM_INVARIANT(run_, id < ledger_.size(), "a report of task " + std::to_string(id) + ", which was never launched");
  TaskRecord& r = ledger_.record(id);
  Deployment& d = deployment_of(id);
  // STOPPED is counted once the task has left the live set and no longer lingers (below).
  if (state != TaskState::stopped) ledger_.set_state(id, state);
  if (state == TaskState::running && !r.reached_running) {
    r.reached_running = true;
    r.running_at = clock_.now();
    d.has_running_task = true;
    d.breaker.on_task_running();
    throttle_.on_task_running();
    if (!has_lb_ && !td_has_checks_[static_cast<std::size_t>(r.task_definition)] && !r.old_enough)
      clock_.call_at(clock_.now() + rules_.healthy_without_checks_after, healthy_after_running_timer, id, 0);
    update_counted_healthy(id);
    check_health_failure(id);
    return;
  }
  if (!is_live(state) && r.live) {
    on_left_live(id, stop);
    request_reconcile(clock_.now());
  }
  if (!is_live(state) && r.lingering) end_lingering(id, false);
  if (state == TaskState::stopped) {
    ledger_.set_state(id, state);
    if (r.unhealthy_stop_in_flight) {
      r.unhealthy_stop_in_flight = false;
      --unhealthy_stops_in_flight_;
      if (!awaiting_unhealthy_stop_.empty()) request_reconcile(clock_.now());  // the next one's turn
    }
    metrics_.task_lifetime(clock_.now(), r.launched_at);
    if (trace_.enabled() && stop)
      trace_.add(clock_.now(), observe::TaskStopped{id, r.deployment, stop->code,
                                                    stop->exit_code >= 0 ? std::optional<int>(stop->exit_code)
                                                                         : std::nullopt,
                                                    stop->stopped_reason, stop->container_reason});
    check_completion();
  }
}

void ServiceController::on_container_health(TaskId id, int container, HealthStatus status) {
  SIM_INVARIANT(run_, id < ledger_.size(), "a report of task " + std::to_string(id) + ", which was never launched");
  ledger_.record(id).container_health.at(static_cast<std::size_t>(container)) = status;
  update_counted_healthy(id);
  check_health_failure(id);
}

void ServiceController::on_target_health(TaskId id, TargetState state, ProbeFailure reason) {
  SIM_INVARIANT(run_, id < ledger_.size(), "a report of task " + std::to_string(id) + ", which was never launched");
  ledger_.record(id).target = state;
  ledger_.record(id).target_failure = reason;
  update_counted_healthy(id);
  // A failing-open target group routes by every registered target, healthy or not (§6).
  if (may_fail_open()) route_traffic();
  check_health_failure(id);
}

// ECS task healthStatus: UNHEALTHY if an essential container is, HEALTHY when every essential
// container with a check is (API_Task healthStatus).
static HealthStatus task_health(const ContainerHealths& containers,
                                const model::TaskDefinition& td) {
  bool all_healthy = true;
  for (std::size_t i = 0; i < td.containers.size(); ++i) {
    if (!td.containers[i].essential || !td.containers[i].health_check) continue;
    if (containers[i] == HealthStatus::unhealthy) return HealthStatus::unhealthy;
    all_healthy = all_healthy && containers[i] == HealthStatus::healthy;
  }
  return all_healthy ? HealthStatus::healthy : HealthStatus::unknown;
}

void ServiceController::update_counted_healthy(TaskId id) {
  const TaskRecord& r = ledger_[id];
  const bool checks = td_has_checks_[static_cast<std::size_t>(r.task_definition)];
  bool healthy = r.live && r.state == TaskState::running;
  // Which signals make a task count toward minimumHealthyPercent (ecs-rules §3.1).
  if (!checks && !has_lb_) healthy = healthy && r.old_enough;
  if (checks)
    healthy = healthy && task_health(r.container_health, scenario_.task_definitions[static_cast<std::size_t>(
                                                             r.task_definition)]) == HealthStatus::healthy;
  if (has_lb_) healthy = healthy && r.target == TargetState::healthy;
  set_counted_healthy(id, healthy);
}

void ServiceController::set_counted_healthy(TaskId id, bool healthy) {
  if (ledger_[id].counted_healthy == healthy) return;
  // The time so far, and the traffic so far, were served by the tasks as they were.
  integrate_metrics();
  ledger_.set_counted_healthy(id, healthy);
  route_traffic();  // from now on the load balancer routes by the new healthy counts
  Deployment& d = deployment_of(id);
  if (healthy) {
    ledger_.settle_own_replacement(id);
    // A task reaching a healthy state resets the breaker's count (resetOnHealthyTask, §1.2).
    d.breaker.on_task_healthy();
    if (ledger_.of(d.id).lingering > 0) stop_one_lingering(d);
  }
  if (trace_.enabled()) trace_.add(clock_.now(), observe::TaskCountedHealthy{id, d.id, healthy});
  request_reconcile(clock_.now());
}

// Tasks RUNNING and not told to stop: what stays up while unhealthy tasks are stopped for room
// (ecs-rules §6). A replacement still starting does not count. Counted only when there is no room.
void ServiceController::check_health_failure(TaskId id) {
  const TaskRecord& r = ledger_[id];
  if (!r.live || r.state != TaskState::running) return;
  const model::TaskDefinition& td = scenario_.task_definitions[static_cast<std::size_t>(r.task_definition)];
  const bool target_failed = has_lb_ && r.target == TargetState::unhealthy;
  const bool container_failed = task_health(r.container_health, td) == HealthStatus::unhealthy;
  if (!target_failed && !container_failed) return;
  // healthCheckGracePeriodSeconds: unhealthy ELB and container checks are ignored for this long
  // after the task first reached RUNNING (service_definition_parameters.html; ecs-rules §4);
  // under older rules only with a load balancer.
  const bool grace_applies = has_lb_ || !rules_.grace_period_needs_load_balancer;
  const Millis grace_end = r.running_at + (grace_applies ? service_.health_check_grace_period : Millis{0});
  if (clock_.now() < grace_end) {
    clock_.call_at(grace_end, grace_recheck_timer, id, 0);
    return;
  }
  Deployment& d = deployment_of(id);
  const StopCause cause = target_failed ? StopCause::elb_health_check_failed : StopCause::container_health_failed;
  const bool room = ledger_.live() + ledger_.lingering() < bounds_.max_tasks;
  TaskRecord& record = ledger_.record(id);
  if (room && d.id == primary().id && d.rollout != RolloutState::failed) {
    linger(id, cause);
  } else if (room || may_stop_unhealthy_without_room(ledger_.live_running(), unhealthy_stops_in_flight_, bounds_)) {
    note_lost_task(d);
    if (!room) {
      record.unhealthy_stop_in_flight = true;
      ++unhealthy_stops_in_flight_;
    }
    request_stop(id, cause, health_stop_reason(cause));
  } else {
    // No room, and its turn has not come: it keeps running, unhealthy (ecs-rules §3.1, §6).
    if (!record.awaiting_unhealthy_stop) awaiting_unhealthy_stop_.push_back(id);
    record.awaiting_unhealthy_stop = true;
    return;
  }
  // Stage 2: a task replaced because a health check failed is a breaker failure (§1.3).
  record_failure(d, target_failed ? "failed ELB health checks" : "failed container health checks", false);
}

void ServiceController::stop_unhealthy_awaiting_room() {
  if (awaiting_unhealthy_stop_.empty()) return;
  // Each is judged again: it may have recovered, ended, found room, or got its turn.
  std::vector<TaskId> waiting;
  waiting.swap(awaiting_unhealthy_stop_);
  for (const TaskId id : waiting) {
    ledger_.record(id).awaiting_unhealthy_stop = false;
    check_health_failure(id);
  }
}

void ServiceController::note_start_failure(TaskId id, DeploymentId deployment) {
  throttle_.on_start_failure();
  next_launch_at_ = clock_.now() + throttle_.delay();
  request_reconcile(next_launch_at_);
  if (trace_.enabled())
    trace_.add(clock_.now(),
               observe::LaunchThrottled{id, deployment, throttle_.delay(), throttle_.consecutive_failures()});
  if (throttle_.consecutive_failures() >= 2)
    service_event([&] { return event_text::unable_to_start_tasks(service_name_); });
}

}  // namespace sim::ecs
