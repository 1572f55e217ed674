#include "harness/cli/scenario_input.h"

#include "harness/cli/usage_error.h"
#include "harness/readers/config_input.h"
#include "harness/scenario/default_scenario.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

bool named_as_yaml(const std::string& file) {
  for (const char* extension : {".yaml", ".yml"})
    if (file.size() > 5 && file.compare(file.size() - std::string(extension).size(), std::string::npos, extension) == 0)
      return true;
  return false;
}

}  // namespace

bool reads_as_config(const std::string& file, const readers::ReadOptions& options) {
  try {
    return readers::is_config_input(file, options);
  } catch (const scenario::ScenarioError&) {
    if (!options.format.empty() || named_as_yaml(file)) throw;
    return false;
  }
}

readers::ReadOptions ScenarioInputFlags::read_options() const {
  readers::ReadOptions options = read;
  for (const std::string& parameter : parameters) {
    const auto equals = parameter.find('=');
    if (equals == std::string::npos || equals == 0)
      throw UsageError("--parameter takes KEY=VALUE, got \"" + parameter + "\"");
    options.parameters[parameter.substr(0, equals)] = parameter.substr(equals + 1);
  }
  return options;
}

void add_scenario_input_options(po::options_description& options, ScenarioInputFlags& flags) {
  options.add_options()
      ("format", po::value(&flags.read.format),
       "FILE's format: scenario, terraform, cloudformation, ecspresso or live (default: from its content)")
      ("service", po::value(&flags.read.service), "the service to read when FILE holds several")
      ("parameter", po::value(&flags.parameters)->composing(), "a CloudFormation parameter, KEY=VALUE (repeatable)")
      ("revision", po::value(&flags.read.revision), "revision number of a template's task definition (default 1)");
}

scenario::Loaded load_scenario_or_default(const std::string& file, const ScenarioInputFlags& flags) {
  if (file.empty()) return scenario::load_scenario_text(scenario::default_scenario_json(), "<built-in default>");
  const readers::ReadOptions options = flags.read_options();
  return reads_as_config(file, options) ? readers::load_config_input({file}, options).loaded : scenario::load_scenario_file(file);
}

}  // namespace harness::cli
