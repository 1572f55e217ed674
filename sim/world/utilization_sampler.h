// What the ECS agent measures of a service's tasks for Application Auto Scaling: every 20 s,
// the CPU and memory each RUNNING task uses and reserves, and the healthy targets (ecs-rules
// §13.2). CPU comes from the app profile: idle units plus CPU time per request, for the requests
// the load balancer sends the task; memory from the app's memory curve. The sums go into the
// TrafficReport the world hands the control plane, which makes minute datapoints of them.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/ecs/runtime.h"
#include "sim/model/scenario.h"
#include "sim/world/traffic_meter.h"

namespace sim::world {

// ECS collects utilisation every 20 s (cloudwatch-metrics.html, "Service utilization").
inline constexpr Millis kUtilizationSample = seconds(20);

// One RUNNING task at a sample, as the world sees it.
struct RunningTask {
  int deployment = 0;
  int task_definition = 0;
  bool serving = false;           // a healthy registered target: the load balancer sends it requests
  std::int64_t memory_mib = 0;    // resident memory of its running containers
};

class UtilizationSampler {
 public:
  explicit UtilizationSampler(const model::Scenario& scenario) { task_definitions_added(scenario); }

  // Sizes the task definitions appended to the scenario since (deploysim serve registers more).
  void task_definitions_added(const model::Scenario& scenario);

  // Takes one sample: `requests_per_second` reach the load balancer now and are split over the
  // deployments by `serving`'s weights, then evenly over each deployment's serving tasks.
  void sample(int requests_per_second, const std::vector<ServingRevision>& serving,
              const std::vector<RunningTask>& running);

  const ecs::UtilizationSamples& totals() const { return totals_; }

  // CPU units one task of `td` uses at `requests_per_second_milli` thousandths of a request per
  // second: idle plus CPU time per request, at most the task-level cpu (ecs-rules §13.2).
  std::int64_t cpu_units(int td, std::int64_t requests_per_second_milli) const;

 private:
  struct Sizes {
    std::int64_t cpu_units = 0;  // task-level cpu; 0 when unset (the task is left out of CPU)
    std::int64_t reserved_mib = 0;
    std::int64_t idle_units = 0;
    std::int64_t micros_per_request = 0;
  };
  std::vector<Sizes> td_;  // per task definition
  ecs::UtilizationSamples totals_;
};

}  // namespace sim::world
