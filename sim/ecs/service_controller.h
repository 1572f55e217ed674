// The ECS service scheduler for one service, written once for both worlds: it acts through a
// Runtime and a Clock and hears back, as a RuntimeListener, task states, health and the traffic
// the world served (sim/ecs/runtime.h). It cannot tell the simulated world from real containers.
//
// Its parts each own one thing, and the controller only decides:
//  - TaskLedger (task_ledger.h): every task and every count derived from them, invariants on;
//  - Deployment (deployment.h): each deployment's rollout state, breaker and lifecycle stage;
//  - the rollout, in its files: rolling_update.cc (within minimumHealthyPercent/maximumPercent,
//    with the pure step of deployment_bounds.h), blue_green.cc (BLUE_GREEN, LINEAR, CANARY),
//    lifecycle_stages.cc (stages and hooks), own_revision_replacement.cc;
//  - task_reports.cc: what the world's reports mean for health and replacement (ecs-rules §3.1,
//    §6); task_end_rule.cc: which ends count as breaker failures (§1.3);
//  - breaker_and_rollback.cc: failing, rolling back, completing, the rolling bake (§1.4, §2);
//  - AlarmWatch (alarm_watch.h) on the traffic the world reports; deployment_alarms.cc decides;
//  - LaunchThrottle (launch_throttle.h): spacing of launches after failures to start (§9);
//  - DeployMetrics (sim/observe/deploy_metrics.h): the figures, as an observer.
//
// Invariants (SIM_INVARIANT, on in release builds): a launch never takes the tasks that count
// toward maximumPercent above maxTasks; a deliberate stop of a healthy task never takes the
// healthy count below minHealthyTasks; a rollback goes to the most recent COMPLETED deployment;
// the ledger's counts match its tasks at each rollback and completion and at the end of a run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/alarm_watch.h"
#include "sim/ecs/deployment.h"
#include "sim/ecs/deployment_bounds.h"
#include "sim/ecs/launch_throttle.h"
#include "sim/ecs/rule_set.h"
#include "sim/ecs/runtime.h"
#include "sim/ecs/service_event_text.h"
#include "sim/ecs/task_ledger.h"
#include "sim/engine/clock.h"
#include "sim/engine/invariant.h"
#include "sim/model/scenario.h"
#include "sim/observe/deploy_metrics.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace sim::ecs {

class ServiceController final : public RuntimeListener {
 public:
  ServiceController(const model::Scenario& scenario, const RuleSet& rules, Clock& clock, Runtime& runtime,
                    observe::Trace& trace, observe::Metrics& metrics);

  // Creates the COMPLETED deployment that runs at the start, with desiredCount tasks, and
  // returns their launch requests; the caller has the world start them warm.
  std::vector<LaunchRequest> install_initial_deployment(int task_definition);

  // One UpdateService call (service_update.h): changes the service's desiredCount, deployment
  // configuration or grace period, and starts a deployment when it names a task definition or
  // forceNewDeployment (service_updates.cc; ecs-rules §12).
  void apply(const model::ServiceUpdate& update);

  // UpdateService with a new task definition: a new PRIMARY deployment, IN_PROGRESS. Older
  // deployments with tasks become ACTIVE and are replaced too (ecs-rules §12.2).
  void deploy(int task_definition);

  // desiredCount changed (the timeline, or Application Auto Scaling): bounds follow at once; during
  // a rolling deployment a scale-out is shared with the older revisions (ecs-rules §12.4).
  void set_desired_count(int count);

  // A steady-state run (no deployment under test): the figures count from now.
  void observe_from_start();

  // RegisterTaskDefinition while running (deploysim serve): a task definition appended to the
  // scenario's list after the controller was built.
  void task_definition_added();

  // Reports from the world (RuntimeListener).
  void on_task_state(TaskId task, TaskState state, const TaskStopInfo* stop) override;
  void on_container_health(TaskId task, int container, HealthStatus status) override;
  void on_target_health(TaskId task, TargetState state, ProbeFailure reason) override;
  void on_traffic_period(const TrafficReport& report) override;
  bool acts_on_traffic_period(Millis end) const override;

  // Timers the controller asked its Clock for.
  void on_timer(std::uint16_t kind, std::uint32_t subject, std::uint64_t arg);

  // The outcome once the deployment under test reached a terminal state.
  std::optional<observe::Outcome> outcome() const { return outcome_; }

  // Closes the time integrals of the metrics at the end of the run, and audits the ledger.
  void finish(Millis end);

  const std::vector<Deployment>& deployments() const { return deployments_; }
  const TaskLedger& tasks() const { return ledger_; }
  const model::ServiceConfig& service() const { return service_; }  // as the last UpdateService left it
  std::optional<DeploymentId> deployment_under_test() const {
    return deployed_ ? std::optional<DeploymentId>(static_cast<DeploymentId>(*deployed_)) : std::nullopt;
  }
  int healthy_tasks() const { return ledger_.healthy(); }
  int live_tasks() const { return ledger_.live(); }
  int threshold_in_force() const;

