#include "sim/ecs/task_ledger.h"

#include <string>

namespace sim::ecs {
namespace {

std::string task_text(TaskId id) { return "task " + std::to_string(id); }

}  // namespace

void TaskLedger::grow(DeploymentId deployment) {
  deployments_.resize(deployment + 1);
  queues_.resize(deployment + 1);
}

void TaskLedger::check_counts(const DeploymentTasks& d) const {
  SIM_INVARIANT(run_, d.live_unhealthy >= 0 && d.live_unhealthy <= d.live, "a deployment's unhealthy live tasks");
  SIM_INVARIANT(run_, d.lingering >= 0 && d.own_replacements_starting >= 0, "a deployment's counts");
  SIM_INVARIANT(run_, d.not_stopped >= d.live + d.lingering, "tasks not yet stopped include the live and lingering");
}

TaskId TaskLedger::add(DeploymentId deployment, int task_definition, Millis launched_at, std::size_t containers) {
  const TaskId id = static_cast<TaskId>(tasks_.size());
  TaskRecord& r = tasks_.emplace_back();
  r.deployment = deployment;
  r.task_definition = task_definition;
  r.launched_at = launched_at;
  r.container_health.assign(containers, HealthStatus::unknown);
  DeploymentTasks& d = counts(deployment);
  ++d.live;
  ++d.live_unhealthy;
  ++d.not_stopped;
  ++live_;
  ++live_unhealthy_;
  queues_[deployment].unhealthy.push_back(id);
  return id;
}

void TaskLedger::retract_last() {
  SIM_INVARIANT(run_, !tasks_.empty(), "a task to retract");
  const TaskRecord& r = tasks_.back();
  const TaskId id = static_cast<TaskId>(tasks_.size() - 1);
  SIM_INVARIANT(run_, r.live && !r.counted_healthy && r.state == TaskState::provisioning,
                "only a task just added is retracted: " + task_text(id));
  DeploymentTasks& d = counts(r.deployment);
  std::deque<TaskId>& q = queues_[r.deployment].unhealthy;
  SIM_INVARIANT(run_, !q.empty() && q.back() == id, "the retracted task is the newest stop candidate");
  q.pop_back();
  --d.live;
  --d.live_unhealthy;
  --d.not_stopped;
  --live_;
  --live_unhealthy_;
  tasks_.pop_back();
  check_counts(d);
}

void TaskLedger::count_stopped(const TaskRecord& r, TaskId id) {
  SIM_INVARIANT(run_, !r.live && !r.lingering, task_text(id) + " stops only after it left the live set");
  DeploymentTasks& d = counts(r.deployment);
  --d.not_stopped;
  check_counts(d);
}

bool TaskLedger::set_counted_healthy(TaskId id, bool healthy) {
  TaskRecord& r = tasks_[id];
  if (r.counted_healthy == healthy) return false;
  SIM_INVARIANT(run_, !healthy || r.live, "only a live task counts healthy: " + task_text(id));
  r.counted_healthy = healthy;
  if (healthy) r.ever_healthy = true;
  const int delta = healthy ? 1 : -1;
  DeploymentTasks& d = counts(r.deployment);
  d.live_unhealthy -= delta;
  live_unhealthy_ -= delta;
  (healthy ? queues_[r.deployment].healthy : queues_[r.deployment].unhealthy).push_back(id);
  check_counts(d);
  return true;
}

void TaskLedger::leave_live(TaskId id) {
  TaskRecord& r = tasks_[id];
  SIM_INVARIANT(run_, r.live && !r.counted_healthy, task_text(id) + " leaves the live set once, not counted healthy");
  r.live = false;
  if (r.state == TaskState::running) --live_running_;
  DeploymentTasks& d = counts(r.deployment);
  --d.live;
  --d.live_unhealthy;
  --live_;
  --live_unhealthy_;
  check_counts(d);
}

void TaskLedger::start_lingering(TaskId id, StopCause cause) {
  TaskRecord& r = tasks_[id];
  SIM_INVARIANT(run_, !r.live && !r.lingering && r.state != TaskState::stopped,
                task_text(id) + " lingers once, after it left the live set");
  r.lingering = true;
  r.linger_cause = cause;
  DeploymentTasks& d = counts(r.deployment);
  queues_[r.deployment].lingering.push_back(id);
  ++d.lingering;
  ++lingering_;
  check_counts(d);
}

bool TaskLedger::end_lingering(TaskId id) {
  TaskRecord& r = tasks_[id];
  if (!r.lingering) return false;
  r.lingering = false;
  DeploymentTasks& d = counts(r.deployment);
  --d.lingering;
  --lingering_;
  check_counts(d);
  return true;
}

void TaskLedger::mark_own_replacement(TaskId id) {
  TaskRecord& r = tasks_[id];
  SIM_INVARIANT(run_, r.live && !r.own_replacement_starting, task_text(id) + " is a new replacement");
  r.own_replacement_starting = true;
  ++counts(r.deployment).own_replacements_starting;
}

void TaskLedger::settle_own_replacement(TaskId id) {
  TaskRecord& r = tasks_[id];
  if (!r.own_replacement_starting) return;
  r.own_replacement_starting = false;
  DeploymentTasks& d = counts(r.deployment);
  --d.own_replacements_starting;
  check_counts(d);
}

std::optional<TaskId> TaskLedger::take_stop_candidate(DeploymentId deployment, bool healthy,
                                                      bool skip_own_replacements) {
  if (deployment >= queues_.size()) return std::nullopt;
  std::deque<TaskId>& q = healthy ? queues_[deployment].healthy : queues_[deployment].unhealthy;
  std::vector<TaskId> passed_over;  // starting own-revision replacements, kept in their order
  std::optional<TaskId> found;
  while (!q.empty() && !found) {
    const TaskId id = q.front();
    q.pop_front();
    // A queue holds every task that ever entered its health class; stale entries are skipped.
    const TaskRecord& r = tasks_[id];
    if (!r.live || r.counted_healthy != healthy) continue;
    if (skip_own_replacements && r.own_replacement_starting) {
      passed_over.push_back(id);
      continue;
    }
    found = id;
  }
  q.insert(q.begin(), passed_over.begin(), passed_over.end());
  return found;
}

std::optional<TaskId> TaskLedger::take_lingering(DeploymentId deployment) {
  if (deployment >= queues_.size()) return std::nullopt;
  std::deque<TaskId>& q = queues_[deployment].lingering;
  while (!q.empty()) {
    const TaskId id = q.front();
    q.pop_front();
    if (tasks_[id].lingering) return id;
  }
  return std::nullopt;
}

void TaskLedger::audit() const {
  std::vector<DeploymentTasks> recount(deployments_.size());
  int live = 0, live_unhealthy = 0, lingering = 0, running = 0, live_running = 0;
  for (const TaskRecord& r : tasks_) {
    running += r.state == TaskState::running ? 1 : 0;
    live_running += r.live && r.state == TaskState::running ? 1 : 0;
    DeploymentTasks& d = recount.at(r.deployment);
    SIM_INVARIANT(run_, !(r.live && r.lingering), "a lingering task is not live");
    d.live += r.live ? 1 : 0;
    d.live_unhealthy += r.live && !r.counted_healthy ? 1 : 0;
    d.not_stopped += r.state != TaskState::stopped ? 1 : 0;
    d.lingering += r.lingering ? 1 : 0;
    d.own_replacements_starting += r.own_replacement_starting ? 1 : 0;
  }
  for (std::size_t i = 0; i < recount.size(); ++i) {
    const DeploymentTasks& kept = deployments_[i];
    const DeploymentTasks& real = recount[i];
    SIM_INVARIANT(run_,
                  kept.live == real.live && kept.live_unhealthy == real.live_unhealthy &&
                      kept.not_stopped == real.not_stopped && kept.lingering == real.lingering &&
                      kept.own_replacements_starting == real.own_replacements_starting,
                  "deployment " + std::to_string(i) + "'s counts match its tasks");
    live += real.live;
    live_unhealthy += real.live_unhealthy;
    lingering += real.lingering;
  }
  SIM_INVARIANT(run_, live == live_ && live_unhealthy == live_unhealthy_ && lingering == lingering_,
                "the service's counts match its tasks");
  SIM_INVARIANT(run_, running == running_ && live_running == live_running_,
                "the service's RUNNING counts match its tasks");
}

}  // namespace sim::ecs
