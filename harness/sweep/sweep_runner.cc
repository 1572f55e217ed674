#include "harness/sweep/sweep_runner.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "harness/sweep/population.h"
#include "harness/sweep/scenario_variant.h"
#include "sim/simulation.h"
#include "sim/world/task_definition_specs.h"

namespace harness::sweep {
RunRecord run_record(const sim::observe::RunResult& result) {
  const auto ms = [](const std::optional<sim::Millis>& t) { return t ? t->count() : -1; };
  RunRecord record;
  record.outcome = static_cast<int>(result.outcome);
  record.detect_ms = ms(result.metrics.time_to_detect);
  record.outcome_ms = ms(result.metrics.time_to_outcome);
  record.below_desired_ms = result.metrics.below_desired_healthy.count();
  record.zero_healthy_ms = result.metrics.zero_healthy.count();
  record.task_ms = result.metrics.task_milliseconds;
  record.failed_tasks = result.metrics.failed_tasks;
  record.errors_served = result.metrics.target_5xx + result.metrics.elb_5xx;
  return record;
}

namespace {

// Calls work(i, worker) for every i in [0, count) on `threads` threads, each taking the next
// index; `worker` (0 .. threads - 1) names the thread, for state a thread keeps between its
// indexes. The first exception stops the others and is rethrown here.
void parallel_for(std::int64_t count, int threads, const std::function<void(std::int64_t, int)>& work) {
  std::atomic<std::int64_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto worker = [&](int id) {
    for (std::int64_t i; (i = next.fetch_add(1)) < count;) {
      try {
        work(i, id);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::jthread> pool;
  for (int t = 1; t < threads && t < count; ++t) pool.emplace_back(worker, t);
  worker(0);
  pool.clear();
  if (failure) std::rethrow_exception(failure);
}

// A thread's scenarios for the deploys it runs: one copy per base (a cell's scenario for one
// fault class), made when the thread first meets that base and reused, through reapply_deploy,
// for its later deploys from it, with its task definitions prepared once for all of them (what a
// deploy changes — the seed, the faults, the start-up phases — no spec reads). A thread works
// through the runs in increasing order, so it keeps the copies of the cell it is in.
class DeployScenarios {
 public:
  struct Prepared {
    const sim::model::Scenario& scenario;
    const sim::world::TaskDefinitionSpecs& task_specs;
  };

  Prepared for_deploy(const sim::model::Scenario& base, std::size_t base_index, const Deploy& deploy) {
    if (copies_.size() <= base_index) copies_.resize(base_index + 1);
    Copy& copy = copies_[base_index];
    if (copy.base != &base) {
      copy.base = &base;
      copy.task_specs.reset();
      copy.scenario = base;
      apply_deploy(deploy, copy.scenario);
      copy.task_specs.emplace(copy.scenario);
    } else {
      reapply_deploy(deploy, base, copy.scenario);
    }
    return {copy.scenario, *copy.task_specs};
  }

 private:
  struct Copy {
    const sim::model::Scenario* base = nullptr;
    sim::model::Scenario scenario;
    std::optional<sim::world::TaskDefinitionSpecs> task_specs;  // point into `scenario`
  };
  std::deque<Copy> copies_;  // by fault class + 1; a deque, so a copy never moves
};

}  // namespace

RunSlice shard_slice(std::int64_t total_runs, int index, int count) {
  return {total_runs * index / count, total_runs * (index + 1) / count};
}

std::vector<RunRecord> run_slice(const SweepSpec& spec, RunSlice slice, int threads,
                                 const Progress& progress) {
  const std::int64_t runs_per_cell = spec.runs_per_cell;
  const std::int64_t first_cell = slice.begin / runs_per_cell;
  const std::int64_t cells = slice.end > slice.begin ? (slice.end - 1) / runs_per_cell + 1 - first_cell : 0;
  // Phase 1: load each cell's scenarios once (good deploy + one per fault class).
  std::vector<std::vector<sim::model::Scenario>> scenarios(static_cast<std::size_t>(cells));
  parallel_for(cells, threads, [&](std::int64_t c, int) { scenarios[c] = cell_scenarios(spec, first_cell + c); });
  // Phase 2: the runs.
  const std::int64_t total = slice.end - slice.begin;
  std::vector<RunRecord> records(static_cast<std::size_t>(total));
  std::atomic<std::int64_t> done{0};
  const std::int64_t report_every = std::max<std::int64_t>(1, total / 1000);
  std::vector<DeployScenarios> per_thread(static_cast<std::size_t>(std::max(threads, 1)));
  parallel_for(total, threads, [&](std::int64_t i, int worker) {
    const std::int64_t run = slice.begin + i;
    const Deploy deploy = draw_deploy(spec.population, spec.seed, run % runs_per_cell);
    const auto base = static_cast<std::size_t>(deploy.fault + 1);
    const DeployScenarios::Prepared prepared = per_thread[static_cast<std::size_t>(worker)].for_deploy(
        scenarios[run / runs_per_cell - first_cell][base], base, deploy);
    sim::Simulation simulation(prepared.scenario, {.trace = false, .task_specs = &prepared.task_specs});
    records[i] = run_record(simulation.run());
    records[i].fault = deploy.fault;
    const std::int64_t finished = done.fetch_add(1) + 1;
    if (progress && (finished % report_every == 0 || finished == total)) progress(finished, total);
  });
  return records;
}

}  // namespace harness::sweep
