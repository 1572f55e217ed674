// Runs a sweep's deploys: the whole grid, or one shard's slice of it, on any number of threads.
// Run i of the grid is cell i / runsPerCell, deploy i % runsPerCell of the population; each run
// builds its own Simulation from read-only cell scenarios and writes only its own record, so the
// records are the same for any thread count and any shard split.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "harness/sweep/run_record.h"
#include "harness/sweep/sweep_spec.h"
#include "sim/observe/outcome.h"

namespace harness::sweep {

// What a sweep keeps of one run (fault -1: the caller sets the deploy's class).
RunRecord run_record(const sim::observe::RunResult& result);

// A contiguous range [begin, end) of run indexes of the grid.
struct RunSlice {
  std::int64_t begin = 0;
  std::int64_t end = 0;
};

// Shard `index` of `count` (0-based): the runs [total*index/count, total*(index+1)/count).
RunSlice shard_slice(std::int64_t total_runs, int index, int count);

// Called from worker threads, at most about once per 0.1 % of the slice, with the runs done.
using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

// The records of the runs in `slice`, in run order. `threads` >= 1. Throws ScenarioError when a
// cell's settings do not make a valid scenario together.
std::vector<RunRecord> run_slice(const SweepSpec& spec, RunSlice slice, int threads,
                                 const Progress& progress = {});

}  // namespace harness::sweep
