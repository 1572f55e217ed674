// The ECS service scheduler for one service: deployments, the rolling update within
// minimumHealthyPercent / maximumPercent, replacement of failed and unhealthy tasks, the launch
// throttle, the deployment circuit breaker and rollback. Written once for both worlds: it acts
// through a Runtime and a Clock and hears back task states and health (sim/ecs/runtime.h).
//
// Invariants, checked as it runs and reported as trace events (never silently): a launch never
// takes the live task count above maxTasks; a deliberate stop of a healthy task never takes the
// healthy count below minHealthyTasks; a rollback goes to the most recent COMPLETED deployment.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/alarm.h"
#include "sim/ecs/deployment.h"
#include "sim/ecs/deployment_bounds.h"
#include "sim/ecs/health_status.h"
#include "sim/ecs/launch_throttle.h"
#include "sim/ecs/rule_set.h"
#include "sim/ecs/runtime.h"
#include "sim/engine/clock.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"
#include "sim/world/request_latency.h"
#include "sim/world/traffic_meter.h"

namespace sim::ecs {

class ServiceController {
 public:
  ServiceController(const model::Scenario& scenario, const RuleSet& rules, Clock& clock,
                    Runtime& runtime, observe::Trace& trace, observe::Metrics& metrics);
  ~ServiceController();

  // Creates the COMPLETED deployment that runs at the start, with desiredCount tasks, and
  // returns their launch requests; the caller has the world start them warm.
  std::vector<LaunchRequest> install_initial_deployment(int task_definition);

  // UpdateService with a new task definition: a new PRIMARY deployment, IN_PROGRESS.
  void deploy(int task_definition);

  // Reports from the world.
  void on_task_state(TaskId task, TaskState state, const TaskStopInfo* stop);
  void on_container_health(TaskId task, int container, HealthStatus status);
  void on_target_health(TaskId task, TargetState state, ProbeFailure reason);

  // Timers the controller asked its Clock for.
  void on_timer(std::uint16_t kind, std::uint32_t subject, std::uint64_t arg);

  // The outcome once the deployment under test reached a terminal state.
  std::optional<observe::Outcome> outcome() const { return outcome_; }

  // Closes the time integrals of the metrics at the end of the run.
  void finish(Millis end);

  const std::vector<Deployment>& deployments() const { return deployments_; }
  int healthy_tasks() const { return healthy_total_; }
  int live_tasks() const { return live_total_; }
  int threshold_in_force() const;

 private:
  struct TaskRecord;
  enum Timer : std::uint16_t {
    reconcile_timer,
    healthy_after_running_timer,
    grace_recheck_timer,
    traffic_bucket_timer,
    bake_timer,
    lifecycle_hook_timer,
  };

  Deployment& primary() { return deployments_[primary_index_]; }
  Deployment& deployment_of(const TaskRecord& r);
  void request_reconcile(Millis at);
  void reconcile();
  void start_tasks(int count);  // launches now, or later under the launch throttle
  void launch(Deployment& d, int count);
  void stop_old(int unhealthy_count, int healthy_count);
  bool take_candidate(Deployment& d, bool healthy, TaskId* out);
  void request_stop(TaskId id, StopCause cause, const std::string& reason);
  void send_stop(TaskId id, StopCause cause, const std::string& reason);
  std::string health_stop_reason(StopCause cause) const;
  void linger(TaskId id, StopCause cause);
  void end_lingering(TaskId id, bool stop);
  void stop_one_lingering(Deployment& d);

  // Replacement of an older revision's lost tasks from that revision (own_revision_replacement.cc).
  bool replaces_with_own_revision(const Deployment& d);
  void note_lost_task(Deployment& d);
  void launch_own_revision_replacements();
  int protected_own_replacements();
  void own_replacement_settled(TaskRecord& r);

