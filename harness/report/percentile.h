// How long a set of runs took to reach one event (a rollback COMPLETED, a first failed task, the
// outcome), summarised by nearest-rank percentiles: the one percentile rule of every report
// (`run --seeds`, `sweep`), so a p95 means the same figure wherever it is printed.
//
// Runs that never reached the event (a bad deploy never rolled back, a STUCK run) stay in the
// sample and count as later than every run that did. The p-th percentile is therefore "never"
// (nullopt) exactly when more than (100 - p) % of the runs never got there; the maximum (p100) is
// never as soon as one run is. Leaving them out instead would make a setting that rolls back one
// bad deploy in ten, quickly, look as good as one that rolls back all ten.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "sim/engine/time.h"

namespace harness::report {

class TimesToEvent {
 public:
  // `times[i]` is run i's time to the event, nullopt when it never reached it; any order.
  explicit TimesToEvent(std::vector<std::optional<sim::Millis>> times);

  // Nearest rank: the smallest time with at least `percent` % of the runs at or before it (rank
  // ceil(percent * runs / 100); `percent` is clamped into 1-100). nullopt when that rank falls on a
  // run that never reached the event, and for an empty sample (runs() == 0 tells the two apart).
  std::optional<sim::Millis> percentile(int percent) const;
  std::optional<sim::Millis> max() const { return percentile(100); }

  std::size_t runs() const { return reached_.size() + never_; }
  std::size_t never() const { return never_; }  // runs that did not reach the event

 private:
  std::vector<sim::Millis> reached_;  // sorted ascending
  std::size_t never_ = 0;
};

}  // namespace harness::report
