#include "harness/check/safety.h"

#include <map>
#include <set>

#include "sim/ecs/deployment.h"
#include "sim/ecs/task_state.h"

namespace harness::check {
namespace {

using sim::observe::TraceEvent;
using sim::observe::TraceKind;

// The rolling-update bounds, read from the ECS rule itself rather than from sim/ecs, so a wrong
// rounding there shows up here: minimum rounded up, maximum rounded down (API_DeploymentConfiguration).
int max_tasks(const sim::model::ServiceConfig& s) {
  return s.desired_count * s.deployment.maximum_percent / 100;
}
int min_healthy_tasks(const sim::model::ServiceConfig& s) {
  return (s.desired_count * s.deployment.minimum_healthy_percent + 99) / 100;
}

class SafetyWatch {
 public:
  SafetyWatch(const sim::model::Scenario& s, std::size_t limit)
      : scenario_(s), max_(max_tasks(s.service)), min_healthy_(min_healthy_tasks(s.service)), limit_(limit) {}

  void on(const TraceEvent& e) {
    switch (e.kind) {
      case TraceKind::task_launched: on_launch(e); break;
      case TraceKind::task_state:
        if (!sim::ecs::is_live(static_cast<sim::ecs::TaskState>(e.a))) running_.erase(e.task);
        break;
      case TraceKind::task_counted_healthy: on_counted_healthy(e); break;
      case TraceKind::stop_requested: on_stop_requested(e); break;
      case TraceKind::deployment_state: on_deployment_state(e); break;
      case TraceKind::breaker_count:
        if (completed_.count(e.deployment)) fail(e, "deployment " + std::to_string(e.deployment) + " counted a failure after it COMPLETED");
        break;
      default: break;
    }
    before_previous_ = previous_;
    previous_ = {e.kind, e.task, e.a, e.at};
  }

  std::vector<std::string> violations() const { return violations_; }

 private:
  void on_launch(const TraceEvent& e) {
    if (failed_.count(e.deployment)) fail(e, "deployment " + std::to_string(e.deployment) + " launched a task after it FAILED");
    running_.insert(e.task);
    if (static_cast<int>(running_.size()) > max_)
      fail(e, std::to_string(running_.size()) + " tasks running, above maxTasks " + std::to_string(max_) +
                  " (maximumPercent " + std::to_string(scenario_.service.deployment.maximum_percent) + ")");
  }

  void on_counted_healthy(const TraceEvent& e) {
    if (e.a == 1) healthy_.insert(e.task); else healthy_.erase(e.task);
  }

  void on_stop_requested(const TraceEvent& e) {
    if (e.b == 1) return;  // kept running until its replacement is healthy: still counts
    running_.erase(e.task);
    // A deliberate stop of a healthy task: the controller un-counts it right before the request.
    // When a health report came just before that, the task had turned unhealthy by itself and
    // stopping it costs no healthy capacity.
    const bool uncounted_now = previous_.kind == TraceKind::task_counted_healthy && previous_.task == e.task &&
                               previous_.a == 0 && previous_.at == e.at;
    const bool health_report_before = (before_previous_.kind == TraceKind::target_health ||
                                       before_previous_.kind == TraceKind::container_health) &&
                                      before_previous_.task == e.task && before_previous_.at == e.at;
    const bool was_healthy = uncounted_now && !health_report_before;
    if (was_healthy && e.a == static_cast<int>(sim::ecs::StopCause::deployment_replaced) &&
        static_cast<int>(healthy_.size()) < min_healthy_)
      fail(e, "stopping healthy task " + std::to_string(e.task) + " left " + std::to_string(healthy_.size()) +
                  " healthy, below minHealthyTasks " + std::to_string(min_healthy_));
  }

  void on_deployment_state(const TraceEvent& e) {
    using sim::ecs::RolloutState;
    if (terminal_without_rollback_) fail(e, "a deployment changed state after FAILED without rollback");
    const auto state = static_cast<RolloutState>(e.a);
    if (state == RolloutState::completed) {
      last_completed_ = e.deployment;
      completed_.insert(e.deployment);
    } else if (state == RolloutState::failed) {
      if (completed_.count(e.deployment)) fail(e, "deployment " + std::to_string(e.deployment) + " FAILED after it COMPLETED");
      failed_.insert(e.deployment);
      if (!scenario_.service.deployment.circuit_breaker.rollback) terminal_without_rollback_ = true;
    } else if (e.detail == "rollback") {
      if (e.deployment != last_completed_)
        fail(e, "rolled back to deployment " + std::to_string(e.deployment) + ", not to the last COMPLETED one (" +
                    std::to_string(last_completed_) + ")");
      completed_.erase(e.deployment);
    }
  }

  void fail(const TraceEvent& e, const std::string& what) {
    if (violations_.size() < limit_) violations_.push_back("at " + sim::format_clock(e.at) + ": " + what);
  }

  const sim::model::Scenario& scenario_;
  int max_;
  int min_healthy_;
  std::size_t limit_;
  std::set<std::uint32_t> running_;
  std::set<std::uint32_t> healthy_;
  std::set<std::uint32_t> completed_ = {0};  // the deployment running at the start is COMPLETED
  std::set<std::uint32_t> failed_;
  std::uint32_t last_completed_ = 0;
  bool terminal_without_rollback_ = false;
  struct Previous {
    TraceKind kind = TraceKind::service_event;
    std::uint32_t task = 0;
    std::int64_t a = 0;
    sim::Millis at{-1};
  } previous_, before_previous_;
  std::vector<std::string> violations_;
};

}  // namespace

std::vector<std::string> safety_violations(const sim::model::Scenario& scenario,
                                           const std::vector<TraceEvent>& events, std::size_t limit) {
  SafetyWatch watch(scenario, limit);
  for (const TraceEvent& e : events) watch.on(e);
  return watch.violations();
}

}  // namespace harness::check
