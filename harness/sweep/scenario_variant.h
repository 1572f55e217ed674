// The base scenario of a sweep with some settings changed, loaded by the scenario loader: each
// sweep cell, and each kind of bad deploy in it, is one such variant.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness/scenario/scenario_loader.h"
#include "harness/sweep/sweep_spec.h"

namespace harness::sweep {

// A change whose pointer leads nowhere in the base scenario; `change` indexes the changes given.
struct ChangeError : std::runtime_error {
  ChangeError(std::size_t change_index, const std::string& expected_text)
      : std::runtime_error(expected_text), change(change_index), expected(expected_text) {}
  std::size_t change;
  std::string expected;
};

// Applies `changes` in order to the base scenario's JSON and loads the result. Throws ChangeError
// for a pointer that cannot be set and ScenarioError (naming the base scenario file) for a value
// the loader rejects.
scenario::Loaded load_variant(const SweepSpec& spec, const std::vector<SettingChange>& changes);

// The settings of cell `cell`, one change per axis.
std::vector<SettingChange> cell_changes(const SweepSpec& spec, std::int64_t cell);

// "grace=60 retries=3": how a cell is named in messages and reports.
std::string cell_label(const SweepSpec& spec, std::int64_t cell);

// The scenarios of cell `cell`: [0] the good deploy, then one per fault class in spec order.
// Throws ScenarioError at the sweep file's "/axes" when the cell's settings do not make a valid
// scenario together (each value alone was checked when the sweep file was read).
std::vector<sim::model::Scenario> cell_scenarios(const SweepSpec& spec, std::int64_t cell);

}  // namespace harness::sweep
