// ServiceController: the rolling update — how many tasks to start and stop now, and which.
#include <algorithm>

#include "sim/ecs/service_controller.h"
#include "sim/ecs/task_record.h"

namespace sim::ecs {

void ServiceController::reconcile() {
  integrate_metrics();
  Deployment& p = primary();
  // A FAILED deployment launches no further tasks (API_Deployment rolloutState; reference §1.4).
  if (p.rollout == RolloutState::failed) return;
  if (blue_green_in_progress()) {
    reconcile_blue_green();
    return;
  }
  // An older revision's lost tasks are replaced from it even while the new one waits for its hooks.
  launch_own_revision_replacements();
  // RECONCILE_SERVICE and PRE_SCALE_UP come before the new revision launches (reference §3.3).
  if (in_lifecycle(p) && !pass_stages_before_scale_up(p)) return;
  RollingCounts counts;
  counts.desired = scenario_.service.desired_count;
  counts.primary_live = p.live;
  counts.primary_live_unhealthy = p.live_unhealthy;
  counts.old_live = live_total_ - p.live;
  // Starting own-revision replacements are not "unhealthy old tasks that can go at once": the
  // service still needs them.
  counts.old_live_unhealthy = live_unhealthy_total_ - p.live_unhealthy - protected_own_replacements();
  counts.healthy = healthy_total_;
  counts.lingering = lingering_total_;
  const RollingStep step = plan_rolling_step(counts, bounds_);

  start_tasks(step.start);
  stop_old(counts.old_live_unhealthy, step.stop_old - counts.old_live_unhealthy);
  for (int i = 0; i < step.stop_primary; ++i) {
    TaskId id = 0;
    if (take_candidate(p, false, &id) || take_candidate(p, true, &id))
      request_stop(id, StopCause::scale_in, "Scaling activity initiated by (deployment " + p.name() + ")");
  }
  if (step.blocked && !p.reported_blocked) {
    p.reported_blocked = true;
    // deployment-type-ecs.html: the deadlock event, verbatim.
    service_event(service_ + " was unable to stop or start tasks during a deployment because of the service "
                             "deployment configuration. Update the minimumHealthyPercent or maximumPercent "
                             "value and try again.");
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
  std::string started;
  for (int i = 0; i < count; ++i) {
    const TaskId id = static_cast<TaskId>(tasks_.size());
    TaskRecord r;
    r.deployment = p.id;
    r.task_definition = p.task_definition;
    r.launched_at = clock_.now();
    r.container_health.assign(
        scenario_.task_definitions.at(static_cast<std::size_t>(p.task_definition)).containers.size(),
        HealthStatus::unknown);
    // The record exists before the launch: the runtime reports PROVISIONING at once.
    tasks_.push_back(r);
    ++p.live;
    ++p.live_unhealthy;
    ++p.not_stopped;
    ++live_total_;
    ++live_unhealthy_total_;
    const Placement placed = runtime_.launch_task({id, p.id, p.task_definition});
    if (!placed.placed) {
      tasks_.pop_back();
      --p.live;
      --p.live_unhealthy;
      --p.not_stopped;
      --live_total_;
      --live_unhealthy_total_;
      service_event(service_ + " " + placed.reason);
      if (trace_.enabled())
        trace_.add(clock_.now(), observe::PlacementFailed{p.id, placed.reason});
      // "A task is a failure if the scheduler cannot launch it" (API_Deployment failedTasks);
      // placement failures feed the launch throttle and are retried after it (reference §8, §9).
      note_start_failure(0, p.id);
      record_failure(p, "task could not be placed", true);
      break;
    }
    p.unhealthy_queue.push_back(id);
    if (deployed_) ++metrics_.tasks_launched;
    if (live_total_ + lingering_total_ > bounds_.max_tasks)
      violation("launch took running tasks to " + std::to_string(live_total_ + lingering_total_) +
                " above maxTasks " + std::to_string(bounds_.max_tasks));
    if (trace_.enabled()) {
      trace_.add(clock_.now(), observe::TaskLaunched{id, p.id, p.task_definition});
      started += " (task " + std::to_string(id) + ")";
    }
  }
  if (!started.empty()) {
    const auto n = std::count(started.begin(), started.end(), '(');
    service_event(service_ + " has started " + std::to_string(n) + " tasks:" + started + ".");
  }
}

bool ServiceController::take_candidate(Deployment& d, bool healthy, TaskId* out) {
  std::deque<TaskId>& q = healthy ? d.healthy_queue : d.unhealthy_queue;
  std::deque<TaskId> passed_over;  // starting own-revision replacements, kept in their order
  bool found = false;
  while (!q.empty() && !found) {
    const TaskId id = q.front();
    q.pop_front();
    const TaskRecord& r = tasks_[id];
    if (!r.live || r.counted_healthy != healthy) continue;
    if (protect_own_replacements_ && r.own_replacement_starting) {
      passed_over.push_back(id);
      continue;
    }
    *out = id;
    found = true;
  }
  q.insert(q.begin(), passed_over.begin(), passed_over.end());
  return found;
}

void ServiceController::stop_old(int unhealthy_count, int healthy_count) {
  // Not-yet-healthy old tasks go first: stopping them costs no healthy capacity.
  std::string stopped;
  for (bool healthy : {false, true}) {
    int left = healthy ? healthy_count : unhealthy_count;
    for (Deployment& d : deployments_) {
      if (d.id == primary().id) continue;
      TaskId id = 0;
      while (left > 0 && take_candidate(d, healthy, &id)) {
        if (healthy && healthy_total_ - 1 < bounds_.min_healthy_tasks)
          violation("a deliberate stop would take healthy tasks below minHealthyTasks " +
                    std::to_string(bounds_.min_healthy_tasks));
        request_stop(id, StopCause::deployment_replaced,
                     "Deployment " + primary().name() + " replaced task of " + d.name());
        if (trace_.enabled()) stopped += " (task " + std::to_string(id) + ")";
        --left;
      }
    }
  }
  if (!stopped.empty()) {
    const auto n = std::count(stopped.begin(), stopped.end(), '(');
    service_event(service_ + " has stopped " + std::to_string(n) + " running tasks:" + stopped + ".");
  }
}

void ServiceController::request_stop(TaskId id, StopCause cause, const std::string& reason) {
  TaskRecord& r = tasks_[id];
  if (!r.live) return;
  r.stop_requested = true;
  on_left_live(id, nullptr);
  send_stop(id, cause, reason);
}

void ServiceController::send_stop(TaskId id, StopCause cause, const std::string& reason) {
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::StopRequested{id, tasks_[id].deployment, cause, false, reason});
  const StopCode code = cause == StopCause::fault_injected ? StopCode::user_initiated
                                                           : StopCode::service_scheduler_initiated;
  runtime_.stop_task(id, code, reason);
  request_reconcile(clock_.now());
}

// stoppedReason of a task the scheduler replaces for a failed health check (API_Task).
std::string ServiceController::health_stop_reason(StopCause cause) const {
  if (cause != StopCause::elb_health_check_failed) return "Task failed container health checks";
  return "Task failed ELB health checks in (target-group " + scenario_.service.load_balancer->name + ")";
}

// Since Oct 2023 ECS starts a replacement for an unhealthy task first, when maximumPercent
// allows, and stops the unhealthy task once the replacement is healthy (reference §3.1, §6).
void ServiceController::linger(TaskId id, StopCause cause) {
  TaskRecord& r = tasks_[id];
  on_left_live(id, nullptr);
  r.lingering = true;
  r.linger_cause = cause;
  Deployment& d = deployment_of(r);
  d.lingering_queue.push_back(id);
  ++d.lingering;
  ++lingering_total_;
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::StopRequested{id, r.deployment, cause, true,
                                                    "unhealthy: a replacement starts first; this task stops once it "
                                                    "is healthy"});
  request_reconcile(clock_.now());
}

void ServiceController::end_lingering(TaskId id, bool stop) {
  TaskRecord& r = tasks_[id];
  if (!r.lingering) return;
  r.lingering = false;
  Deployment& d = deployment_of(r);
  --d.lingering;
  --lingering_total_;
  if (!stop) return;
  r.stop_requested = true;
  send_stop(id, r.linger_cause, health_stop_reason(r.linger_cause));
}

void ServiceController::stop_one_lingering(Deployment& d) {
  while (!d.lingering_queue.empty()) {
    const TaskId id = d.lingering_queue.front();
    d.lingering_queue.pop_front();
    if (tasks_[id].lingering) {
      end_lingering(id, true);
      return;
    }
  }
}

}  // namespace sim::ecs
