#include "harness/sweep/scenario_variant.h"

#include "harness/sweep/json_patch.h"

namespace harness::sweep {

scenario::Loaded load_variant(const SweepSpec& spec, const std::vector<SettingChange>& changes) {
  nlohmann::json document = spec.scenario_json;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (const auto expected = set_at_pointer(document, changes[i].pointer, changes[i].value))
      throw ChangeError(i, *expected);
  }
  return scenario::load_scenario_text(document.dump(), spec.scenario_file,
                                      spec.scenario_path.parent_path());
}

std::vector<SettingChange> cell_changes(const SweepSpec& spec, std::int64_t cell) {
  const std::vector<int> at = cell_coordinates(spec, cell);
  std::vector<SettingChange> changes;
  for (std::size_t i = 0; i < spec.axes.size(); ++i)
    changes.push_back({spec.axes[i].pointer, spec.axes[i].values[at[i]]});
  return changes;
}

std::string cell_label(const SweepSpec& spec, std::int64_t cell) {
  const std::vector<int> at = cell_coordinates(spec, cell);
  std::string label;
  for (std::size_t i = 0; i < spec.axes.size(); ++i)
    label += (i ? " " : "") + spec.axes[i].name + "=" + spec.axes[i].values[at[i]].dump();
  return label;
}

std::vector<sim::model::Scenario> cell_scenarios(const SweepSpec& spec, std::int64_t cell) {
  std::vector<SettingChange> changes = cell_changes(spec, cell);
  const std::size_t axis_changes = changes.size();
  std::vector<sim::model::Scenario> scenarios;
  try {
    scenarios.push_back(load_variant(spec, changes).scenario);
    for (const FaultClass& fault : spec.population.faults) {
      changes.resize(axis_changes);
      changes.insert(changes.end(), fault.changes.begin(), fault.changes.end());
      scenarios.push_back(load_variant(spec, changes).scenario);
    }
  } catch (const std::runtime_error& e) {
    // Each value was loaded alone when the file was read; only a combination can fail here
    // (HealthCheckTimeoutSeconds swept past HealthCheckIntervalSeconds).
    throw scenario::ScenarioError(spec.file, "/axes",
                                  "settings that make a valid scenario together in every cell",
                                  cell_label(spec, cell) + " (" + e.what() + ")");
  }
  return scenarios;
}

}  // namespace harness::sweep
