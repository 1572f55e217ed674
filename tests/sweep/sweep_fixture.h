// Sweep files for tests: written into a directory of this process under the build tree (ctest
// runs test cases as parallel processes) next to a copy of the shipped base scenario, so
// messages name short, stable files.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "harness/sweep/sweep_reader.h"

namespace sweeptest {

inline std::filesystem::path fixture_dir() {
  const std::filesystem::path dir = std::filesystem::path(DEPLOYSIM_BINARY_DIR) / "tests" / "sweep" /
                                    ("fixture-" + std::to_string(getpid()));
  // Always the current base: a directory left by an earlier process with the same id (ids are
  // reused across runs) may hold an older copy.
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::filesystem::path(DEPLOYSIM_SOURCE_DIR) / "scenarios/sweeps/000-health-check-base.json",
                             dir / "base.json", std::filesystem::copy_options::overwrite_existing);
  return dir;
}

// Writes `text` as <fixture>/<name> and returns its path.
inline std::string write_sweep(const std::string& name, const std::string& text) {
  const std::filesystem::path path = fixture_dir() / name;
  std::ofstream(path) << text;
  return path.string();
}

// A small valid sweep over the shipped base: 2 x 2 cells, 40 deploys each, a third of them bad.
inline const char* kSmallSweep = R"({
  "name": "small",
  "scenario": "base.json",
  "seed": 7,
  "runsPerCell": 40,
  "axes": [
    {"name": "grace", "pointer": "/service/healthCheckGracePeriodSeconds", "values": [0, 120]},
    {"name": "retries", "pointer": "/taskDefinitions/1/containerDefinitions/0/healthCheck/retries", "values": [1, 4]}
  ],
  "population": {
    "badPercent": 35,
    "faults": [
      {"name": "oom", "set": {"/taskDefinitions/1/containerDefinitions/0/memory": 128}},
      {"name": "hang", "weight": 2, "set": {"/apps/alia-bot:cc44307/phases/2/seconds": 100000}}
    ],
    "startupScale": {"distribution": "lognormal", "median": 1.0, "p95": 2.5},
    "dependencyBlips": [{"dependency": "discord", "percent": 30, "atSeconds": [0, 120], "durationSeconds": [10, 60]}]
  }
})";

inline harness::sweep::SweepSpec small_sweep() {
  return harness::sweep::read_sweep_file(write_sweep("small.sweep.json", kSmallSweep));
}

}  // namespace sweeptest
