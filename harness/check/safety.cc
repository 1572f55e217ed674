#include "harness/check/safety.h"

#include <map>
#include <set>

#include "sim/ecs/deployment.h"
#include "sim/ecs/task_state.h"

namespace harness::check {
namespace {

using sim::observe::TraceEvent;
namespace observe = sim::observe;

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
    if (const auto* l = e.as<observe::TaskLaunched>()) on_launch(e, *l);
    if (const auto* t = e.as<observe::TaskStateChanged>(); t && !sim::ecs::is_live(t->state)) running_.erase(t->task);
    if (const auto* c = e.as<observe::TaskCountedHealthy>()) on_counted_healthy(*c);
    if (const auto* r = e.as<observe::StopRequested>()) on_stop_requested(e, *r);
    if (const auto* d = e.as<observe::DeploymentStateChanged>()) on_deployment_state(e, *d);
    if (const auto* b = e.as<observe::BreakerCounted>(); b && completed_.count(b->deployment))
      fail(e, "deployment " + std::to_string(b->deployment) + " counted a failure after it COMPLETED");
    before_previous_ = previous_;
    previous_ = &e;
  }

  std::vector<std::string> violations() const { return violations_; }

 private:
  void on_launch(const TraceEvent& e, const observe::TaskLaunched& l) {
    if (failed_.count(l.deployment)) fail(e, "deployment " + std::to_string(l.deployment) + " launched a task after it FAILED");
    running_.insert(l.task);
    if (static_cast<int>(running_.size()) > max_)
      fail(e, std::to_string(running_.size()) + " tasks running, above maxTasks " + std::to_string(max_) +
                  " (maximumPercent " + std::to_string(scenario_.service.deployment.maximum_percent) + ")");
  }

  void on_counted_healthy(const observe::TaskCountedHealthy& c) {
    if (c.healthy) healthy_.insert(c.task); else healthy_.erase(c.task);
  }

  void on_stop_requested(const TraceEvent& e, const observe::StopRequested& r) {
    if (r.kept_until_replaced) return;  // kept running until its replacement is healthy: still counts
    running_.erase(r.task);
    // A deliberate stop of a healthy task: the controller un-counts it right before the request.
    // When a health report came just before that, the task had turned unhealthy by itself and
    // stopping it costs no healthy capacity.
    const auto* uncounted = previous_ ? previous_->as<observe::TaskCountedHealthy>() : nullptr;
    const bool uncounted_now = uncounted && uncounted->task == r.task && !uncounted->healthy && previous_->at == e.at;
    const bool health_report_before =
        before_previous_ &&
        (before_previous_->as<observe::TargetHealthChanged>() || before_previous_->as<observe::ContainerHealthChanged>()) &&
        before_previous_->task() == r.task && before_previous_->at == e.at;
    const bool was_healthy = uncounted_now && !health_report_before;
    if (was_healthy && r.cause == sim::ecs::StopCause::deployment_replaced &&
        static_cast<int>(healthy_.size()) < min_healthy_)
      fail(e, "stopping healthy task " + std::to_string(r.task) + " left " + std::to_string(healthy_.size()) +
                  " healthy, below minHealthyTasks " + std::to_string(min_healthy_));
  }

  void on_deployment_state(const TraceEvent& e, const observe::DeploymentStateChanged& d) {
    using sim::ecs::RolloutState;
    if (terminal_without_rollback_) fail(e, "a deployment changed state after FAILED without rollback");
    if (d.state == RolloutState::completed) {
      last_completed_ = d.deployment;
      completed_.insert(d.deployment);
    } else if (d.state == RolloutState::failed) {
      if (completed_.count(d.deployment)) fail(e, "deployment " + std::to_string(d.deployment) + " FAILED after it COMPLETED");
      failed_.insert(d.deployment);
      if (!scenario_.service.deployment.circuit_breaker.rollback) terminal_without_rollback_ = true;
    } else if (d.rollback) {
      if (d.deployment != last_completed_)
        fail(e, "rolled back to deployment " + std::to_string(d.deployment) + ", not to the last COMPLETED one (" +
                    std::to_string(last_completed_) + ")");
      completed_.erase(d.deployment);
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
  // The two events before the current one (events outlive the watch: it reads a caller's vector).
  const TraceEvent* previous_ = nullptr;
  const TraceEvent* before_previous_ = nullptr;
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
