// memory-below-peak: the kernel kills a container whose memory reaches its hard limit (exit 137,
// "OutOfMemoryError: Container killed due to memory usage"). The limit is the container's
// `memory`, else in a one-container task the task's; with several containers the task's memory is
// one cap they share (ecs-rules §8), checked against their sum.
#include <algorithm>
#include <cmath>
#include <vector>

#include "harness/lint/rules.h"
#include "sim/world/container_plan.h"
#include "sim/world/task_memory.h"

namespace harness::lint {
namespace {

constexpr const char* kWhy =
    "seed 000: OOM kills at 128 MB; each new task died with exit 137 about 30 s after it started "
    "until the circuit breaker rolled the deploy back";

// The highest resident memory of the profile during `lifetime`: its points (memory is linear
// between them, so the peak is at one of them) and where the leak has taken it by the end.
int peak_mib(const sim::model::AppProfile& profile, sim::Millis lifetime) {
  double peak = sim::world::memory_at(profile, lifetime);
  for (const sim::model::MemoryPoint& point : profile.memory)
    if (point.at <= lifetime) peak = std::max(peak, static_cast<double>(point.mib));
  return static_cast<int>(std::ceil(peak));
}

}  // namespace

// With several containers the task's memory is one cap they share (ecs-rules §8): their curves,
// all started at once, must not reach it together.
static void check_shared_memory(const LintContext& context, Findings& out) {
  const sim::model::TaskDefinition& definition = context.deployed();
  const int cap = definition.shared_memory_cap_mib();
  if (cap == 0) return;
  std::vector<sim::world::ContainerMemory> memory;
  for (const sim::model::ContainerDefinition& container : definition.containers)
    if (const sim::model::AppProfile* profile = context.profile(container)) memory.push_back({profile, sim::Millis{0}});
  const sim::Millis crossing = sim::world::task_memory_crossing(memory, cap, sim::Millis{0});
  if (memory.empty() || crossing > context.scenario.horizon) return;
  out.add(Severity::error, "memory-below-peak", context.source.task_definition(context.deployed_index(), "/memory"),
          std::to_string(cap) + " MiB of task memory is shared by its " + std::to_string(definition.containers.size()) +
              " containers, which together reach it " + sim::format_seconds(crossing) +
              " after start: the kernel OOM-kills the largest (exit 137)",
          kWhy);
}

void check_memory_below_peak(const LintContext& context, Findings& out) {
  const sim::model::TaskDefinition& definition = context.deployed();
  // A container can live no longer than the run, so the horizon bounds its lifetime (and leak).
  const sim::Millis lifetime = context.scenario.horizon;
  for (std::size_t i = 0; i < definition.containers.size(); ++i) {
    const sim::model::ContainerDefinition& container = definition.containers[i];
    const sim::model::AppProfile* profile = context.profile(container);
    // Its own limit, as the simulated world applies it (TaskDefinition::container_memory_limit_mib).
    const int own_limit = definition.container_memory_limit_mib(container);
    if (profile == nullptr || own_limit == 0) continue;
    const std::optional<int> limit = own_limit;
    const sim::Millis crossing = sim::world::memory_crossing(*profile, *limit);
    if (crossing > lifetime) continue;
    const int peak = peak_mib(*profile, lifetime);
    const Location where =
        container.memory_mib ? context.container(i, "/memory")
                             : context.source.task_definition(context.deployed_index(), "/memory");
    const std::string whose =
        container.memory_mib ? ""
                             : " (task memory; container \"" + container.name + "\" sets none)";
    out.add(Severity::error, "memory-below-peak", where,
            std::to_string(*limit) + " MiB" + whose + (*limit < peak ? " is below" : " is at") +
                " the app's peak of " + std::to_string(peak) + " MiB: container \"" +
                container.name + "\" (" + container.image + ") reaches " + std::to_string(*limit) +
                " MiB " + sim::format_seconds(crossing) +
                " after start and is OOM-killed (exit 137)",
            kWhy);
  }
  check_shared_memory(context, out);
}

}  // namespace harness::lint
