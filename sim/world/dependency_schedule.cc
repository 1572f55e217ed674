#include "sim/world/dependency_schedule.h"

#include <algorithm>

namespace sim::world {
namespace {

std::vector<model::TimeWindow> merged(std::vector<model::TimeWindow> w) {
  std::sort(w.begin(), w.end(), [](const auto& a, const auto& b) {
    return a.from < b.from || (a.from == b.from && a.to < b.to);
  });
  std::vector<model::TimeWindow> out;
  for (const auto& x : w) {
    if (x.to <= x.from) continue;
    if (!out.empty() && x.from <= out.back().to)
      out.back().to = std::max(out.back().to, x.to);
    else
      out.push_back(x);
  }
  return out;
}

}  // namespace

DependencySchedule::DependencySchedule(const std::vector<model::DependencyProfile>& dependencies,
                                       const std::vector<model::Fault>& faults,
                                       const RngStreams& streams) {
  for (const auto& d : dependencies) {
    std::vector<model::TimeWindow> down = d.outages;
    if (!d.reachable) {
      down.push_back({-kNever, kNever});
    } else {
      // One stream per dependency name, so adding a dependency shifts no other draw.
      Rng rng = streams.stream(std::string("dependency.ready.") + d.name);
      const Millis ready = Millis{rng.uniform_int(d.ready_after_min.count(),
                                                  std::max(d.ready_after_min, d.ready_after_max).count())};
      // Ready `ready` after the run starts: down from the start until then. Tasks already running
      // at the start connected to it long before (it was up then).
      if (ready > Millis{0}) down.push_back({Millis{0}, ready});
    }
    down_[d.name] = down;
  }
  for (const auto& f : faults)
    if (f.kind == model::FaultKind::dependency_outage)
      down_[f.target].push_back({f.at, f.at + f.duration});
  for (auto& [name, windows] : down_) windows = merged(std::move(windows));
}

bool DependencySchedule::up(const std::string& name, Millis t) const {
  const auto it = down_.find(name);
  if (it == down_.end()) return true;
  for (const auto& w : it->second)
    if (t >= w.from && t < w.to) return false;
  return true;
}

Millis DependencySchedule::next_change(const std::string& name, Millis t) const {
  const auto it = down_.find(name);
  if (it == down_.end()) return kNever;
  for (const auto& w : it->second) {
    if (w.from > t) return w.from;
    if (w.to > t) return w.to;
  }
  return kNever;
}

Millis DependencySchedule::next_up(const std::string& name, Millis t) const {
  const auto it = down_.find(name);
  if (it == down_.end()) return t;
  for (const auto& w : it->second)
    if (t >= w.from && t < w.to) return w.to;
  return t;
}

std::vector<DependencySchedule::Edge> DependencySchedule::edges() const {
  std::vector<Edge> out;
  for (const auto& [name, windows] : down_)
    for (const auto& w : windows) {
      if (w.from > Millis{0} && w.from < kNever) out.push_back({w.from, name, false});
      if (w.to > Millis{0} && w.to < kNever) out.push_back({w.to, name, true});
    }
  std::stable_sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) { return a.at < b.at; });
  return out;
}

}  // namespace sim::world
