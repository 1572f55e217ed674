// ServiceController: the rolling update — how many tasks to start and stop now, and which.
#include <algorithm>

#include "sim/ecs/service_controller.h"

namespace sim::ecs {

void ServiceController::reconcile() {
  integrate_metrics();
  stop_unhealthy_awaiting_room();
  Deployment& p = primary();
  // A FAILED deployment launches no further tasks (API_Deployment rolloutState; ecs-rules §1.4).
  if (p.rollout == RolloutState::failed) return;
  if (blue_green_in_progress()) {
    reconcile_blue_green();
    return;
  }
  // An older revision's lost tasks are replaced from it even while the new one waits for its hooks.
  launch_own_revision_replacements();
  // RECONCILE_SERVICE and PRE_SCALE_UP come before the new revision launches (ecs-rules §3.3).
  if (in_lifecycle(p) && !pass_stages_before_scale_up(p)) return;
  const DeploymentTasks& primary_tasks = ledger_.of(p.id);
  RollingCounts counts;
  counts.desired = service_.desired_count;
  counts.primary_live = primary_tasks.live;
  counts.primary_live_unhealthy = primary_tasks.live_unhealthy;
  counts.old_live = ledger_.live() - primary_tasks.live;
  // Starting own-revision replacements are not "unhealthy old tasks that can go at once": the
  // service still needs them.
  counts.old_live_unhealthy = ledger_.live_unhealthy() - primary_tasks.live_unhealthy - protected_own_replacements();
  counts.healthy = ledger_.healthy();
  counts.lingering = ledger_.lingering();
  const RollingStep step = plan_rolling_step(counts, bounds_);

  start_tasks(step.start);
  stop_old(counts.old_live_unhealthy, step.stop_old - counts.old_live_unhealthy);
  for (int i = 0; i < step.stop_primary; ++i) {
    std::optional<TaskId> id = ledger_.take_stop_candidate(p.id, false, protect_own_replacements_);
    if (!id) id = ledger_.take_stop_candidate(p.id, true, protect_own_replacements_);
    if (id) request_stop(*id, StopCause::scale_in, "Scaling activity initiated by (deployment " + p.name() + ")");
  }
  if (step.blocked && !p.reported_blocked) {
    p.reported_blocked = true;
    // deployment-type-ecs.html: the deadlock event, verbatim.
    service_event([&] { return event_text::deadlock(service_name_); });
  }
  check_completion();
}

void ServiceController::start_tasks(int count) {
  if (count <= 0) return;
  if (clock_.now() < next_launch_at_) {
    request_reconcile(next_launch_at_);
  } else if (throttle_.throttled()) {
    // While throttled, ECS spaces out attempts: one task per back-off window.
    launch(primary(), 1);
    next_launch_at_ = clock_.now() + throttle_.delay();
  } else {
    launch(primary(), count);
  }
}

void ServiceController::launch(Deployment& p, int count) {
  const std::size_t containers =
      scenario_.task_definitions.at(static_cast<std::size_t>(p.task_definition)).containers.size();
  std::string started;
  for (int i = 0; i < count; ++i) {
    // The record exists before the launch: the runtime reports PROVISIONING at once.
    const TaskId id = ledger_.add(p.id, p.task_definition, clock_.now(), containers);
    const Placement placed = runtime_.launch_task({id, p.id, p.task_definition});
    if (!placed.placed) {
      ledger_.retract_last();
      service_event([&] { return event_text::placement_failed(service_name_, placed.reason); });
      if (trace_.enabled()) trace_.add(clock_.now(), observe::PlacementFailed{p.id, placed.reason});
      // "A task is a failure if the scheduler cannot launch it" (API_Deployment failedTasks);
      // placement failures feed the launch throttle and are retried after it (ecs-rules §8, §9).
      note_start_failure(0, p.id);
      record_failure(p, "task could not be placed", true);
      break;
    }
    metrics_.task_launched();  // counts once the figures have started (a deploy, or a steady-state run)
    SIM_INVARIANT(run_, ledger_.live() + ledger_.lingering() <= bounds_.max_tasks,
                  "a launch took the tasks counted toward maximumPercent to " +
                      std::to_string(ledger_.live() + ledger_.lingering()) + ", above maxTasks " +
                      std::to_string(bounds_.max_tasks));
    if (trace_.enabled()) {
      trace_.add(clock_.now(), observe::TaskLaunched{id, p.id, p.task_definition, placed.availability_zone});
      started += " (task " + std::to_string(id) + ")";
    }
  }
  if (!started.empty()) {
    const auto n = std::count(started.begin(), started.end(), '(');
    service_event([&] { return event_text::started_tasks(service_name_, static_cast<int>(n), started); });
  }
}

void ServiceController::stop_old(int unhealthy_count, int healthy_count) {
  // Not-yet-healthy old tasks go first: stopping them costs no healthy capacity.
  std::string stopped;
  for (bool healthy : {false, true}) {
    int left = healthy ? healthy_count : unhealthy_count;
    for (Deployment& d : deployments_) {
      if (d.id == primary().id) continue;
      std::string reason;  // stoppedReason, the same for each task of `d`
      while (left > 0) {
        const std::optional<TaskId> id = ledger_.take_stop_candidate(d.id, healthy, protect_own_replacements_);
        if (!id) break;
        SIM_INVARIANT(run_, !healthy || ledger_.healthy() - 1 >= bounds_.min_healthy_tasks,
                      "a deliberate stop would take healthy tasks below minHealthyTasks " +
                          std::to_string(bounds_.min_healthy_tasks));
        if (reason.empty()) reason = "Deployment " + primary().name() + " replaced task of " + d.name();
        request_stop(*id, StopCause::deployment_replaced, reason);
        if (trace_.enabled()) stopped += " (task " + std::to_string(*id) + ")";
        --left;
      }
    }
  }
  if (!stopped.empty()) {
    const auto n = std::count(stopped.begin(), stopped.end(), '(');
    service_event([&] { return event_text::stopped_tasks(service_name_, static_cast<int>(n), stopped); });
  }
}

void ServiceController::request_stop(TaskId id, StopCause cause, const std::string& reason) {
  if (!ledger_[id].live) return;
  ledger_.record(id).stop_requested = true;
  on_left_live(id, nullptr);
  send_stop(id, cause, reason);
}

void ServiceController::send_stop(TaskId id, StopCause cause, const std::string& reason) {
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::StopRequested{.task = id,
                                                    .deployment = ledger_[id].deployment,
                                                    .cause = cause,
                                                    .kept_until_replaced = false,
                                                    .reason = reason});
  const StopCode code = cause == StopCause::fault_injected ? StopCode::user_initiated
                                                           : StopCode::service_scheduler_initiated;
  runtime_.stop_task(id, code, reason);
  request_reconcile(clock_.now());
}

