// Predicting a periodic health check instead of simulating every probe.
//
// Between two change points of the app (it starts answering, a dependency drops, it exits) every
// probe gets the same answer, so once the state machine has settled on that answer (passing while
// healthy, failing while unhealthy) the probes until the next change point cannot move it and are
// skipped arithmetically. forecast() walks probes from a known machine state and returns the next
// transition (when, and the machine after it) plus the runs of probes it accounted on the way.
// The per-probe reference mode applies the very same machine to the very same answers, one event
// per probe, which is how the two modes are tested equal.
#pragma once

#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <cstdint>

#include "sim/ecs/health_status.h"
#include "sim/engine/time.h"

namespace sim::world {

// Probes starting at first, first + period, ... strictly before `until`.
struct ProbeRun {
  Millis first;
  Millis period;
  Millis until;

  std::uint64_t count_before(Millis t) const {
    const Millis end = std::min(until, t);
    if (end <= first) return 0;
    return static_cast<std::uint64_t>((end - first + period - Millis{1}) / period);
  }
  // The start after the last probe of the run.
  Millis next() const { return first + period * static_cast<std::int64_t>(count_before(until)); }
};

// A forecast's runs of probes: it rarely holds more than two, so they live inside the forecast
// (inside the task's record) rather than in an allocation of their own per task.
using ProbeRuns = boost::container::small_vector<ProbeRun, 2>;

// Appends probes starting at `start` every `period` before `until`, extending the last run when
// the new probes continue it on the same cadence (an ELB target's probes always do), so that a
// forecast rarely holds more than a run or two.
inline void add_probes(ProbeRuns& runs, Millis start, Millis period, Millis until) {
  if (!runs.empty() && runs.back().period == period && runs.back().next() == start) {
    runs.back().until = until;
    return;
  }
  runs.push_back({start, period, until});
}

template <class Machine>
struct Forecast {
  bool transition = false;
  Millis at = kNever;     // when the transition is seen: the end of the deciding probe
  Machine after;          // the machine right after the transition
  Millis next_start = kNever;
  ProbeRuns runs;

  std::uint64_t probes_before(Millis t) const {
    std::uint64_t n = 0;
    for (const ProbeRun& r : runs) n += r.count_before(t);
    return n;
  }
};

// `source` answers probes: answer(t) -> ecs::ProbeOutcome, next_change(t) -> Millis. Writes into
// `f`, reusing its storage: forecasts are recomputed often and must not allocate each time.
template <class Machine, class Source>
void forecast(Machine m, Millis next_start, const Source& source, Millis limit, Forecast<Machine>& f) {
  f.transition = false;
  f.at = kNever;
  f.runs.clear();
  while (next_start < limit) {
    const Millis start = next_start;
    const ecs::ProbeOutcome o = source.answer(start);
    const Millis duration = m.probe_duration(o);
    const bool changed = m.apply(start, o);
    next_start = m.next_probe_start(start, duration);
    if (changed || !m.settled(o.pass)) {
      add_probes(f.runs, start, next_start - start, start + Millis{1});
      if (changed) {
        f.transition = true;
        f.at = start + duration;
        f.after = m;
        f.next_start = next_start;
        return;
      }
      continue;
    }
    // Settled: skip every probe that starts before the answer can change.
    const Millis period = next_start - start;
    const Millis change = std::min(source.next_change(start), limit);
    add_probes(f.runs, start, period, change);
    if (change >= limit) break;
    const std::int64_t k = (change - start + period - Millis{1}) / period;
    next_start = start + period * k;
  }
  f.after = m;
  f.next_start = next_start;
}

}  // namespace sim::world