  void update_counted_healthy(TaskId id);
  void set_counted_healthy(TaskId id, bool healthy);
  void check_health_failure(TaskId id);
  void on_left_live(TaskId id, const TaskStopInfo* stop);
  void note_start_failure(TaskId id, DeploymentId deployment);
  void record_failure(Deployment& d, const std::string& why, bool start_failure);
  void trip(Deployment& d, const std::string& why);
  // Fails `d`, detected by `detector` ("ECS deployment circuit breaker"), and rolls back if asked.
  void fail_deployment(Deployment& d, const std::string& detector, const std::string& why, bool rollback);
  bool baking(Deployment& p);

  // BLUE_GREEN, CANARY and LINEAR (blue_green.cc).
  bool blue_green_in_progress();
  void reconcile_blue_green();
  void shift_production_traffic(int green_basis_points, const std::string& why);
  int traffic_weight(const Deployment& d) const;

  // Lifecycle stages and hooks of the deployment under test (lifecycle_stages.cc).
  bool in_lifecycle(const Deployment& d) const;
  bool reached(const Deployment& d, model::LifecycleStage stage, std::size_t step = 0) const;
  void enter_stage(Deployment& d, model::LifecycleStage stage, std::size_t step = 0);
  // Enters `stage` if the deployment has not reached it; true once its hooks have all answered.
  bool pass_stage(Deployment& d, model::LifecycleStage stage, std::size_t step = 0);
  bool pass_stages_before_scale_up(Deployment& d);
  void on_hook_answer(DeploymentId id, std::size_t hook_index);
  bool shift_production_traffic_in_steps(Deployment& green);
  void start_blue_green_bake(Deployment& green);

  // Traffic and alarms (traffic_and_alarms.cc).
  void start_traffic();
  void advance_traffic();
  void on_traffic_bucket();
  PeriodTraffic traffic_totals() const;
  void evaluate_alarms();
  std::int64_t period_response_time_micros(std::size_t alarm);
  std::vector<world::LatencyShare> latency_mix(const std::vector<std::int64_t>& requests_before) const;
  void watch_new_deployment(Deployment& d);
  void close_traffic_metrics();
  void check_completion();
  void integrate_metrics();
  void service_event(const std::string& text);
  void violation(const std::string& text);

  const model::Scenario& scenario_;
  const RuleSet& rules_;
  Clock& clock_;
  Runtime& runtime_;
  observe::Trace& trace_;
  observe::Metrics& metrics_;
  std::string service_;           // "(service web)"
  TaskBounds bounds_;
  bool has_lb_;
  std::vector<bool> td_has_checks_;  // per task definition: an essential container has a check
  std::vector<Deployment> deployments_;
  std::size_t primary_index_ = 0;
  std::optional<std::size_t> last_completed_;
  std::optional<std::size_t> deployed_;  // the deployment under test
  std::vector<TaskRecord> tasks_;
  int live_total_ = 0;
  bool protect_own_replacements_ = false;  // stop_old passes over starting own-revision replacements
  int live_unhealthy_total_ = 0;
  int lingering_total_ = 0;
  int healthy_total_ = 0;
  LaunchThrottle throttle_;
  Millis next_launch_at_{0};
  bool reconcile_pending_ = false;
  Millis reconcile_at_ = kNever;
  TimerId reconcile_timer_id_ = kNoTimer;
  std::optional<observe::Outcome> outcome_;
  Millis last_integrated_{0};
  std::vector<int> td_error_basis_points_;  // per task definition: its served container's 5xx share
  std::vector<model::RequestLatency> td_latency_;  // per task definition: its served app's latency
  std::optional<world::TrafficMeter> traffic_;
  std::vector<CloudWatchAlarm> alarms_;
  std::vector<PeriodTraffic> alarm_totals_at_last_datapoint_;
  std::vector<std::vector<std::int64_t>> alarm_revision_requests_;  // latency alarms: per revision
  PeriodTraffic traffic_at_deploy_;
  std::vector<world::RevisionCounts> revision_at_deploy_;
  // BLUE_GREEN, CANARY, LINEAR: how the listener splits production traffic between the old
  // (blue) and the new (green) revision. Unset under ROLLING: every healthy task serves.
  struct TrafficSplit {
    DeploymentId blue = 0;
    DeploymentId green = 0;
    int green_basis_points = 0;
  };
  std::optional<TrafficSplit> split_;
};

}  // namespace sim::ecs
