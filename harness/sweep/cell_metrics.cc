#include "harness/sweep/cell_metrics.h"

#include <optional>
#include <utility>
#include <vector>

#include "harness/report/percentile.h"
#include "sim/observe/outcome.h"

namespace harness::sweep {
namespace {

constexpr int kRolledBack = static_cast<int>(sim::observe::Outcome::rolled_back);
constexpr int kCompleted = static_cast<int>(sim::observe::Outcome::completed);

// A RunRecord time as a percentile sample takes it: -1 ("none") is a run that never got there.
std::optional<sim::Millis> reached(std::int64_t ms) {
  if (ms < 0) return std::nullopt;
  return sim::Millis{ms};
}

Percentiles percentiles(std::vector<std::optional<sim::Millis>> times) {
  const report::TimesToEvent sample(std::move(times));
  return {sample.percentile(50), sample.percentile(95), sample.percentile(99)};
}

double mean(std::int64_t sum, std::int64_t count) {
  return count ? static_cast<double>(sum) / static_cast<double>(count) : 0;
}

}  // namespace

CellMetrics cell_metrics(std::span<const RunRecord> runs, int fault_classes) {
  CellMetrics m;
  m.by_fault.resize(static_cast<std::size_t>(fault_classes));
  std::vector<std::int64_t> fault_errors(m.by_fault.size());
  std::vector<std::optional<sim::Millis>> detect, rollback, complete;
  std::int64_t below = 0, zero = 0, task = 0, bad_errors = 0, good_errors = 0;
  for (const RunRecord& r : runs) {
    ++m.runs;
    below += r.below_desired_ms;
    zero += r.zero_healthy_ms;
    task += r.task_ms;
    if (r.fault >= 0) {
      ++m.bad_runs;
      m.bad_rolled_back += r.outcome == kRolledBack;
      bad_errors += r.errors_served;
      if (r.fault < fault_classes) {
        FaultClassMetrics& f = m.by_fault[static_cast<std::size_t>(r.fault)];
        ++f.runs;
        f.rolled_back += r.outcome == kRolledBack;
        fault_errors[static_cast<std::size_t>(r.fault)] += r.errors_served;
      }
      detect.push_back(reached(r.detect_ms));
      rollback.push_back(reached(r.outcome == kRolledBack ? r.outcome_ms : -1));
    } else {
      ++m.good_runs;
      m.good_rolled_back += r.outcome == kRolledBack;
      good_errors += r.errors_served;
      m.good_completed += r.outcome == kCompleted;
      complete.push_back(reached(r.outcome == kCompleted ? r.outcome_ms : -1));
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
  m.errors_bad_mean = mean(bad_errors, m.bad_runs);
  m.errors_good_mean = mean(good_errors, m.good_runs);
  for (std::size_t i = 0; i < m.by_fault.size(); ++i) {
    FaultClassMetrics& f = m.by_fault[i];
    if (f.runs) f.p_rollback = static_cast<double>(f.rolled_back) / static_cast<double>(f.runs);
    f.errors_mean = mean(fault_errors[i], f.runs);
  }
  return m;
}

}  // namespace harness::sweep
