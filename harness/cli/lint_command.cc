#include "harness/cli/lint_command.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/usage_error.h"
#include "harness/lint/finding_report.h"
#include "harness/lint/lint.h"
#include "harness/scenario/scenario_loader.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct LintFlags {
  std::string file;
  bool json = false;
};

po::options_description lint_options(LintFlags& f) {
  po::options_description d(
      "deploysim lint FILE [options]\n\n"
      "Checks FILE before it is deployed: the task definition being deployed and the\n"
      "service, against the incidents of the seeds. Exits 1 when any finding is an\n"
      "error, 0 otherwise, 2 on bad input.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("json", po::bool_switch(&f.json), "print the findings as a JSON array");
  return d;
}

}  // namespace

int lint_command(const std::vector<std::string>& args) {
  LintFlags f;
  const po::options_description options = lint_options(f);
  const po::variables_map vm = parse_command_line("lint", args, options, f.file);
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (f.file.empty()) throw UsageError("lint: a scenario FILE is required");
  // The loader checks the file and builds the model; the document is read again only for the
  // shape of the AWS sections, which the model does not keep (harness/lint/source_map.h).
  const scenario::Loaded loaded = scenario::load_scenario_file(f.file);
  const scenario::Document document = scenario::Document::from_file(f.file);
  const std::vector<lint::Finding> findings =
      lint::lint(loaded.scenario, lint::SourceMap(document));
  if (f.json) {
    std::cout << lint::findings_json(findings).dump(2) << "\n";
  } else {
    const sim::model::Scenario& s = loaded.scenario;
    const auto& deployed =
        s.task_definitions[static_cast<std::size_t>(s.deploy.to_task_definition)];
    lint::print_findings(std::cout, findings, f.file + " (deploying " + deployed.arn_name() + ")");
  }
  return lint::has_errors(findings) ? 1 : 0;
}

}  // namespace harness::cli
