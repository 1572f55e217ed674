// ServiceController: the BLUE_GREEN strategy. Green (the new revision) is scaled to 100 % beside
// blue, production traffic shifts to it all at once when every green task is healthy, both run
// for bakeTimeInMinutes, then blue is scaled to 0 (blue-green-deployment-how-it-works.html;
// reference §3.2). A rollback during the bake shifts traffic back to blue, which still runs; the
// rollback itself then scales green down as a rolling update of blue would.
// Not simulated yet: the test-traffic shift and the lifecycle hooks (reference §3.3).
#include "sim/ecs/service_controller.h"
#include "sim/ecs/task_record.h"

namespace sim::ecs {

bool ServiceController::blue_green_in_progress() {
  if (scenario_.service.deployment.strategy != model::DeploymentStrategy::blue_green) return false;
  const Deployment& p = primary();
  return deployed_ && p.id == *deployed_ && !p.is_rollback && p.rollout == RolloutState::in_progress;
}

void ServiceController::reconcile_blue_green() {
  Deployment& green = primary();
  const int desired = scenario_.service.desired_count;
  // SCALE_UP: green to desiredCount; failed green tasks are replaced from green (reference §3.1).
  start_tasks(desired - green.live);
  const bool green_ready = green.live == desired && green.live_unhealthy == 0;
  if (production_ != green.id) {
    if (!green_ready) return;
    // PRODUCTION_TRAFFIC_SHIFT: all at once, then BAKE_TIME.
    shift_production_traffic(green.id, "every green task is healthy");
    green.bake_until = clock_.now() + scenario_.service.deployment.bake_time;
    clock_.call_at(green.bake_until, bake_timer, green.id, 0);
    service_event(service_ + " (deployment " + green.name() + ") bake time of " +
                  format_seconds(scenario_.service.deployment.bake_time) + " started: blue keeps running.");
  }
  if (clock_.now() < green.bake_until) return;
  // CLEAN_UP: blue to 0 after the bake.
  int blue_unhealthy = 0;
  for (const Deployment& d : deployments_)
    if (d.id != green.id) blue_unhealthy += d.live_unhealthy;
  stop_old(blue_unhealthy, live_total_ - green.live - blue_unhealthy);
  check_completion();
}

void ServiceController::shift_production_traffic(DeploymentId to, const std::string& why) {
  advance_traffic();
  production_ = to;
  service_event(service_ + " shifted production traffic to (deployment " + deployments_[to].name() + "): " + why +
                ".");
}

}  // namespace sim::ecs
