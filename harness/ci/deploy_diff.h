// `deploysim diff BASE HEAD`: what a change to a service's deployment does, measured. Both
// scenarios run over the same population of deploys — the same seeds, the same start-up scales,
// the same dependency blips, the same bad revisions — so every difference in the figures comes
// from the change. The population is, in this order: a sweep's (`--sweep FILE`: its good and bad
// deploys, fault classes, blips and seed, with BASE and HEAD in place of its base scenario;
// harness/sweep runs it); the check envelope BASE declares (its "check" section: the cases
// `deploysim check` draws with rapidcheck — slow starts, dependency blips, breaking faults — from
// BASE's seed, harness/check); or N deploys of the scenario as written, each with its own seed.
//
// Per class of deploy (good ones, or "as written", then each fault class) it reports outcome
// shares, times to the first failed task, to roll back and to complete (p50 and p95, by the
// percentile rule of harness/report/percentile.h), 5xx served, time below desired healthy and
// task-hours; and beside them the settings that differ and the lint findings added and removed.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/check/fault_set.h"
#include "harness/lint/finding.h"
#include "harness/sweep/run_record.h"
#include "harness/sweep/sweep_spec.h"
#include "harness/train/scenario_diff.h"
#include "sim/model/scenario.h"

namespace harness::ci {

// One side of the comparison, loaded and linted.
struct DiffSide {
  std::string label;               // the path, or "REF:path" for --base-ref
  std::filesystem::path path;      // where its "$file" references and lint positions resolve
  nlohmann::json document;         // as written
  sim::model::Scenario scenario;
  std::vector<lint::Finding> findings;
};

// Reads the scenario file at `path`. Throws ScenarioError on bad input.
DiffSide read_side(const std::string& path);

// Reads the version of `path` in git commit `ref` ("origin/main", a hash), labelled "REF:path";
// its "$file" references resolve against `path`'s directory as it is now. Throws ScenarioError
// "<path>: expected a file in git ref <ref>, found <what git said>" when git cannot show it.
DiffSide read_side_from_git(const std::string& ref, const std::string& path);

// Throws ScenarioError naming HEAD when the two scenarios deploy different services (name or
// cluster): a diff compares two versions of one service.
void require_same_service(const DiffSide& base, const DiffSide& head);

struct DiffPopulation {
  enum class Source { as_written, sweep, check_envelope };
  Source source = Source::as_written;
  std::string description;  // one line: "200 deploys as written, one seed each"
  std::string sweep_file;   // Source::sweep
  sweep::Population population;
  std::vector<check::CheckCase> cases;  // Source::check_envelope: the drawn cases, in order
  std::vector<sim::model::BreakingFault> breaking;  // and their fault classes
  std::uint64_t seed = 1;
  int runs = 200;
  std::vector<std::string> class_names;  // [0] good ("as written" without a sweep), then faults
};

// The population of the sweep file at `sweep_file`; else, unless `as_written`, of BASE's check
// envelope (its breaking faults that apply to both sides); else the scenario as written. `runs`
// overrides the sweep's runsPerCell and the default of 200. Throws ScenarioError on a bad sweep
// file.
DiffPopulation diff_population(const std::string& sweep_file, std::optional<int> runs, bool as_written,
                               const DiffSide& base, const DiffSide& head);

// The figures of one class of deploys on one side.
struct ClassFigures {
  std::int64_t runs = 0;
  std::array<std::int64_t, 4> outcomes{};  // by sim::observe::Outcome
  std::optional<sim::Millis> detect_p50, detect_p95;      // first failed task
  std::optional<sim::Millis> rollback_p50, rollback_p95;  // rollback COMPLETED
  std::optional<sim::Millis> complete_p50, complete_p95;  // COMPLETED
  double errors_mean = 0, below_desired_mean_s = 0, task_hours_mean = 0, failed_tasks_mean = 0;
};

// Figures per class (indexed as DiffPopulation::class_names) from a side's run records.
std::vector<ClassFigures> class_figures(const std::vector<sweep::RunRecord>& records, std::size_t classes);

// Runs `side` over the population on `threads` threads; the records are the same for any count.
std::vector<sweep::RunRecord> run_population(const DiffSide& side, const DiffPopulation& population, int threads);

struct LintChange {
  bool added = false;  // in HEAD, not in BASE; else removed
  lint::Finding finding;
};

struct DeployDiff {
  std::string base_label, head_label;
  DiffPopulation population;
  std::vector<train::SettingDiff> settings;
  std::vector<LintChange> lint;
  std::vector<ClassFigures> base, head;  // one per class
};

// The whole comparison.
DeployDiff diff_deploys(const DiffSide& base, const DiffSide& head, const DiffPopulation& population, int threads);

}  // namespace harness::ci
