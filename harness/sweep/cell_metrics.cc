#include "harness/sweep/cell_metrics.h"

#include <algorithm>
#include <vector>

#include "sim/observe/outcome.h"

namespace harness::sweep {
namespace {

constexpr int kRolledBack = static_cast<int>(sim::observe::Outcome::rolled_back);
constexpr int kCompleted = static_cast<int>(sim::observe::Outcome::completed);

// `times` holds -1 for "never"; those sort after every time.
Percentiles percentiles(std::vector<std::int64_t> times) {
  Percentiles out;
  if (times.empty()) return out;
  for (std::int64_t& t : times) if (t < 0) t = INT64_MAX;
  std::sort(times.begin(), times.end());
  const auto at = [&](int percent) -> std::optional<sim::Millis> {
    // Nearest rank: the smallest value with at least `percent` % of the runs at or below it.
    const std::size_t rank = (times.size() * percent + 99) / 100;
    const std::int64_t t = times[std::max<std::size_t>(rank, 1) - 1];
    if (t == INT64_MAX) return std::nullopt;
    return sim::Millis{t};
  };
  out.p50 = at(50);
  out.p95 = at(95);
  out.p99 = at(99);
  return out;
}

}  // namespace

CellMetrics cell_metrics(std::span<const RunRecord> runs) {
  CellMetrics m;
  std::vector<std::int64_t> detect, rollback, complete;
  std::int64_t below = 0, zero = 0, task = 0;
  for (const RunRecord& r : runs) {
    ++m.runs;
    below += r.below_desired_ms;
    zero += r.zero_healthy_ms;
    task += r.task_ms;
    if (r.fault >= 0) {
      ++m.bad_runs;
      m.bad_rolled_back += r.outcome == kRolledBack;
      detect.push_back(r.detect_ms);
      rollback.push_back(r.outcome == kRolledBack ? r.outcome_ms : -1);
    } else {
      ++m.good_runs;
      m.good_rolled_back += r.outcome == kRolledBack;
      m.good_completed += r.outcome == kCompleted;
      complete.push_back(r.outcome == kCompleted ? r.outcome_ms : -1);
    }
  }
  if (m.bad_runs) m.p_rollback_bad = static_cast<double>(m.bad_rolled_back) / m.bad_runs;
  if (m.good_runs) m.p_false_rollback_good = static_cast<double>(m.good_rolled_back) / m.good_runs;
  m.detect_bad = percentiles(std::move(detect));
  m.rollback_bad = percentiles(std::move(rollback));
  m.complete_good = percentiles(std::move(complete));
  if (m.runs) {
    m.below_desired_mean_s = static_cast<double>(below) / 1000.0 / m.runs;
    m.zero_healthy_mean_s = static_cast<double>(zero) / 1000.0 / m.runs;
    m.task_hours_mean = static_cast<double>(task) / 3.6e6 / m.runs;
  }
  return m;
}

}  // namespace harness::sweep
