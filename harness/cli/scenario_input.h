// The scenario a subcommand works on: FILE, or the built-in default when none is given. FILE may
// also be the user's configuration — a Terraform plan, a CloudFormation template, an ecspresso
// config, a directory of live exports — detected from its content (or `--format`) and read as
// `deploysim init` would write it (harness/readers).
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "harness/readers/read_options.h"
#include "harness/scenario/scenario_loader.h"

namespace harness::cli {

struct ScenarioInputFlags {
  readers::ReadOptions read;
  std::vector<std::string> parameters;  // "K=V", into read.parameters by read_options()
  readers::ReadOptions read_options() const;  // throws UsageError on a parameter without '='
};

// Adds --format, --service, --parameter and --revision to a command's options.
void add_scenario_input_options(boost::program_options::options_description& options, ScenarioInputFlags& flags);

// True when `file` is a configuration the readers read (detected, or --format), false for a
// deploysim scenario. A file that cannot be told apart (unreadable, broken JSON) counts as a
// scenario, so the scenario loader reports it in its own words; unless --format was given or the
// file is named .yaml/.yml, when the readers' error stands.
bool reads_as_config(const std::string& file, const readers::ReadOptions& options);

// Loads `file`, or the built-in default scenario when `file` is empty. Throws ScenarioError.
scenario::Loaded load_scenario_or_default(const std::string& file, const ScenarioInputFlags& flags = {});

}  // namespace harness::cli
