// rapidcheck generators of service configurations within ECS's real ranges, for the project's
// own properties (tests/properties) and for anyone who wants configs around a fixed part. Each
// piece generates alone and they compose: gen_scenario() builds a whole two-revision scenario
// (web:1 running, web:2 deployed) from them, and a caller may fix any piece by editing the result.
//
// Ranges: desiredCount 1-6 (small, so runs stay fast), minimumHealthyPercent 0-100,
// maximumPercent 100-200 (with room to make progress: maxTasks > minHealthyTasks), grace 0-300 s,
// container checks interval 5-60 s, timeout 2-10 s (< interval), retries 1-10, startPeriod
// 0-300 s; target groups interval 5-60 s, timeout 2-10 s, thresholds 2-10; start-up phases
// 0-60 s; memory peak 64-400 MiB under a 512, 1024 or 2048 MiB limit; breaker thresholds
// BOUNDED_PERCENT or UNBOUNDED_PERCENT 1-100 or COUNT 1-5, resetOnHealthyTask on or off.
#pragma once

#include <rapidcheck.h>

#include "sim/model/scenario.h"

namespace harness::check {

// What a generated scenario must look like, for properties whose premise needs it.
struct ConfigShape {
  bool breaker_on = false;        // force the circuit breaker on (rollback still generated)
  bool grace_covers_startup = false;  // the grace period outlasts start-up plus recovery
};

rc::Gen<sim::model::DeploymentConfiguration> gen_deployment_configuration(int desired_count, bool breaker_on);
rc::Gen<sim::model::ContainerHealthCheck> gen_container_health_check(int port);
rc::Gen<sim::model::TargetGroupHealthCheck> gen_target_group();
rc::Gen<sim::model::AppProfile> gen_app_profile(const std::string& image);

// A whole scenario: one essential container per revision, the same generated app in both (the
// deployed one is healthy until faults are applied), optional container check and target group,
// and optionally a dependency "db" the app waits for and its /health/ready checks.
rc::Gen<sim::model::Scenario> gen_scenario(ConfigShape shape);

}  // namespace harness::check
