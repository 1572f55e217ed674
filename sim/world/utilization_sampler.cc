#include "sim/world/utilization_sampler.h"

#include <algorithm>

#include "sim/world/served_traffic.h"

namespace sim::world {

void UtilizationSampler::task_definitions_added(const model::Scenario& scenario) {
  for (std::size_t i = td_.size(); i < scenario.task_definitions.size(); ++i) {
    const model::TaskDefinition& td = scenario.task_definitions[i];
    Sizes sizes;
    sizes.cpu_units = td.cpu_units.value_or(0);
    // The memory denominator: memoryReservation where set, else memory (ecs-rules §13.2).
    sizes.reserved_mib = td.placement_memory_mib();
    if (const model::AppProfile* app = served_app(td, scenario)) {
      sizes.idle_units = app->cpu_idle_units;
      sizes.micros_per_request = app->cpu_micros_per_request;
    }
    td_.push_back(sizes);
  }
}

std::int64_t UtilizationSampler::cpu_units(int td, std::int64_t requests_per_second_milli) const {
  const Sizes& s = td_.at(static_cast<std::size_t>(td));
  // CPU seconds per second x 1024 units: rps x micros / 10^6 x 1024. In thousandths of a
  // request, 10^8 x 10^7 us x 1024 stays inside int64.
  const std::int64_t busy = requests_per_second_milli * s.micros_per_request * 1024 / 1'000'000'000;
  // With task-level cpu the task cannot use more than it (cloudwatch-metrics.html).
  return std::min(s.idle_units + busy, s.cpu_units);
}

void UtilizationSampler::sample(int requests_per_second, const std::vector<ServingRevision>& serving,
                                const std::vector<RunningTask>& running) {
  std::int64_t total_weight = 0;
  for (const ServingRevision& s : serving) total_weight += s.weight;
  // Serving tasks per deployment: round robin gives each the same share of its deployment's.
  std::vector<std::int64_t> serving_tasks;
  for (const RunningTask& t : running) {
    if (!t.serving) continue;
    if (static_cast<std::size_t>(t.deployment) >= serving_tasks.size())
      serving_tasks.resize(static_cast<std::size_t>(t.deployment) + 1, 0);
    ++serving_tasks[static_cast<std::size_t>(t.deployment)];
  }
  ++totals_.samples;
  for (const RunningTask& t : running) {
    std::int64_t rate_milli = 0;
    if (t.serving && total_weight > 0) {
      for (const ServingRevision& s : serving)
        if (s.deployment == t.deployment)
          rate_milli = std::int64_t{requests_per_second} * 1000 * s.weight / total_weight /
                       serving_tasks[static_cast<std::size_t>(t.deployment)];
      ++totals_.healthy_targets;
    }
    const Sizes& sizes = td_.at(static_cast<std::size_t>(t.task_definition));
    ++totals_.running_tasks;
    if (sizes.cpu_units > 0) {
      totals_.cpu_used_units += cpu_units(t.task_definition, rate_milli);
      totals_.cpu_reserved_units += sizes.cpu_units;
    }
    totals_.memory_used_mib += t.memory_mib;
    totals_.memory_reserved_mib += sizes.reserved_mib;
  }
}

}  // namespace sim::world
