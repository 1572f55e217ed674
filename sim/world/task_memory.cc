#include "sim/world/task_memory.h"

#include <algorithm>
#include <cmath>

#include "sim/world/container_plan.h"

namespace sim::world {
namespace {

// The summed memory at `t` of the containers alive at `alive_at` (so a segment's end is read
// with the containers of its start, before any of them exits there).
double sum_at(const std::vector<ContainerMemory>& containers, Millis alive_at, Millis t) {
  double sum = 0;
  for (const ContainerMemory& c : containers)
    if (c.started_at <= alive_at && alive_at < c.exit_at) sum += memory_at(*c.profile, t - c.started_at);
  return sum;
}

std::vector<Millis> breakpoints(const std::vector<ContainerMemory>& containers, Millis from) {
  std::vector<Millis> points = {from};
  for (const ContainerMemory& c : containers) {
    for (const model::MemoryPoint& p : c.profile->memory)
      if (c.started_at + p.at > from) points.push_back(c.started_at + p.at);
    if (c.started_at > from) points.push_back(c.started_at);
    if (c.exit_at > from && c.exit_at != kNever) points.push_back(c.exit_at);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  return points;
}

}  // namespace

Millis task_memory_crossing(const std::vector<ContainerMemory>& containers, int cap_mib, Millis from) {
  const std::vector<Millis> points = breakpoints(containers, from);
  const double cap = cap_mib;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Millis t0 = points[i];
    // The last segment runs on with the leaks: read its slope an hour on.
    const Millis t1 = i + 1 < points.size() ? points[i + 1] : t0 + hours(1);
    const double s0 = sum_at(containers, t0, t0);
    if (s0 >= cap) return t0;
    const double s1 = sum_at(containers, t0, t1);
    if (s1 < cap) continue;
    const double span = static_cast<double>((t1 - t0).count());
    const Millis cross = t0 + Millis{static_cast<std::int64_t>(std::ceil((cap - s0) * span / (s1 - s0)))};
    if (i + 1 == points.size() || cross < t1) return cross;
  }
  return kNever;
}

std::size_t largest_at(const std::vector<ContainerMemory>& containers, Millis t) {
  std::size_t largest = 0;
  double most = -1;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const double mib = memory_at(*containers[i].profile, t - containers[i].started_at);
    if (mib > most) {
      most = mib;
      largest = i;
    }
  }
  return largest;
}

}  // namespace sim::world
