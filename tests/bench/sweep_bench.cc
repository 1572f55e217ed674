// Sweep benchmark (sweep issue): simulated deployments per second per core for a 10-task service,
// and the speed-up from 1 to 2 threads. Prints one JSON line per thread count; figures, not
// pass/fail (the machine running it may be shared).
//
//   build/tests/bench/sweep_bench [--runs N]
//
// The workload is the shipped seed 000 sweep's population (30 % bad deploys, lognormal start-up,
// Discord blips) over its base scenario with desiredCount 10, one cell.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "harness/sweep/sweep_reader.h"
#include "harness/sweep/sweep_runner.h"

namespace {

harness::sweep::SweepSpec ten_task_spec(int runs) {
  harness::sweep::SweepSpec spec =
      harness::sweep::read_sweep_file(std::string(DEPLOYSIM_SOURCE_DIR) + "/scenarios/sweeps/000-grace-retries.sweep.json");
  spec.axes = {{"desiredCount", "/service/desiredCount", {10}}};
  spec.runs_per_cell = runs;
  return spec;
}

double seconds_for(const harness::sweep::SweepSpec& spec, int threads) {
  // The wall clock is read here, in the benchmark, never inside the simulator.
  const auto t0 = std::chrono::steady_clock::now();
  harness::sweep::run_slice(spec, {0, spec.run_count()}, threads);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 4000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::atoi(argv[i + 1]);
  const harness::sweep::SweepSpec spec = ten_task_spec(runs);
  seconds_for(spec, 1);  // warm up caches and the allocator
  const double one = seconds_for(spec, 1);
  const double two = seconds_for(spec, 2);
  for (const auto& [threads, wall] : {std::pair{1, one}, std::pair{2, two}}) {
    std::printf("%s\n", nlohmann::json{{"bench", "sweep"},
                                       {"desiredCount", 10},
                                       {"deploys", runs},
                                       {"threads", threads},
                                       {"wall_s", wall},
                                       {"deploys_per_s", runs / wall},
                                       {"deploys_per_s_per_core", runs / wall / threads}}
                                .dump()
                                .c_str());
  }
  std::printf("%s\n", nlohmann::json{{"bench", "sweep"}, {"speedup_1_to_2_threads", one / two}}.dump().c_str());
  return 0;
}
