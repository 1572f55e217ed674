#include "sim/ecs/lifecycle_hooks.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

using model::HookStatus;
using model::HookTimeoutAction;
using model::LifecycleStage;

model::LifecycleHook hook_with_timeout(int minutes_, HookTimeoutAction action) {
  model::LifecycleHook hook;
  hook.hook_target_arn = "arn:aws:lambda:us-east-1:1:function:check";
  hook.timeout = minutes(minutes_);
  hook.timeout_action = action;
  return hook;
}

}  // namespace

TEST_CASE("lifecycle stages come in the documented order") {
  // Given the eleven ServiceDeployment.lifecycleStage values in enum order, then each sits after
  // the one before it. Source: ecs-rules §3.3 (API_ServiceDeployment lifecycleStage order).
  for (int s = 1; s <= static_cast<int>(LifecycleStage::clean_up); ++s)
    CHECK(stage_position(static_cast<LifecycleStage>(s - 1)) < stage_position(static_cast<LifecycleStage>(s)));
}

TEST_CASE("linear and canary repeat the two production-shift stages at every step") {
  // Given steps 0 and 1, then PRE_PRODUCTION(0) < PRODUCTION(0) < PRE_PRODUCTION(1) <
  // PRODUCTION(1) < POST_PRODUCTION_TRAFFIC_SHIFT, whatever the step count. Source:
  // API_DeploymentLifecycleHook ("for linear and canary deployments, this stage is invoked before
  // every traffic shift step"); ecs-rules §3.3.
  CHECK(stage_position(LifecycleStage::post_test_traffic_shift) <
        stage_position(LifecycleStage::pre_production_traffic_shift, 0));
  CHECK(stage_position(LifecycleStage::pre_production_traffic_shift, 0) <
        stage_position(LifecycleStage::production_traffic_shift, 0));
  CHECK(stage_position(LifecycleStage::production_traffic_shift, 0) <
        stage_position(LifecycleStage::pre_production_traffic_shift, 1));
  CHECK(stage_position(LifecycleStage::pre_production_traffic_shift, 1) <
        stage_position(LifecycleStage::production_traffic_shift, 1));
  CHECK(stage_position(LifecycleStage::production_traffic_shift, 333) <
        stage_position(LifecycleStage::post_production_traffic_shift));
}

TEST_CASE("SCALE_UP, BAKE_TIME and CLEAN_UP take no hooks; the stage names read back") {
  // Source: ecs-rules §3.3 ("Hookable: all except SCALE_UP, BAKE_TIME, CLEAN_UP").
  for (int s = 0; s <= static_cast<int>(LifecycleStage::clean_up); ++s) {
    const auto stage = static_cast<LifecycleStage>(s);
    CHECK(model::lifecycle_stage_named(model::to_string(stage)) == stage);
    const bool unhookable = stage == LifecycleStage::scale_up || stage == LifecycleStage::bake_time ||
                            stage == LifecycleStage::clean_up;
    CHECK(model::hookable(stage) == !unhookable);
  }
  CHECK_FALSE(model::lifecycle_stage_named("SCALE_DOWN").has_value());
}

TEST_CASE("a hook that answers SUCCEEDED lets the deployment go on when it answers") {
  // Given SUCCEEDED after 45 s and the default 24 h timeout, then SUCCEEDED at 45 s, no rollback.
  // Source: deployment-lifecycle-hooks.html ("SUCCEEDED – The deployment continues").
  const HookVerdict v = hook_verdict(hook_with_timeout(1440, HookTimeoutAction::rollback),
                                     {HookStatus::succeeded, seconds(45)});
  CHECK(v.status == HookVerdictStatus::succeeded);
  CHECK(v.after == seconds(45));
  CHECK_FALSE(v.rollback);
}

TEST_CASE("a hook that answers FAILED rolls back, even with timeout action CONTINUE") {
  // Source: deployment-lifecycle-hooks.html ("FAILED – Amazon ECS rolls back the deployment");
  // the timeout action applies to timeouts only (API_DeploymentLifecycleHookTimeoutConfiguration).
  const HookVerdict v = hook_verdict(hook_with_timeout(30, HookTimeoutAction::continue_deployment),
                                     {HookStatus::failed, seconds(90)});
  CHECK(v.status == HookVerdictStatus::failed);
  CHECK(v.after == seconds(90));
  CHECK(v.rollback);
}

TEST_CASE("a hook still IN_PROGRESS at its timeout takes the timeout action") {
  // Given timeoutInMinutes 30, then TIMED_OUT at 30 min; ROLLBACK rolls back, CONTINUE goes on.
  // Source: API_DeploymentLifecycleHookTimeoutConfiguration (action CONTINUE | ROLLBACK).
  const HookVerdict rollback = hook_verdict(hook_with_timeout(30, HookTimeoutAction::rollback),
                                            {HookStatus::in_progress, seconds(0)});
  CHECK(rollback.status == HookVerdictStatus::timed_out);
  CHECK(rollback.after == minutes(30));
  CHECK(rollback.rollback);
  const HookVerdict go_on = hook_verdict(hook_with_timeout(30, HookTimeoutAction::continue_deployment),
                                         {HookStatus::in_progress, seconds(0)});
  CHECK(go_on.status == HookVerdictStatus::timed_out);
  CHECK(go_on.after == minutes(30));
  CHECK_FALSE(go_on.rollback);
}

TEST_CASE("an answer that comes after the timeout is too late") {
  // Given SUCCEEDED after 2 h and a 60 min timeout, then TIMED_OUT at 60 min.
  // Source: API_DeploymentLifecycleHookDetail expiresAt ("if the hook has not been completed by
  // this time, Amazon ECS takes the timeout action").
  const HookVerdict v = hook_verdict(hook_with_timeout(60, HookTimeoutAction::rollback),
                                     {HookStatus::succeeded, hours(2)});
  CHECK(v.status == HookVerdictStatus::timed_out);
  CHECK(v.after == minutes(60));
}

TEST_CASE("a timeout beyond the 24-hour stage cap never fires: the cap rolls back first") {
  // Given timeoutInMinutes 2880 with action CONTINUE and a hook that never answers, then the
  // stage ends at 24 h and the deployment rolls back. Source: ecs-rules §3.3 ("each stage is
  // capped at 24 h; on expiry the deployment fails and rolls back").
  const HookVerdict v = hook_verdict(hook_with_timeout(2880, HookTimeoutAction::continue_deployment),
                                     {HookStatus::in_progress, seconds(0)});
  CHECK(v.status == HookVerdictStatus::timed_out);
  CHECK(v.after == hours(24));
  CHECK(v.rollback);
}

}  // namespace sim::ecs
