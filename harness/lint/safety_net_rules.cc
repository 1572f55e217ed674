// alarms-not-enforced, bake-zero-with-alarms and hook-timeout-continue: the nets that catch a
// revision which passes its health checks but is broken (seed 001's class) — CloudWatch alarms,
// the bake that gives them time, and lifecycle hooks — configured so they cannot catch it.
#include <string>

#include "harness/lint/rules.h"

namespace harness::lint {
namespace {

constexpr const char* kSeed001 =
    "seed 001: the container passed its health checks while the application was broken, and only "
    "a check after the deploy (\"Deployment fails if verification doesn't pass\") could stop it";

}  // namespace

void check_alarms_not_enforced(const LintContext& context, Findings& out) {
  const sim::model::DeploymentAlarmsConfig& alarms = context.scenario.service.deployment.alarms;
  if (context.scenario.alarms.empty() && alarms.alarm_names.empty()) return;
  // Only alarms listed with enable fail a deployment, and it rolls back only with rollback
  // (API_DeploymentAlarms; ecs-rules §2).
  if (!alarms.enable) {
    out.add(Severity::warning, "alarms-not-enforced", context.source.service("/deploymentConfiguration/alarms/enable"),
            "CloudWatch alarms are defined but deploymentConfiguration.alarms is not enabled: an alarm in ALARM "
            "does not fail the deployment",
            std::string(kSeed001) + "; ecs-rules §2: ECS fails a deployment only on the alarms it is told to watch");
  } else if (!alarms.rollback) {
    out.add(Severity::warning, "alarms-not-enforced", context.source.service("/deploymentConfiguration/alarms/rollback"),
            "deploymentConfiguration.alarms has rollback false: an alarm fails the deployment but the broken "
            "revision keeps serving",
            std::string(kSeed001) + "; ecs-rules §2: rollback happens only if the method that fired has rollback=true");
  }
}

void check_bake_zero_with_alarms(const LintContext& context, Findings& out) {
  const sim::model::DeploymentConfiguration& deployment = context.scenario.service.deployment;
  // Left out, a rolling bake is computed from the alarms (ecs-rules §2); an explicit 0 has none.
  const bool no_bake = deployment.bake_time == sim::Millis{0} &&
                       (deployment.bake_time_given || deployment.strategy != sim::model::DeploymentStrategy::rolling);
  if (!deployment.alarms.enable || !no_bake) return;
  // Without a bake ECS completes at steady state (rolling) or scales blue to 0 right after the
  // traffic shift (blue/green): an alarm needs whole periods of bad datapoints after that.
  out.add(Severity::warning, "bake-zero-with-alarms", context.source.service("/deploymentConfiguration/bakeTimeInMinutes"),
          "alarms are enabled but bakeTimeInMinutes is 0: the deployment completes as soon as the new revision is "
          "healthy, before an alarm on its requests can have enough datapoints to fire",
          std::string(kSeed001) + "; ecs-rules §2 and §3.2: alarms are watched through the bake, and "
          "scenarios/examples/healthy-but-failing-rolling-alarm-bake-10 COMPLETES with a 20 % failing revision at "
          "bake 0 and rolls back at 5 min or more");
}

void check_hook_timeout_continue(const LintContext& context, Findings& out) {
  const auto& hooks = context.scenario.service.deployment.lifecycle_hooks;
  for (std::size_t i = 0; i < hooks.size(); ++i) {
    if (hooks[i].timeout_action != sim::model::HookTimeoutAction::continue_deployment) continue;
    out.add(Severity::warning, "hook-timeout-continue",
            context.source.service("/deploymentConfiguration/lifecycleHooks/" + std::to_string(i) +
                                   "/timeoutConfiguration/action"),
            "lifecycle hook " + hooks[i].hook_target_arn +
                " has timeout action CONTINUE: a hook that hangs or never reports lets the deployment through "
                "unchecked",
            std::string(kSeed001) + "; API_DeploymentLifecycleHookTimeoutConfiguration: CONTINUE \"proceeds the "
            "deployment to the next lifecycle stage\" (ecs-rules §3.3); scenarios/examples/hook-times-out-canary "
            "rolls back with ROLLBACK");
  }
}

}  // namespace harness::lint