 private:
  enum Timer : std::uint16_t {
    reconcile_timer,
    healthy_after_running_timer,
    grace_recheck_timer,
    bake_timer,
    lifecycle_hook_timer,
  };

  Deployment& primary() { return deployments_[primary_index_]; }
  Deployment& deployment_of(TaskId id) { return deployments_[ledger_[id].deployment]; }
  bool is_deployed(const Deployment& d) const { return deployed_ && d.id == *deployed_; }
  void request_reconcile(Millis at);
  void reconcile();

  // The rolling update (rolling_update.cc).
  void start_tasks(int count);  // launches now, or later under the launch throttle
  void launch(Deployment& d, int count);
  void stop_old(int unhealthy_count, int healthy_count);
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

  // What the world's reports mean (task_reports.cc, task_end_rule.cc).
  void update_counted_healthy(TaskId id);
  void set_counted_healthy(TaskId id, bool healthy);
  void check_health_failure(TaskId id);
  // Stops unhealthy tasks that wait for room as far as may_stop_unhealthy_without_room allows.
  void stop_unhealthy_awaiting_room();
  void on_left_live(TaskId id, const TaskStopInfo* stop);
  void note_start_failure(TaskId id, DeploymentId deployment);

  // Failing, rolling back and completing (breaker_and_rollback.cc).
  void record_failure(Deployment& d, const std::string& why, bool start_failure);
  void trip(Deployment& d, const std::string& why);
  // Fails `d`, detected by `detector` ("ECS deployment circuit breaker"), and rolls back if asked.
  void fail_deployment(Deployment& d, const std::string& detector, const std::string& why, bool rollback);
  void roll_back_to_last_completed(Deployment& failed, const std::string& detector);
  void check_completion();
  bool baking(Deployment& p);
  void reach_outcome(observe::Outcome outcome);

  // BLUE_GREEN, CANARY and LINEAR (blue_green.cc).
  bool blue_green_in_progress();
  void reconcile_blue_green();
  void shift_production_traffic(int green_basis_points, const std::string& why);
  int traffic_weight(const Deployment& d) const;
  int listener_weight(DeploymentId id) const;  // during a traffic shift, in basis points

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

  // Traffic routes and deployment alarms (deployment_alarms.cc).
  void route_traffic();
  // ALB fail-open (fail_open.cc, ecs-rules §6): a route whose target group has no healthy target
  // sends its requests to every registered one.
  void fail_open_empty_target_groups();
  // Whether a target group of the routes in force has no healthy target (or fails open already):
  // then every change of a target's registration or reachability changes the routes.
  bool may_fail_open() const;
  const TrafficReport* traffic_served();  // null without request traffic
  void watch_new_deployment(Deployment& d);
  void check_deployment_alarms();

  // The metrics' time integrals up to now, and the traffic served up to now.
  void integrate_metrics();
  // An ECS service event (service_event_text.h), when tracing: `text` is a callable returning
  // its words, run only then, so an untraced run (a sweep, a benchmark) builds no message.
  template <class Text>
  void service_event(Text&& text, bool steady_state = false) {
    if (trace_.enabled()) trace_.add(clock_.now(), observe::ServiceEvent{text(), steady_state});
  }

  const model::Scenario& scenario_;
  const RuleSet& rules_;
  Clock& clock_;
  Runtime& runtime_;
  observe::Trace& trace_;
  RunContext run_;
  TaskLedger ledger_;
  observe::DeployMetrics metrics_;
  model::ServiceConfig service_;  // the scenario's, as UpdateService calls have changed it
  std::string service_name_;  // "(service web)"
  TaskBounds bounds_;
  bool has_lb_;
  std::vector<bool> td_has_checks_;  // per task definition: an essential container has a check
  std::vector<Deployment> deployments_;
  std::size_t primary_index_ = 0;
  std::optional<std::size_t> last_completed_;
  std::optional<std::size_t> deployed_;  // the deployment under test
  bool protect_own_replacements_ = false;  // stop_old passes over starting own-revision replacements
  LaunchThrottle throttle_;
  Millis next_launch_at_{0};
  bool reconcile_pending_ = false;
  Millis reconcile_at_ = kNever;
  TimerId reconcile_timer_id_ = kNoTimer;
  std::optional<observe::Outcome> outcome_;
  // Unhealthy tasks with no room for a replacement, oldest report first, and how many of those
  // stopped are not yet STOPPED (ecs-rules §3.1, §6).
  std::vector<TaskId> awaiting_unhealthy_stop_;
  int unhealthy_stops_in_flight_ = 0;
  AlarmWatch alarms_;
  std::vector<TrafficRoute> routes_;        // reused for every route_traffic()
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
