#include "harness/report/percentile.h"

#include <algorithm>

namespace harness::report {

TimesToEvent::TimesToEvent(std::vector<std::optional<sim::Millis>> times) {
  reached_.reserve(times.size());
  for (const std::optional<sim::Millis>& t : times) {
    if (t)
      reached_.push_back(*t);
    else
      ++never_;
  }
  std::sort(reached_.begin(), reached_.end());
}

std::optional<sim::Millis> TimesToEvent::percentile(int percent) const {
  const auto p = static_cast<std::size_t>(std::clamp(percent, 1, 100));
  const std::size_t rank = (runs() * p + 99) / 100;
  if (rank == 0 || rank > reached_.size()) return std::nullopt;  // empty, or a run that never got there
  return reached_[rank - 1];
}

}  // namespace harness::report
