// ServiceController: the BLUE_GREEN, CANARY and LINEAR strategies. Green (the new revision) is
// scaled to 100 % beside blue; once every green task is healthy, production traffic shifts to it
// by the steps of traffic_shift.h, all at once for BLUE_GREEN; after the last shift both run for
// bakeTimeInMinutes, then blue is scaled to 0 (blue-green-deployment-how-it-works.html,
// canary-deployment.html, deployment-type-linear.html; reference §3.2). A rollback shifts
// traffic back to blue, which still runs; the rollback then scales green down as a rolling
// update of blue would.
// Not simulated yet: the test-traffic shift and the lifecycle hooks (reference §3.3).
#include "sim/ecs/service_controller.h"
#include "sim/ecs/task_record.h"
#include "sim/ecs/traffic_shift.h"

namespace sim::ecs {
namespace {

// "12.5 %" from 1250 basis points.
std::string percent_text(int basis_points) {
  std::string text = std::to_string(basis_points / 100);
  if (basis_points % 100 != 0) {
    const int hundredths = basis_points % 100;
    text += "." + std::to_string(hundredths / 10) + (hundredths % 10 ? std::to_string(hundredths % 10) : "");
  }
  return text + " %";
}

}  // namespace

bool ServiceController::blue_green_in_progress() {
  if (!split_) return false;
  const Deployment& p = primary();
  return deployed_ && p.id == *deployed_ && !p.is_rollback && p.rollout == RolloutState::in_progress;
}

void ServiceController::reconcile_blue_green() {
  Deployment& green = primary();
  const int desired = scenario_.service.desired_count;
  // SCALE_UP: green to desiredCount; failed green tasks are replaced from green (reference §3.1).
  start_tasks(desired - green.live);
  if (split_->green != green.id) {
    if (green.live != desired || green.live_unhealthy != 0) return;
    // Every green task is healthy: the production shifts begin.
    split_->green = green.id;
    green.next_shift_at = clock_.now();
  }
  const std::vector<ShiftStep> steps = production_shift_steps(scenario_.service.deployment);
  if (green.shift_step < steps.size() && clock_.now() >= green.next_shift_at) {
    const ShiftStep& step = steps[green.shift_step++];
    shift_production_traffic(step.green_basis_points, green.shift_step == steps.size() ? "the last shift" : "a shift step");
    green.next_shift_at = clock_.now() + step.wait_after;
    clock_.call_at(green.next_shift_at, bake_timer, green.id, 0);
    const bool last = green.shift_step == steps.size();
    service_event(service_ + " (deployment " + green.name() + ") " + (last ? "bake time" : "wait") + " of " +
                  format_seconds(step.wait_after) + " started" + (last ? ": blue keeps running." : "."));
  }
  if (green.shift_step < steps.size() || clock_.now() < green.next_shift_at) return;
  // CLEAN_UP: blue to 0 after the bake.
  int blue_unhealthy = 0;
  for (const Deployment& d : deployments_)
    if (d.id != green.id) blue_unhealthy += d.live_unhealthy;
  stop_old(blue_unhealthy, live_total_ - green.live - blue_unhealthy);
  check_completion();
}

void ServiceController::shift_production_traffic(int green_basis_points, const std::string& why) {
  advance_traffic();
  split_->green_basis_points = green_basis_points;
  service_event(service_ + " shifted production traffic: " + percent_text(green_basis_points) + " to (deployment " +
                deployments_[split_->green].name() + "), " + percent_text(10'000 - green_basis_points) +
                " to (deployment " + deployments_[split_->blue].name() + ") (" + why + ").");
}

// The share of requests a deployment's tasks get: by healthy targets under ROLLING, by the
// listener's weights during a traffic shift (only a revision with a healthy target takes any).
int ServiceController::traffic_weight(const Deployment& d) const {
  const int healthy = d.live - d.live_unhealthy;
  if (!split_) return healthy;
  if (healthy == 0) return 0;
  if (d.id == split_->blue) return 10'000 - split_->green_basis_points;
  if (d.id == split_->green) return split_->green_basis_points;
  return 0;
}

}  // namespace sim::ecs
