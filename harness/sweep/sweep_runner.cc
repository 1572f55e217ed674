#include "harness/sweep/sweep_runner.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "harness/sweep/population.h"
#include "harness/sweep/scenario_variant.h"
#include "sim/simulation.h"

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

// Calls work(i) for every i in [0, count) on `threads` threads, each taking the next index; the
// first exception stops the others and is rethrown here.
void parallel_for(std::int64_t count, int threads, const std::function<void(std::int64_t)>& work) {
  std::atomic<std::int64_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto worker = [&] {
    for (std::int64_t i; (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::jthread> pool;
  for (int t = 1; t < threads && t < count; ++t) pool.emplace_back(worker);
  worker();
  pool.clear();
  if (failure) std::rethrow_exception(failure);
}

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
  parallel_for(cells, threads, [&](std::int64_t c) { scenarios[c] = cell_scenarios(spec, first_cell + c); });
  // Phase 2: the runs.
  const std::int64_t total = slice.end - slice.begin;
  std::vector<RunRecord> records(static_cast<std::size_t>(total));
  std::atomic<std::int64_t> done{0};
  const std::int64_t report_every = std::max<std::int64_t>(1, total / 1000);
  parallel_for(total, threads, [&](std::int64_t i) {
    const std::int64_t run = slice.begin + i;
    const Deploy deploy = draw_deploy(spec.population, spec.seed, run % runs_per_cell);
    sim::model::Scenario scenario = scenarios[run / runs_per_cell - first_cell][deploy.fault + 1];
    apply_deploy(deploy, scenario);
    sim::Simulation simulation(scenario, {.trace = false});
    records[i] = run_record(simulation.run());
    records[i].fault = deploy.fault;
    const std::int64_t finished = done.fetch_add(1) + 1;
    if (progress && (finished % report_every == 0 || finished == total)) progress(finished, total);
  });
  return records;
}

}  // namespace harness::sweep
