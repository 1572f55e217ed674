// The figures of one sweep cell, from its runs' records: how often bad deploys roll back and good
// ones roll back by mistake, how fast, and what the deploys cost.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "harness/sweep/run_record.h"
#include "sim/engine/time.h"

namespace harness::sweep {

// A cell's percentiles of one time, by the one rule of harness/report/percentile.h: a run that
// never reached the moment measured (a bad deploy that never rolled back) counts as later than any
// that did, so p95 is nullopt — "never" — when more than 5 % of the runs never got there.
struct Percentiles {
  std::optional<sim::Millis> p50, p95, p99;
};

// The bad deploys of one fault class in a cell: does this setting catch this kind of fault?
struct FaultClassMetrics {
  std::int64_t runs = 0, rolled_back = 0;
  std::optional<double> p_rollback;  // nullopt when the cell drew no deploy of this class
  double errors_mean = 0;            // 5xx served per deploy of this class
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
  // 5xx served to users per deploy, from its start to the end of the run (errors before the
  // rollback, or until the horizon when a bad deploy is never rolled back): what a missed or late
  // detection costs the users, and the load balancer's 503s while no task is healthy.
  double errors_bad_mean = 0;
  double errors_good_mean = 0;
  std::vector<FaultClassMetrics> by_fault;  // one per fault class of the population, in order
};

// The metrics of one cell's runs; `fault_classes` is the population's number of fault classes
// (a record's fault indexes them).
CellMetrics cell_metrics(std::span<const RunRecord> runs, int fault_classes = 0);

}  // namespace harness::sweep
