// A scenario: everything one run needs, as plain data. harness/scenario builds it from JSON;
// tests and benchmarks build it in code.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/app_profile.h"
#include "sim/model/autoscaling.h"
#include "sim/model/check_spec.h"
#include "sim/model/dependency.h"
#include "sim/model/expectations.h"
#include "sim/model/fault.h"
#include "sim/model/platform_timing.h"
#include "sim/model/service_config.h"
#include "sim/model/service_update.h"
#include "sim/model/task_definition.h"
#include "sim/model/traffic.h"

namespace sim::model {

// How periodic health checks are simulated. Both give the same transitions; `per_probe` spends
// one event per probe and exists as the reference the fast mode is tested against.
enum class ProbeMode { predictive, per_probe };

// The deployment under test: the UpdateService whose deployment's outcome the run reports. It is
// the last deployment the timeline starts (the JSON "deploy" section, or the timeline's last
// action with a task definition or forceNewDeployment).
struct Deploy {
  int to_task_definition = 1;  // index into Scenario::task_definitions
  Millis at = seconds(0);
  // A steady-state run ("deploy": "none"): no deployment under test; the service runs its initial
  // revision through the timeline and the faults, judged by its figures (ecs-rules §12.5).
  bool none = false;
};

struct Scenario {
  std::string name = "unnamed";
  std::string source;                 // file it came from, for messages
  // Free text for people (the JSON "description", "story" and "source": where the case comes
  // from, such as a seed write-up). The simulation ignores them, and `expect`.
  std::string description;
  std::string story;
  std::string provenance;
  std::optional<Expectations> expect;  // what the run must show; checked by harness/scenario
  std::optional<CheckSpec> check;      // what `deploysim check` explores; harness/check
  std::uint64_t seed = 1;
  Millis horizon = hours(2);
  std::uint64_t event_cap = 100'000'000;  // the run stops with a clear reason past this
  std::string rule_set = "current";   // see sim/ecs/rule_set.h
  ServiceConfig service;
  std::vector<TaskDefinition> task_definitions;
  int initial_task_definition = 0;  // runs at t=0, COMPLETED and healthy (index)
  Deploy deploy;
  // Every other UpdateService call, in time order: desiredCount changes, new configuration, and
  // deployments before the one under test (ecs-rules §12). At the same instant they go before
  // the deploy above, in the order written.
  std::vector<ServiceUpdate> timeline;
  std::map<std::string, AppProfile> apps;  // by image reference
  std::vector<DependencyProfile> dependencies;
  std::vector<Fault> faults;
  std::vector<std::string> unreadable_secrets;  // secrets ECS cannot fetch (task fails to start)
  // Values of secrets as the user read them from Secrets Manager or SSM, by valueFrom; deploysim
  // never fetches them. Unlisted secrets have unknown values (sim/model/configured_value.h).
  std::map<std::string, std::string> secret_values;
  PlatformTiming platform;
  std::optional<TrafficConfig> traffic;  // absent: no request traffic is simulated
  std::vector<AlarmDefinition> alarms;   // CloudWatch alarms, by name, over the traffic
  std::optional<ServiceAutoScaling> autoscaling;  // absent: desiredCount changes only by hand
  // What each lifecycle hook's Lambda answers, by hookTargetArn ("lifecycleHookResults").
  std::map<std::string, SimulatedHookResult> hook_results;
  ProbeMode probe_mode = ProbeMode::predictive;
  bool stop_at_outcome = true;  // false: keep simulating to the horizon after the outcome
};

}  // namespace sim::model
