// A sweep, as plain data: one base scenario, axes over its settings, and a population of deploys
// (how many are bad and with which faults, how the good ones vary). harness/sweep/sweep_reader.h
// reads it from a sweep file; scenarios/sweeps/README.md documents the format.
//
// Settings are addressed by JSON pointer into the base scenario's JSON and applied before the
// scenario is loaded, not into the model: every field the loader reads becomes sweepable with
// the loader's own range checks and messages, a field added to the model later (bakeTimeInMinutes)
// needs no sweep code, and a field the loader only lists as ignored is refused rather than swept
// to no effect.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/engine/time.h"

namespace harness::sweep {

// Puts `value` at `pointer` in the scenario JSON (RFC 6901; the member is added when its parent
// object exists).
struct SettingChange {
  std::string pointer;  // "/service/healthCheckGracePeriodSeconds"
  nlohmann::json value;
};

struct Axis {
  std::string name;                     // column name in the outputs; default: last pointer token
  std::string pointer;                  // where the value goes in the scenario JSON
  std::vector<nlohmann::json> values;   // numbers or booleans, in sweep order
};

// An axis the sweep file asked for over a field this build does not model ("ifNotModelled":
// "skip"): left out of the grid and named in every output, so nobody reads a flat line as "bake
// time makes no difference".
struct SkippedAxis {
  std::string name;
  std::string pointer;
  std::vector<nlohmann::json> values;
};

// One kind of bad deploy: what differs in the deployed revision (seed 000: memory 128).
struct FaultClass {
  std::string name;
  int weight = 1;  // relative frequency among bad deploys
  std::vector<SettingChange> changes;
};

// How much longer or shorter the deployed revision's start-up takes in one deploy (every phase
// is scaled by the same factor, on top of the app's own per-task jitter).
struct StartupScale {
  enum class Kind { fixed, uniform, lognormal };
  Kind kind = Kind::fixed;
  int low_permille = 1000;     // uniform: the factor is U[low, high] / 1000
  int high_permille = 1000;
  int median_permille = 1000;  // lognormal: median and 95th percentile of the factor
  int p95_permille = 1000;
};

// A dependency that drops for a while in some deploys (a Redis failover, a Discord outage).
struct DependencyBlip {
  std::string dependency;
  std::int64_t chance_ppm = 0;  // parts per million of deploys that see this blip
  sim::Millis at_min{0};        // when it starts, from the deploy's start: U[at_min, at_max]
  sim::Millis at_max{0};
  sim::Millis duration_min{0};  // how long it lasts: U[duration_min, duration_max]
  sim::Millis duration_max{0};
};

struct Population {
  std::int64_t bad_ppm = 0;  // parts per million of deploys that carry a fault
  std::vector<FaultClass> faults;
  StartupScale startup;
  std::vector<DependencyBlip> blips;
};

struct SweepSpec {
  std::string file;  // the sweep file as the user named it
  std::string name = "sweep";
  std::string description;
  std::string scenario_file;  // the base scenario, as the sweep file names it
  std::filesystem::path scenario_path;  // resolved against the sweep file's directory
  nlohmann::json scenario_json;         // the base scenario, parsed
  std::string scenario_text;            // and as written (for the fingerprint)
  std::uint64_t seed = 1;
  int runs_per_cell = 100;
  // The recommendation's limit on good deploys rolled back by mistake (default 1 %).
  std::int64_t false_rollback_budget_ppm = 10'000;
  std::vector<Axis> axes;
  Population population;
  std::vector<SkippedAxis> skipped_axes;
  std::uint64_t fingerprint = 0;  // of the sweep and base texts: partials of other sweeps never merge

  std::int64_t cell_count() const;
  std::int64_t run_count() const { return cell_count() * runs_per_cell; }
};

// The value index of each axis for cell `cell` (the last axis varies fastest).
std::vector<int> cell_coordinates(const SweepSpec& spec, std::int64_t cell);

}  // namespace harness::sweep
