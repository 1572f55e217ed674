// ServiceController: the lifecycle stages of the deployment under test, in order, and the hooks
// ECS waits for at each (deployment-lifecycle-hooks.html; ecs-rules §3.3). A stage is entered
// once; the deployment passes it when every hook there has answered. A hook that answers FAILED,
// or times out with action ROLLBACK, fails the deployment and rolls it back whatever the breaker
// and alarms say ("FAILED – Amazon ECS rolls back the deployment"). Rollback deployments run no
// hooks here: ECS re-runs the TEST_ and PRODUCTION_TRAFFIC_SHIFT hooks on a rollback, which we
// do not simulate.
#include <algorithm>

#include "sim/ecs/lifecycle_hooks.h"
#include "sim/ecs/service_controller.h"

namespace sim::ecs {

using model::LifecycleStage;

bool ServiceController::in_lifecycle(const Deployment& d) const {
  return is_deployed(d) && !d.is_rollback;
}

bool ServiceController::reached(const Deployment& d, LifecycleStage stage, std::size_t step) const {
  return d.stage_position >= stage_position(stage, step);
}

void ServiceController::enter_stage(Deployment& d, LifecycleStage stage, std::size_t step) {
  d.stage = stage;
  d.stage_position = stage_position(stage, step);
  metrics_.lifecycle_stage(std::string(model::to_string(stage)));
  if (trace_.enabled())
    trace_.add(clock_.now(), observe::LifecycleStageEntered{d.id, stage, step});
  const std::vector<model::LifecycleHook>& hooks = service_.deployment.lifecycle_hooks;
  for (std::size_t i = 0; i < hooks.size(); ++i) {
    const std::vector<LifecycleStage>& stages = hooks[i].lifecycle_stages;
    if (std::find(stages.begin(), stages.end(), stage) == stages.end()) continue;
    const HookVerdict verdict = hook_verdict(hooks[i], scenario_.hook_results.at(hooks[i].hook_target_arn));
    ++d.hooks_running;
    clock_.call_at(clock_.now() + verdict.after, lifecycle_hook_timer, d.id, i);
  }
}

bool ServiceController::pass_stage(Deployment& d, LifecycleStage stage, std::size_t step) {
  const int position = stage_position(stage, step);
  if (d.stage_position < position) enter_stage(d, stage, step);
  return d.stage_position > position || d.hooks_running == 0;
}

// RECONCILE_SERVICE (only with more than one ACTIVE revision), PRE_SCALE_UP, then SCALE_UP
// starts: true once the new revision may launch tasks.
bool ServiceController::pass_stages_before_scale_up(Deployment& d) {
  if (d.reconcile_service && !pass_stage(d, LifecycleStage::reconcile_service)) return false;
  if (!pass_stage(d, LifecycleStage::pre_scale_up)) return false;
  pass_stage(d, LifecycleStage::scale_up);
  return true;
}

void ServiceController::on_hook_answer(DeploymentId id, std::size_t hook_index) {
  Deployment& d = deployments_[id];
  // The deployment failed meanwhile (another hook, the breaker, an alarm): nobody waits any more.
  if (d.rollout != RolloutState::in_progress || d.is_rollback) return;
  integrate_metrics();
  --d.hooks_running;
  const model::LifecycleHook& hook = service_.deployment.lifecycle_hooks[hook_index];
  const HookVerdict verdict = hook_verdict(hook, scenario_.hook_results.at(hook.hook_target_arn));
  const std::string stage(model::to_string(d.stage));
  const std::string status(to_string(verdict.status));
  metrics_.hook_answered(hook.hook_target_arn, stage, status, clock_.now());
  if (trace_.enabled())
    trace_.add(clock_.now(),
               observe::LifecycleHookAnswered{d.id, d.stage, verdict.status, hook.hook_target_arn, verdict.after});
  if (verdict.rollback) {
    const std::string why = verdict.status == HookVerdictStatus::failed
                                ? "lifecycle hook " + hook.hook_target_arn + " returned FAILED at " + stage
                                : "lifecycle hook " + hook.hook_target_arn + " timed out at " + stage;
    fail_deployment(d, "ECS deployment lifecycle hook", why, true);
    return;
  }
  if (d.hooks_running == 0) request_reconcile(clock_.now());
}

}  // namespace sim::ecs
