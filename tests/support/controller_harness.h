// A ServiceController driven by hand through the fakes: the test plays the world — it reports
// task states, health and traffic — and reads what the controller asked of the runtime.
#pragma once

#include <set>
#include <vector>

#include "sim/ecs/rule_set.h"
#include "sim/ecs/service_controller.h"
#include "tests/support/fake_runtime.h"
#include "tests/support/manual_clock.h"

namespace testsupport {

using sim::Millis;
using sim::ecs::DeploymentId;
using sim::ecs::StopCode;
using sim::ecs::TaskId;
using sim::ecs::TaskState;
using sim::ecs::TaskStopInfo;

struct Harness {
  explicit Harness(sim::model::Scenario s, const char* rule_set = "current")
      : scenario(std::move(s)), rules(*sim::ecs::find_rule_set(rule_set)) {}

  sim::model::Scenario scenario;
  const sim::ecs::RuleSet& rules;
  testsupport::ManualClock clock;
  testsupport::FakeRuntime runtime;
  sim::observe::Trace trace{true};
  sim::observe::Metrics metrics;
  sim::ecs::ServiceController controller{scenario, rules, clock, runtime, trace, metrics};

  // The service as it runs before the deploy: every initial task RUNNING.
  void start_service() {
    for (const sim::ecs::LaunchRequest& r : controller.install_initial_deployment(0)) reach_running(r.task);
  }
  void settle(Millis t) { clock.advance_to(t, controller); }
  // Fires timers one time step at a time until the controller launches a task (at most 20 steps).
  void settle_until_launch() {
    const std::size_t before = runtime.launched.size();
    for (int step = 0; step < 20 && runtime.launched.size() == before && clock.next_timer() < sim::kNever; ++step)
      settle(clock.next_timer());
  }
  void reach_running(TaskId id) {
    controller.on_task_state(id, TaskState::pending, nullptr);
    controller.on_task_state(id, TaskState::running, nullptr);
  }
  void stop(TaskId id, const TaskStopInfo& info) {
    controller.on_task_state(id, TaskState::stopping, &info);
    controller.on_task_state(id, TaskState::stopped, &info);
  }
  // The task's essential container is OOM-killed (exit 137), as in seed 000.
  void oom_kill(TaskId id) {
    TaskStopInfo oom;
    oom.code = StopCode::essential_container_exited;
    oom.exit_code = 137;
    oom.oom_killed = true;
    stop(id, oom);
  }
  void fail_to_start(TaskId id) {
    TaskStopInfo info;
    info.code = StopCode::task_failed_to_start;
    info.stopped_reason = "CannotPullContainerError";
    stop(id, info);
  }
  // The world carries out every stop the controller asked for so far.
  void carry_out_stops() {
    for (const auto& s : runtime.stops) {
      TaskStopInfo info;
      info.code = s.code;
      info.stopped_reason = s.reason;
      if (!stopped_.insert(s.task).second) continue;
      stop(s.task, info);
    }
  }
  std::vector<TaskId> launched_of(DeploymentId d) const {
    std::vector<TaskId> ids;
    for (const auto& r : runtime.launched)
      if (r.deployment == d) ids.push_back(r.task);
    return ids;
  }
  const sim::ecs::Deployment& deployment(DeploymentId d) const { return controller.deployments().at(d); }

 private:
  std::set<TaskId> stopped_;
};

}  // namespace testsupport
