#include "harness/cli/init_command.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/scenario_input.h"
#include "harness/cli/usage_error.h"
#include "harness/readers/config_input.h"
#include "harness/readers/source_text.h"

namespace harness::cli {
namespace po = boost::program_options;

int init_command(const std::vector<std::string>& args) {
  std::vector<std::string> sources;
  std::string output;
  std::string ours_path;
  ScenarioInputFlags input;
  po::options_description d(
      "deploysim init SOURCE... [-o scenario.json] [options]\n\n"
      "Writes a complete scenario from your configuration: a Terraform JSON plan or state\n"
      "(terraform show -json), a CloudFormation template (JSON or YAML; cdk synth's too), an\n"
      "ecspresso config, or a directory of live AWS CLI exports. With two SOURCEs (BASE HEAD),\n"
      "BASE's task definition runs and HEAD's is deployed. App profiles are derived from the\n"
      "config; every assumption is listed in the scenario's story.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("output,o", po::value(&output), "write the scenario to this file (default: standard output)")
      ("with", po::value(&ours_path), "a JSON object of deploysim's own sections (apps, faults, ...) to use instead of derived ones")
      ("run-image", po::value(&input.read.run_images)->composing(),
       "in real mode, run this image as it is (from the local engine, never pulled) rather than the chaos app playing its profile (repeatable)");
  add_scenario_input_options(d, input);
  const po::variables_map vm = parse_command_line("init", args, d, sources);
  if (printed_help(vm, d)) return 0;
  if (sources.empty() || sources.size() > 2) throw UsageError("init: one SOURCE, or BASE HEAD, is required");
  nlohmann::json ours;
  if (!ours_path.empty()) ours = readers::SourceText::from_file(ours_path)->root();
  const readers::ConfigInput built = readers::load_config_input(sources, input.read_options(), ours);
  const std::string text = built.built.scenario.dump(2) + "\n";
  if (output.empty()) {
    std::cout << text;
    return 0;
  }
  write_output_file("init", output, "scenario", [&](std::ostream& out) { out << text; });
  std::cerr << "init: wrote " << output << " (" << built.built.story.size()
            << " assumptions and notes in its story); try `deploysim run " << output << "`\n";
  return 0;
}

}  // namespace harness::cli
