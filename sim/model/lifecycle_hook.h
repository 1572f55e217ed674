// Deployment lifecycle stages and hooks (deploymentConfiguration.lifecycleHooks;
// API_DeploymentLifecycleHook, deployment-lifecycle-hooks.html; ecs-rules §3.3). ECS invokes a
// Lambda function at the stages a hook names and waits for its hookStatus; deploysim runs no
// Lambda, so the scenario says what each hook answers (SimulatedHookResult, our own section
// "lifecycleHookResults").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/time.h"

namespace sim::model {

// ServiceDeployment.lifecycleStage, in the order a deployment goes through them (ecs-rules §3.3).
enum class LifecycleStage : std::uint8_t {
  reconcile_service,  // only when more than one service revision is ACTIVE at the start
  pre_scale_up,
  scale_up,
  post_scale_up,
  test_traffic_shift,
  post_test_traffic_shift,
  pre_production_traffic_shift,  // LINEAR/CANARY: before every shift step
  production_traffic_shift,      // LINEAR/CANARY: at every shift step
  post_production_traffic_shift,
  bake_time,
  clean_up,
};

std::string_view to_string(LifecycleStage s);
std::optional<LifecycleStage> lifecycle_stage_named(std::string_view name);

// Hooks may run at every stage but SCALE_UP, BAKE_TIME and CLEAN_UP (API_DeploymentLifecycleHook).
bool hookable(LifecycleStage s);

// timeoutConfiguration.action (API_DeploymentLifecycleHookTimeoutConfiguration): default ROLLBACK.
enum class HookTimeoutAction : std::uint8_t { rollback, continue_deployment };

struct LifecycleHook {
  std::string hook_target_arn;  // the Lambda function; required for AWS_LAMBDA hooks
  std::string role_arn;         // kept for the writer; not simulated
  std::vector<LifecycleStage> lifecycle_stages;
  std::string hook_details_json;  // hookDetails as JSON text, passed through; empty when absent
  // timeoutConfiguration.timeoutInMinutes: 1-20160, default 1440 (24 h).
  Millis timeout = minutes(1440);
  HookTimeoutAction timeout_action = HookTimeoutAction::rollback;
};

// What the hook's Lambda answers, from the scenario: the hookStatus ECS finally sees and how long
// after the stage starts it sees it. IN_PROGRESS means the function keeps answering IN_PROGRESS
// (ECS re-invokes it every callBackDelay, 30 s by default) until the timeout.
enum class HookStatus : std::uint8_t { succeeded, failed, in_progress };

struct SimulatedHookResult {
  HookStatus hook_status = HookStatus::succeeded;
  Millis after = seconds(0);
};

std::string_view to_string(HookStatus s);

}  // namespace sim::model
