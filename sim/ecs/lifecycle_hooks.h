// The pure rules of deployment lifecycle stages and hooks (ecs-rules §3.3): where a stage sits in
// a deployment's order, and when ECS is done waiting for one hook and what it does then. The
// controller's side (entering stages, timers, failing the deployment) is lifecycle_stages.cc.
#pragma once

#include "sim/engine/time.h"
#include "sim/model/lifecycle_hook.h"

namespace sim::ecs {

// A stage's place in one deployment, so stages are passed in order. LINEAR and CANARY repeat
// PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT at every shift step
// (API_DeploymentLifecycleHook lifecycleStages), so those two count per `step` (0, 1, ...).
int stage_position(model::LifecycleStage stage, std::size_t step = 0);

// Each stage, and each traffic step, lasts at most 24 hours; past that the deployment fails and
// rolls back (blue-green-deployment-how-it-works.html; ecs-rules §3.3).
inline constexpr Millis kStageCap = hours(24);

enum class HookVerdictStatus : std::uint8_t { succeeded, failed, timed_out };

struct HookVerdict {
  HookVerdictStatus status = HookVerdictStatus::succeeded;
  Millis after{0};        // after the stage started
  bool rollback = false;  // the deployment fails and rolls back
};

// SUCCEEDED lets the deployment go on and FAILED rolls it back (deployment-lifecycle-hooks.html).
// A hook still IN_PROGRESS at timeoutInMinutes takes its timeout action: ROLLBACK, or CONTINUE to
// the next stage (API_DeploymentLifecycleHookTimeoutConfiguration). A timeout beyond the 24-hour
// stage cap never fires: the cap fails the stage first and rolls back.
HookVerdict hook_verdict(const model::LifecycleHook& hook, const model::SimulatedHookResult& result);

std::string_view to_string(HookVerdictStatus s);

}  // namespace sim::ecs
