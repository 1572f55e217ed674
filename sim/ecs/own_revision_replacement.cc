// ServiceController: during a rolling deployment, a task of an older revision that is lost (it
// exited, or was stopped for failing a health check) is replaced from its own revision, not from
// the new one, so a failing new revision cannot take the service's capacity down with it
// ("ECS now replaces unhealthy or terminated tasks using the same service revision they belong
// to", Nov 2025, ecs-rules §3.1 and §9). Rule sets "pre-2025-11" and "pre-2024" keep the old behaviour: the rolling
// update fills the gap with new-revision tasks.
//
// Our reading where the announcement is silent: a replacement is owed only while the service is
// short of desiredCount once the primary's healthy tasks are counted (a replacement the new
// revision has made unnecessary is dropped); owed replacements go before new-revision launches,
// within maximumPercent and the launch throttle; a starting replacement is not stopped as an
// "unhealthy old task" while the primary has fewer than desiredCount healthy tasks.
#include <algorithm>

#include "sim/ecs/service_controller.h"

namespace sim::ecs {

bool ServiceController::replaces_with_own_revision(const Deployment& d) {
  if (!rules_.replace_with_own_revision) return false;
  if (service_.deployment.strategy != model::DeploymentStrategy::rolling) return false;
  const Deployment& p = primary();
  // A FAILED deployment launches no further tasks (API_Deployment rolloutState; ecs-rules §1.4).
  return d.id != p.id && p.rollout == RolloutState::in_progress && d.rollout != RolloutState::failed;
}

void ServiceController::note_lost_task(Deployment& d) {
  if (replaces_with_own_revision(d)) ++d.own_replacements_owed;
}

void ServiceController::launch_own_revision_replacements() {
  const DeploymentTasks& p = ledger_.of(primary().id);
  const int primary_healthy = p.healthy();
  int old_live = ledger_.live() - p.live;
  for (Deployment& d : deployments_) {
    if (d.own_replacements_owed == 0) continue;
    const int shortfall = std::max(service_.desired_count - primary_healthy - old_live, 0);
    d.own_replacements_owed = replaces_with_own_revision(d) ? std::min(d.own_replacements_owed, shortfall) : 0;
    const int room = std::max(bounds_.max_tasks - ledger_.live() - ledger_.lingering(), 0);
    const int count = std::min(d.own_replacements_owed, room);
    if (count == 0) continue;
    if (clock_.now() < next_launch_at_) {
      request_reconcile(next_launch_at_);
      return;
    }
    const std::size_t first = ledger_.size();
    launch(d, count);
    for (std::size_t id = first; id < ledger_.size(); ++id) ledger_.mark_own_replacement(static_cast<TaskId>(id));
    const int launched = static_cast<int>(ledger_.size() - first);
    d.own_replacements_owed -= launched;
    old_live += launched;
    if (launched < count) return;  // placement failed: the throttle decides when to try again
  }
}

int ServiceController::protected_own_replacements() {
  const DeploymentId p = primary().id;
  int starting = 0;
  for (const Deployment& d : deployments_)
    if (d.id != p) starting += ledger_.of(d.id).own_replacements_starting;
  protect_own_replacements_ = starting > 0 && ledger_.of(p).healthy() < service_.desired_count;
  return protect_own_replacements_ ? starting : 0;
}

}  // namespace sim::ecs
