// One deploy of the sweep's population: whether it is bad (and with which fault), how slow its
// start-up is, which dependency blips it meets, and the seed of its run. Everything is drawn
// from streams named by (sweep seed, run index) only, so run r is the same deploy in every cell
// (the settings are compared on the same deploys) and on every thread and shard.
#pragma once

#include <cstdint>
#include <vector>

#include "harness/sweep/sweep_spec.h"
#include "sim/model/scenario.h"

namespace harness::sweep {

struct Deploy {
  int fault = -1;                  // index into Population::faults; -1: a good deploy
  int startup_permille = 1000;     // the deployed revision's start-up phases x this / 1000
  std::vector<sim::model::Fault> blips;  // dependency outages, times from the deploy's start
  std::uint64_t run_seed = 0;      // the scenario seed of this run
};

// The deploy for run `run` of every cell.
Deploy draw_deploy(const Population& population, std::uint64_t sweep_seed, std::int64_t run);

// Makes `scenario` (a cell's variant for deploy.fault) that deploy: scales the start-up phases
// of the deployed revision's apps, adds the blips after its deploy time and sets the seed.
void apply_deploy(const Deploy& deploy, sim::model::Scenario& scenario);

// The same as copying `base` and applying `deploy` to the copy, written into `scenario`, which
// must be a copy of `base` that only apply_deploy and this function changed since: it puts back
// what apply_deploy changes (the blips, the phase durations) and applies `deploy`. A sweep thread
// keeps one scenario per base this way, instead of copying apps, task definitions and their
// strings for every deploy.
void reapply_deploy(const Deploy& deploy, const sim::model::Scenario& base, sim::model::Scenario& scenario);

// The standard normal quantile of p in (0, 1) (Acklam's rational approximation, relative error
// below 1.2e-9): how a lognormal start-up scale is drawn from one uniform draw.
double normal_quantile(double p);

}  // namespace harness::sweep
