// The section readers: each turns one section of the scenario format (scenarios/README.md) into
// its model type, checking types and ECS ranges through json_reader.h and the names it refers to
// against what was read before it. That is why the loader reads the sections in dependency order:
// dependencies, apps, task definitions, service, target group, faults, platform (and expect,
// which names nothing).
//
// AWS sections (service, task definitions, container definitions, target group) accept every
// key AWS prints and list the ones we do not model as ignored; our own sections reject unknown
// keys.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/scenario/json_reader.h"
#include "sim/model/app_profile.h"
#include "sim/model/autoscaling.h"
#include "sim/model/check_spec.h"
#include "sim/model/dependency.h"
#include "sim/model/expectations.h"
#include "sim/model/fault.h"
#include "sim/model/health_check.h"
#include "sim/model/platform_timing.h"
#include "sim/model/service_config.h"
#include "sim/model/service_update.h"
#include "sim/model/task_definition.h"
#include "sim/model/traffic.h"

namespace harness::scenario {

// One element of "dependencies": name, readyAfterSeconds (a number or [min, max]), reachable,
// outages.
sim::model::DependencyProfile read_dependency(const Node& node);

// The profile of `image` in "apps". Dependencies named in connectsTo and in endpoint checks must
// be among `dependency_names`.
sim::model::AppProfile read_app_profile(const Node& node, const std::string& image,
                                        const std::vector<std::string>& dependency_names);

// One element of "taskDefinitions": `aws ecs describe-task-definition` output with or without its
// {"taskDefinition": ...} wrapper, or {"$file": ...}. Every container image needs a profile in
// `apps`. Without "revision" it gets the next revision of its family after those in `earlier`
// (as registering them in order would); a family:revision already in `earlier` is an error.
sim::model::TaskDefinition read_task_definition(
    const Node& node, const std::map<std::string, sim::model::AppProfile>& apps,
    const std::vector<sim::model::TaskDefinition>& earlier);

// One element of containerDefinitions (dependsOn names are checked by the task definition).
sim::model::ContainerDefinition read_container_definition(
    const Node& node, const std::map<std::string, sim::model::AppProfile>& apps);

// "service": one service as `aws ecs describe-services` prints it (also inside its
// {"services": [...]} wrapper) or as create-service --cli-input-json takes it. loadBalancers[0]
// must name a container and containerPort of every task definition in `in_use`;
// deploymentConfiguration.alarms.alarmNames must each be one of `defined_alarms`.
// Each lifecycle hook's hookTargetArn must be one of `simulated_hooks`.
sim::model::ServiceConfig read_service(
    const Node& node, const std::vector<const sim::model::TaskDefinition*>& in_use,
    const std::vector<std::string>& defined_alarms = {}, const std::vector<std::string>& simulated_hooks = {});

// deploymentConfiguration as describe-services prints it and UpdateService takes it: members
// absent keep their value in `base` (the service's configuration before the call).
sim::model::DeploymentConfiguration read_deployment_configuration(
    const Node& node, const std::vector<std::string>& defined_alarms, const std::vector<std::string>& simulated_hooks,
    const sim::model::DeploymentConfiguration& base = {});

// What the "timeline" section refers to, read before it.
struct TimelineContext {
  const sim::model::ServiceConfig& service;                  // the service at the start
  std::function<int(const Node&)> task_definition;           // a reference to its index
  const std::vector<std::string>& alarm_names;
  const std::vector<std::string>& hook_arns;
  double horizon_seconds = 0;
};

// "timeline": [{"atSeconds": N, "updateService": {UpdateService request}}], in time order
// (timeline_reader.cc; ecs-rules §12).
std::vector<sim::model::ServiceUpdate> read_timeline_section(const Node& node, const TimelineContext& context);

// deploymentConfiguration.lifecycleHooks: AWS_LAMBDA hooks whose hookTargetArn is one of
// `simulated_arns`, at the stages `strategy` goes through, with an optional timeoutConfiguration.
std::vector<sim::model::LifecycleHook> read_lifecycle_hooks(const Node& node, sim::model::DeploymentStrategy strategy,
                                                            const std::vector<std::string>& simulated_arns);

// "lifecycleHookResults": by hook ARN, {"hookStatus": "SUCCEEDED" | "FAILED" | "IN_PROGRESS",
// "afterSeconds": N} (no afterSeconds with IN_PROGRESS: such a hook never answers).
std::map<std::string, sim::model::SimulatedHookResult> read_hook_results(const Node& node);

// "targetGroup": one target group as `aws elbv2 describe-target-groups` prints it (also inside
// {"TargetGroups": [...]}), plus DeregistrationDelaySeconds.
sim::model::TargetGroupHealthCheck read_target_group(const Node& node);

// One element of "faults". A dependency_outage targets one of `dependency_names`; a stop_task
// targets "old" or "new".
// `availability_zones`: the platform's "availabilityZones", which an "az_lost" fault names.
sim::model::Fault read_fault(const Node& node, const std::vector<std::string>& dependency_names,
                             const std::vector<std::string>& availability_zones);

// "platform": the step durations and jitter, plus the EC2 cluster's memory (a service setting in
// the model, kept here because describe-services has no such field).
struct PlatformSection {
  sim::model::PlatformTiming timing;
  std::optional<int> cluster_memory_mib;
  std::vector<std::string> availability_zones;  // "availabilityZones": the subnets' zones
};
PlatformSection read_platform(const Node& node);

// "expect": the outcome ("COMPLETED", "ROLLED_BACK", "FAILED", "STUCK" or, for a steady-state run,
// "STEADY_STATE"; required) and optional
// bounds on metrics, each {"min": x, "max": y} with at least one end; counts also take a bare
// integer meaning exactly that many.
sim::model::Expectations read_expectations(const Node& node);

// "check": `deploysim check`'s runs, fault envelope (slowStartSeconds, dependencyBlips naming
// some of `dependency_names`, breaking faults) and intents (at least one; each a name, the deploy
// class it is about, one outcome or a list, and an optional withinSeconds).
sim::model::CheckSpec read_check_spec(const Node& node, const std::vector<std::string>& dependency_names);

// "traffic": requestsPerSecond (1-100000) from time 0, and "changes": [{atSeconds,
// requestsPerSecond (0-100000)}] in time order, each the rate from then on.
sim::model::TrafficConfig read_traffic(const Node& node);

// "alarms": CloudWatch MetricAlarms as describe-alarms prints them (the array, or the whole answer
// with "MetricAlarms"): AlarmName, MetricName, ComparisonOperator, Threshold, Period,
// EvaluationPeriods, DatapointsToAlarm.
std::vector<sim::model::AlarmDefinition> read_alarms(const Node& node);

// "autoscaling": {"ScalableTargets": [one target], "ScalingPolicies": [...]} as
// `aws application-autoscaling describe-scalable-targets` and `describe-scaling-policies` print
// them: MinCapacity, MaxCapacity, SuspendedState; TargetTrackingScaling policies on the three
// predefined ECS metrics. ResourceId, where given, must name `service`.
sim::model::ServiceAutoScaling read_autoscaling(const Node& node, const sim::model::ServiceConfig& service);

// Integer ranges shared by several sections.
inline constexpr IntRange kPortRange{1, 65535};
inline constexpr IntRange kExitCodeRange{0, 255};
inline constexpr IntRange kPermilleRange{0, 10000};

}  // namespace harness::scenario
