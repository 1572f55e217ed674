// The ECS service as the controller sees it: desired count, deployment configuration, circuit
// breaker, grace period and load balancer (plain data, ECS names and defaults).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/health_check.h"
#include "sim/model/lifecycle_hook.h"
#include "sim/model/task_definition.h"

namespace sim::model {

// deploymentCircuitBreaker.thresholdConfiguration.type (July 2026; ecs-rules §1.2).
enum class ThresholdType { bounded_percent, unbounded_percent, count };

struct CircuitBreakerConfig {
  bool enable = false;               // required in the API; the service default is off
  bool rollback = false;             // required in the API
  bool reset_on_healthy_task = true;  // default true: "consecutive" counting (ecs-rules §1.2)
  ThresholdType threshold_type = ThresholdType::bounded_percent;  // default BOUNDED_PERCENT
  int threshold_value = 50;          // default 50; 1-100 for the percent types
};

// deploymentConfiguration.strategy (ecs-rules §3.2).
enum class DeploymentStrategy { rolling, blue_green, linear, canary };

// deploymentConfiguration.alarms (API_DeploymentAlarms; ecs-rules §2): all three are required.
struct DeploymentAlarmsConfig {
  std::vector<std::string> alarm_names;  // each defined in the scenario's "alarms" section
  bool enable = false;
  bool rollback = false;
};

struct DeploymentConfiguration {
  int minimum_healthy_percent = 100;  // API default 100 for REPLICA (CDK uses 50), rounded up
  int maximum_percent = 200;          // API default 200, rounded down
  CircuitBreakerConfig circuit_breaker;
  DeploymentAlarmsConfig alarms;
  // ROLLING (default) replaces tasks within minimum/maximumPercent; BLUE_GREEN scales the new
  // revision to 100 % beside the old, shifts all production traffic at once, bakes, then scales
  // the old revision to 0 (blue-green-deployment-how-it-works.html; ecs-rules §3.2).
  DeploymentStrategy strategy = DeploymentStrategy::rolling;
  // CANARY: canaryPercent (0.1-100.0, default 5.0) of production traffic, then
  // canaryBakeTimeInMinutes (0-1440, default 10), then 100 % (API_CanaryConfiguration).
  int canary_percent_tenths = 50;
  Millis canary_bake_time = minutes(10);
  // LINEAR: steps of stepPercent (3.0-100.0, default 10.0), stepBakeTimeInMinutes (0-1440,
  // default 6) between steps, not after 100 % (API_LinearConfiguration).
  int linear_step_percent_tenths = 100;
  Millis linear_step_bake_time = minutes(6);
  // bakeTimeInMinutes, 0-1440: how long alarms are still watched after steady state (rolling) or
  // after all production traffic is on the new revision (blue/green) (ecs-rules §2, §3.2). ECS's
  // own default for rolling deployments is not published; ours is 0. Required for BLUE_GREEN.
  Millis bake_time = minutes(0);
  // bakeTimeInMinutes was given. A ROLLING deployment with alarms and no bakeTimeInMinutes still
  // bakes, for a window ECS computes from the alarms (sim/ecs/bake.h; ecs-rules §2).
  bool bake_time_given = false;
  // lifecycleHooks: Lambda functions ECS invokes at the lifecycle stages they name (ecs-rules §3.3).
  std::vector<LifecycleHook> lifecycle_hooks;
};

struct ServiceConfig {
  std::string name = "web";
  std::string cluster = "default";
  int desired_count = 1;
  DeploymentConfiguration deployment;
  // healthCheckGracePeriodSeconds: the scheduler ignores unhealthy ELB and container health
  // checks for this long after a task first reaches RUNNING (default 0; ecs-rules §6).
  Millis health_check_grace_period = seconds(0);
  std::optional<TargetGroupHealthCheck> load_balancer;  // absent: no target group
  std::string container_name_for_lb;  // loadBalancers[].containerName
  int container_port_for_lb = 0;      // loadBalancers[].containerPort
  LaunchType launch_type = LaunchType::fargate;
  // The Availability Zones of the service's subnets, in the order given (platform
  // "availabilityZones"); tasks are spread across them (ecs-rules §12.6). Empty: zones are not
  // modelled, every task is in one unnamed zone.
  std::vector<std::string> availability_zones;
  // EC2 only: memory MiB the cluster can place in total; absent means unlimited capacity.
  std::optional<int> cluster_memory_mib;
};

}  // namespace sim::model
