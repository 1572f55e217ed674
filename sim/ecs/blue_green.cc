// ServiceController: the BLUE_GREEN, CANARY and LINEAR strategies. Green (the new revision) is
// scaled to 100 % beside blue; once every green task is healthy, production traffic shifts to it
// by the steps of traffic_shift.h, all at once for BLUE_GREEN; after the last shift both run for
// bakeTimeInMinutes, then blue is scaled to 0 (blue-green-deployment-how-it-works.html,
// canary-deployment.html, deployment-type-linear.html; ecs-rules §3.2). A rollback shifts
// traffic back to blue, which still runs; the rollback then scales green down as a rolling
// update of blue would.
// The lifecycle stages and their hooks are passed in order (lifecycle_stages.cc). Not simulated:
// the test traffic itself (advancedConfiguration.testListenerRule).
#include <algorithm>

#include "sim/ecs/service_controller.h"
#include "sim/ecs/traffic_shift.h"

namespace sim::ecs {
bool ServiceController::blue_green_in_progress() {
  if (!split_) return false;
  const Deployment& p = primary();
  return is_deployed(p) && !p.is_rollback && p.rollout == RolloutState::in_progress;
}

void ServiceController::reconcile_blue_green() {
  using model::LifecycleStage;
  Deployment& green = primary();
  const int desired = service_.desired_count;
  if (!pass_stages_before_scale_up(green)) return;
  // SCALE_UP: green to desiredCount; failed green tasks are replaced from green (ecs-rules §3.1).
  // Within maximumPercent: where blue's unhealthy tasks linger beside their replacements, they
  // hold room that green waits for (our reading, ecs-rules §3.2; a fuzzer-found case that used to
  // launch past maxTasks).
  const int room = std::max(bounds_.max_tasks - ledger_.live() - ledger_.lingering(), 0);
  start_tasks(std::min(desired - ledger_.of(green.id).live, room));
  if (split_->green != green.id) {
    const DeploymentTasks& tasks = ledger_.of(green.id);
    if (tasks.live != desired || tasks.live_unhealthy != 0) return;
    // Every green task is healthy: the traffic stages begin.
    split_->green = green.id;
    green.next_shift_at = clock_.now();
  }
  // TEST_TRAFFIC_SHIFT sends the test listener's traffic to green; deploysim simulates production
  // traffic only, so the stage is there for its hooks.
  if (!pass_stage(green, LifecycleStage::post_scale_up) || !pass_stage(green, LifecycleStage::test_traffic_shift) ||
      !pass_stage(green, LifecycleStage::post_test_traffic_shift) || !shift_production_traffic_in_steps(green) ||
      !pass_stage(green, LifecycleStage::post_production_traffic_shift))
    return;
  if (!reached(green, LifecycleStage::bake_time)) start_blue_green_bake(green);
  if (clock_.now() < green.bake_until) return;
  // CLEAN_UP: blue to 0 after the bake.
  pass_stage(green, LifecycleStage::clean_up);
  int blue_unhealthy = 0;
  for (const Deployment& d : deployments_)
    if (d.id != green.id) blue_unhealthy += ledger_.of(d.id).live_unhealthy;
  stop_old(blue_unhealthy, ledger_.live() - ledger_.of(green.id).live - blue_unhealthy);
  check_completion();
}

// PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT at every step of the plan, with the
// wait between steps; the hooks of a step answer before its wait starts. True after the last.
bool ServiceController::shift_production_traffic_in_steps(Deployment& green) {
  using model::LifecycleStage;
  const std::vector<ShiftStep> steps = production_shift_steps(service_.deployment);
  while (green.shift_step < steps.size()) {
    if (clock_.now() < green.next_shift_at) return false;
    const std::size_t step = green.shift_step;
    const bool last = step + 1 == steps.size();
    if (!pass_stage(green, LifecycleStage::pre_production_traffic_shift, step)) return false;
    if (!reached(green, LifecycleStage::production_traffic_shift, step)) {
      enter_stage(green, LifecycleStage::production_traffic_shift, step);
      shift_production_traffic(steps[step].green_basis_points, last ? "the last shift" : "a shift step");
    }
    if (!pass_stage(green, LifecycleStage::production_traffic_shift, step)) return false;
    ++green.shift_step;
    if (last) return true;
    green.next_shift_at = clock_.now() + steps[step].wait_after;
    clock_.call_at(green.next_shift_at, bake_timer, green.id, 0);
    service_event([&] { return event_text::shift_wait_started(service_name_, green.name(), steps[step].wait_after); });
  }
  return true;
}

// BAKE_TIME: both revisions run for bakeTimeInMinutes with all production traffic on green.
void ServiceController::start_blue_green_bake(Deployment& green) {
  enter_stage(green, model::LifecycleStage::bake_time);
  const Millis bake = service_.deployment.bake_time;
  green.bake_until = clock_.now() + bake;
  clock_.call_at(green.bake_until, bake_timer, green.id, 0);
  service_event([&] { return event_text::blue_green_bake_started(service_name_, green.name(), bake); });
}

void ServiceController::shift_production_traffic(int green_basis_points, const std::string& why) {
  route_traffic();  // the traffic up to now went by the old weights
  split_->green_basis_points = green_basis_points;
  route_traffic();
  service_event([&] {
    return event_text::traffic_shifted(service_name_, green_basis_points, deployments_[split_->green].name(),
                                       deployments_[split_->blue].name(), why);
  });
}

// The share of requests a deployment's tasks get: by healthy targets under ROLLING, by the
// listener's weights during a traffic shift (only a revision with a healthy target takes any).
int ServiceController::traffic_weight(const Deployment& d) const {
  const int healthy = ledger_.of(d.id).healthy();
  if (!split_) return healthy;
  return healthy == 0 ? 0 : listener_weight(d.id);
}

int ServiceController::listener_weight(DeploymentId id) const {
  if (id == split_->blue) return 10'000 - split_->green_basis_points;
  if (id == split_->green) return split_->green_basis_points;
  return 0;
}

}  // namespace sim::ecs
