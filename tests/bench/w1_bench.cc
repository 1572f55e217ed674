// Benchmark W1 (core simulator issue): prints one JSON line per run with N, variant, mode,
// events, simulated and wall seconds, outcome and completion time. Figures, not pass/fail.
//
//   build/tests/bench/w1_bench [--max-n N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "sim/simulation.h"
#include "tests/support/w1_workload.h"

namespace {

nlohmann::json run_once(int n, testsupport::W1Variant variant, sim::model::ProbeMode mode) {
  sim::model::Scenario s = testsupport::w1_scenario(n, variant);
  s.probe_mode = mode;
  // The wall clock is read here, in the benchmark, never inside the simulator.
  const auto t0 = std::chrono::steady_clock::now();
  sim::Simulation simulation(s, {.trace = false});
  const sim::observe::RunResult r = simulation.run();
  const auto t1 = std::chrono::steady_clock::now();
  const double wall = std::chrono::duration<double>(t1 - t0).count();
  return {{"N", n},
          {"variant", testsupport::to_string(variant)},
          {"mode", mode == sim::model::ProbeMode::predictive ? "predictive" : "per_probe"},
          {"events", r.metrics.events},
          {"probes", r.metrics.probes},
          {"sim_s", r.ended_at.count() / 1000.0},
          {"wall_s", wall},
          {"outcome", std::string(sim::observe::to_string(r.outcome))},
          {"completion_s", r.metrics.time_to_outcome ? nlohmann::json(r.metrics.time_to_outcome->count() / 1000.0)
                                                     : nlohmann::json(nullptr)}};
}

}  // namespace

int main(int argc, char** argv) {
  int max_n = 10'000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--max-n") == 0) max_n = std::atoi(argv[i + 1]);
  for (auto mode : {sim::model::ProbeMode::predictive, sim::model::ProbeMode::per_probe})
    for (auto variant : {testsupport::W1Variant::healthy, testsupport::W1Variant::oom})
      for (int n : {10, 100, 1'000, 10'000})
        if (n <= max_n) std::printf("%s\n", run_once(n, variant, mode).dump().c_str());
  return 0;
}
