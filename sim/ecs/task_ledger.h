// The task ledger: every task of one service as the scheduler knows it, and every count derived
// from them — per deployment and in total — kept in this one place.
//
// Each transition is a method that changes a task and its counts together and checks the
// invariants it touches (SIM_INVARIANT, on in release builds): counts are never negative; a
// deployment's unhealthy live tasks never exceed its live tasks; only a live task counts healthy;
// a task leaves the live set once, lingers only after it left, and stops once. audit() recounts
// everything from the records (O(tasks)) and is called at each rollback and completion and at the
// end of a run, so a count kept wrongly is caught within the deployment that broke it.
//
// The ledger decides nothing: which task to stop and when is the rollout's business; the ledger
// hands out stop candidates in launch order.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/health_status.h"
#include "sim/ecs/task_state.h"
#include "sim/engine/block_vector.h"
#include "sim/engine/invariant.h"
#include "sim/engine/time.h"

namespace sim::ecs {

// The last reported health of each container of a task, in definition order: inline for up to
// six containers, so a task's record needs no allocation of its own.
using ContainerHealths = boost::container::small_vector<HealthStatus, 6>;

// What the scheduler knows of one task: 64 bytes, one cache line (a 10,000-task run keeps
// 20,000 of them, and each health report reads one), so the flags are single bits.
struct TaskRecord {
  DeploymentId deployment = 0;
  int task_definition = 0;
  Millis launched_at{0};
  Millis running_at{0};
  ContainerHealths container_health;
  TaskState state = TaskState::provisioning;
  TargetState target = TargetState::unused;
  ProbeFailure target_failure = ProbeFailure::none;  // why its last load balancer check failed
  StopCause linger_cause = StopCause::elb_health_check_failed;
  bool live : 1 = true;             // not told to stop, not stopped by itself
  bool stop_requested : 1 = false;  // the scheduler asked for the stop
  bool reached_running : 1 = false;
  bool counted_healthy : 1 = false;  // counts toward minimumHealthyPercent now
  bool ever_healthy : 1 = false;
  bool lingering : 1 = false;  // unhealthy, kept until a replacement is healthy (§6)
  bool own_replacement_starting : 1 = false;  // an older revision's replacement, not yet healthy
  bool old_enough : 1 = false;  // no checks at all: counts 40 s after RUNNING (§3.1)
  // Unhealthy with no room under maximumPercent for a replacement: waits its turn to be stopped
  // (awaiting), then is stopped and counts as in flight until STOPPED (§3.1, §6).
  bool awaiting_unhealthy_stop : 1 = false;
  bool unhealthy_stop_in_flight : 1 = false;
};

// The counts of one deployment's tasks.
struct DeploymentTasks {
  int live = 0;            // tasks not told to stop and not stopped by themselves
  int live_unhealthy = 0;  // of which not counted healthy
  int not_stopped = 0;     // tasks not yet STOPPED (live, lingering, draining or stopping)
  int lingering = 0;       // unhealthy tasks kept until a replacement is healthy
  int own_replacements_starting = 0;  // an older revision's replacements, launched, not yet healthy
  int healthy() const { return live - live_unhealthy; }
};

class TaskLedger {
 public:
  explicit TaskLedger(const RunContext& run) : run_(run) {}

  // Adds a PROVISIONING task of `deployment`, live and not yet counted healthy; returns its id
  // (ids are dense, in launch order).
  TaskId add(DeploymentId deployment, int task_definition, Millis launched_at, std::size_t containers);
  // Takes back the task added last, when the runtime could not place it: as if never added.
  void retract_last();

  // The task's lifecycle state as the runtime reported it. STOPPED counts once, and only for a
  // task that already left the live set and no longer lingers.
  void set_state(TaskId id, TaskState state) {
    TaskRecord& r = tasks_[id];
    SIM_INVARIANT(run_, r.state != TaskState::stopped, "task " + std::to_string(id) + " is reported after STOPPED");
    const int running_delta = (state == TaskState::running) - (r.state == TaskState::running);
    running_ += running_delta;
    if (r.live) live_running_ += running_delta;
    r.state = state;
    if (state == TaskState::stopped) count_stopped(r, id);
  }
  // Whether the task counts toward minimumHealthyPercent; false when that did not change. Only a
  // live task can count healthy.
  bool set_counted_healthy(TaskId id, bool healthy);
  // The task is no longer live: told to stop, lingering, or ended by itself. It must not count
  // healthy any more (set_counted_healthy(id, false) first).
  void leave_live(TaskId id);
  // An unhealthy task that left the live set stays up until a replacement is healthy.
  void start_lingering(TaskId id, StopCause cause);
  // Ends the lingering; false when the task was not lingering.
  bool end_lingering(TaskId id);
  // An older revision's replacement task, protected while it starts (own_revision_replacement.cc).
  void mark_own_replacement(TaskId id);
  // The replacement counted healthy or left: no longer protected. Harmless for other tasks.
  void settle_own_replacement(TaskId id);

  // The oldest live task of `deployment` in the health class `healthy` (stop candidates), or
  // none. With `skip_own_replacements`, starting own-revision replacements are passed over and
  // keep their place.
  std::optional<TaskId> take_stop_candidate(DeploymentId deployment, bool healthy, bool skip_own_replacements);
  // The oldest lingering task of `deployment`, or none.
  std::optional<TaskId> take_lingering(DeploymentId deployment);

  const TaskRecord& operator[](TaskId id) const { return tasks_[id]; }
  TaskRecord& record(TaskId id) { return tasks_[id]; }  // fields outside the counts
  std::size_t size() const { return tasks_.size(); }
  const BlockVector<TaskRecord, 512>& records() const { return tasks_; }

  const DeploymentTasks& of(DeploymentId deployment) const {
    return deployment < deployments_.size() ? deployments_[deployment] : kNoTasks;
  }
  int live() const { return live_; }
  int live_unhealthy() const { return live_unhealthy_; }
  int lingering() const { return lingering_; }
  int healthy() const { return live_ - live_unhealthy_; }
  // Tasks RUNNING, of every deployment: all of them, and the live ones. Kept as counts because
  // they are asked on every health failure and every scaling evaluation, and a scan of the
  // records grows with every task ever launched (explain's what-ifs run to 100,000).
  int running() const { return running_; }
  int live_running() const { return live_running_; }

  // Recounts every count from the records; a mismatch is a broken invariant. O(tasks).
  void audit() const;

 private:
  struct Queues {
    std::deque<TaskId> unhealthy;  // stop candidates in launch order, validated when taken
    std::deque<TaskId> healthy;
    std::deque<TaskId> lingering;
  };
  static constexpr DeploymentTasks kNoTasks{};
  DeploymentTasks& counts(DeploymentId deployment) {
    if (deployment >= deployments_.size()) grow(deployment);
    return deployments_[deployment];
  }
  void grow(DeploymentId deployment);
  void count_stopped(const TaskRecord& r, TaskId id);
  void check_counts(const DeploymentTasks& d) const;

  const RunContext& run_;
  // In blocks of 512 (32 KiB): records never move as the ledger grows (a vector's growth copied
  // all of them, a fifth of the ledger's cache misses in a 10,000-task run).
  BlockVector<TaskRecord, 512> tasks_;
  std::vector<DeploymentTasks> deployments_;  // indexed by DeploymentId
  std::vector<Queues> queues_;
  int live_ = 0;
  int live_unhealthy_ = 0;
  int lingering_ = 0;
  int running_ = 0;
  int live_running_ = 0;
};

}  // namespace sim::ecs
