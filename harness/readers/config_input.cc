#include "harness/readers/config_input.h"

#include "harness/readers/config_reader.h"

namespace harness::readers {

bool is_config_input(const std::string& path, const ReadOptions& options) {
  return detect_format(path, options) != ConfigFormat::scenario;
}

ConfigInput load_config_input(const std::vector<std::string>& paths, const ReadOptions& options,
                              const nlohmann::json& ours) {
  std::vector<ConfigSections> sources;
  for (const std::string& path : paths) sources.push_back(read_config(path, detect_format(path, options), options));
  ConfigInput input{build_scenario(std::move(sources), ours), {}};
  try {
    input.loaded = scenario::load_scenario_text(input.built.scenario.dump(2),
                                                paths.back() + " (as deploysim init reads it)");
  } catch (const scenario::ScenarioError& error) {
    throw input.built.origins.translate(error);
  }
  // What the simulation leaves out, named where the user wrote it.
  for (std::string& field : input.loaded.ignored)
    if (const std::optional<PlacedOrigin> at = input.built.origins.place(field))
      field = at->describe() + " " + at->source_pointer;
  return input;
}

}  // namespace harness::readers
