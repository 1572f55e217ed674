// The figures of one sweep cell, from its runs' records: how often bad deploys roll back and good
// ones roll back by mistake, how fast, and what the deploys cost.
#pragma once

#include <optional>
#include <span>

#include "harness/sweep/run_record.h"
#include "sim/engine/time.h"

namespace harness::sweep {

// Nearest-rank percentiles over a set of runs; a run that never reached the moment measured
// (a bad deploy that never rolled back) counts as later than any that did, so p95 is nullopt —
// "never" — when more than 5 % of the runs never got there.
struct Percentiles {
  std::optional<sim::Millis> p50, p95, p99;
};

struct CellMetrics {
  std::int64_t runs = 0, bad_runs = 0, good_runs = 0;
  std::int64_t bad_rolled_back = 0, good_rolled_back = 0, good_completed = 0;
  std::optional<double> p_rollback_bad;         // nullopt when the cell has no bad runs
  std::optional<double> p_false_rollback_good;  // nullopt when it has no good runs
  Percentiles detect_bad;     // deploy start -> first failed task, bad deploys
  Percentiles rollback_bad;   // deploy start -> rollback COMPLETED, bad deploys
  Percentiles complete_good;  // deploy start -> COMPLETED, good deploys
  double below_desired_mean_s = 0;  // per deploy, all runs
  double zero_healthy_mean_s = 0;
  double task_hours_mean = 0;
};

CellMetrics cell_metrics(std::span<const RunRecord> runs);

}  // namespace harness::sweep