// stoppedReason of a task the scheduler replaces for a failed health check (API_Task).
std::string ServiceController::health_stop_reason(StopCause cause) const {
  if (cause != StopCause::elb_health_check_failed) return "Task failed container health checks";
  return "Task failed ELB health checks in (target-group " + service_.load_balancer->name + ")";
}

// Since Oct 2023 ECS starts a replacement for an unhealthy task first, when maximumPercent
// allows, and stops the unhealthy task once the replacement is healthy (ecs-rules §3.1, §6).
void ServiceController::linger(TaskId id, StopCause cause) {
  on_left_live(id, nullptr);
  ledger_.start_lingering(id, cause);
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::StopRequested{.task = id,
                                                    .deployment = ledger_[id].deployment,
                                                    .cause = cause,
                                                    .kept_until_replaced = true,
                                                    .reason = "unhealthy: a replacement starts first; this task "
                                                              "stops once it is healthy"});
  request_reconcile(clock_.now());
}

void ServiceController::end_lingering(TaskId id, bool stop) {
  if (!ledger_.end_lingering(id) || !stop) return;
  ledger_.record(id).stop_requested = true;
  const StopCause cause = ledger_[id].linger_cause;
  send_stop(id, cause, health_stop_reason(cause));
}

void ServiceController::stop_one_lingering(Deployment& d) {
  if (const std::optional<TaskId> id = ledger_.take_lingering(d.id)) end_lingering(*id, true);
}

}  // namespace sim::ecs
