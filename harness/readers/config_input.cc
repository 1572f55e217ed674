#include "harness/readers/config_input.h"

#include "harness/readers/config_reader.h"

namespace harness::readers {

bool is_config_input(const std::string& path, const ReadOptions& options) {
  return detect_format(path, options) != ConfigFormat::scenario;
}

ConfigInput load_config_input(const std::vector<std::string>& paths, const ReadOptions& options,
                              const nlohmann::json& ours) {
  std::vector<ConfigSections> sources;
  ConfigInput input;
  for (const std::string& path : paths) {
    // The readers check the shapes they rely on where they can say where; any other value of an
    // unexpected type still ends as bad input naming the file, never as an internal error.
    try {
      sources.push_back(read_config(path, detect_format(path, options), options));
    } catch (const nlohmann::json::exception& e) {
      throw scenario::ScenarioError(path, "", "the documented shape of its format (docs/readers.md)",
                                    std::string("a value of another type (") + e.what() + ")");
    }
  }
  try {
    input.built = build_scenario(std::move(sources), ours, options.run_images);
  } catch (const nlohmann::json::exception& e) {
    throw scenario::ScenarioError(paths.back(), "", "the documented shape of its format (docs/readers.md)",
                                  std::string("a value of another type (") + e.what() + ")");
  }
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
