// Sweep benchmark (sweep issue): simulated deployments per second per core for a 10-task service,
// and the speed-up from 1 to 2 threads. Prints one JSON line per thread count, the figures in
// words, and a summary JSON line; figures, not pass/fail (the machine running it may be shared).
//
//   build/tests/bench/sweep_bench [--runs N]
//
// The workload is the shipped seed 000 sweep's population (30 % bad deploys, lognormal start-up,
// Discord blips) over its base scenario with desiredCount 10, one cell: 10 requests/s and a 5xx
// alarm, each run simulated to its 30-minute horizon.
//
// Besides wall time it prints the process's CPU time: on a shared machine (more runnable
// threads than cores) the wall-clock speed-up says little, while deploys per CPU-second for 1
// and 2 threads show whether the threads get in each other's way. The load average is printed
// so a reader can tell which case the figures come from.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <thread>

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

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Timing {
  double wall_s = 0;
  double cpu_s = 0;
};

Timing time_for(const harness::sweep::SweepSpec& spec, int threads) {
  // The wall clock is read here, in the benchmark, never inside the simulator.
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  harness::sweep::run_slice(spec, {0, spec.run_count()}, threads);
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), cpu_seconds() - c0};
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 20000;  // about a second per measurement on one core: long enough to be steady
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::atoi(argv[i + 1]);
  const harness::sweep::SweepSpec spec = ten_task_spec(runs);
  time_for(spec, 1);  // warm up caches and the allocator
  const Timing one = time_for(spec, 1);
  const Timing two = time_for(spec, 2);
  for (const auto& [threads, t] : {std::pair{1, one}, std::pair{2, two}}) {
    std::printf("%s\n", nlohmann::json{{"bench", "sweep"},
                                       {"desiredCount", 10},
                                       {"deploys", runs},
                                       {"threads", threads},
                                       {"wall_s", t.wall_s},
                                       {"cpu_s", t.cpu_s},
                                       {"deploys_per_s", runs / t.wall_s},
                                       {"deploys_per_s_per_core", runs / t.wall_s / threads},
                                       {"deploys_per_cpu_s", runs / t.cpu_s}}
                                .dump()
                                .c_str());
  }
  double load[1] = {0};
  getloadavg(load, 1);
  std::printf("sweep bench, %d-task service, %d deploys: %.0f deploys/s/core on 1 thread, %.0f deploys/s/core on 2 "
              "threads; speed-up 1 -> 2 threads %.2fx (CPU efficiency %.2f; load average %.2f on %u cores)\n",
              10, runs, runs / one.wall_s, runs / two.wall_s / 2, one.wall_s / two.wall_s, one.cpu_s / two.cpu_s,
              load[0], std::thread::hardware_concurrency());
  std::printf("%s\n", nlohmann::json{{"bench", "sweep"},
                                     {"speedup_1_to_2_threads", one.wall_s / two.wall_s},
                                     {"cpu_efficiency_2_threads", one.cpu_s / two.cpu_s},
                                     {"cores", std::thread::hardware_concurrency()},
                                     {"load_average_1min", load[0]}}
                          .dump()
                          .c_str());
  return 0;
}
