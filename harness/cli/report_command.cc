#include "harness/cli/report_command.h"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/scenario_input.h"
#include "harness/cli/usage_error.h"
#include "harness/explain/explanation.h"
#include "harness/report/html_report.h"
#include "sim/simulation.h"

namespace harness::cli {
namespace po = boost::program_options;

int report_command(const std::vector<std::string>& args) {
  std::string file;
  std::string output;
  po::options_description visible("deploysim report [FILE] -o report.html\n\n"
                                  "Simulates FILE (the built-in default without it) and writes one self-contained\n"
                                  "HTML page: a lane per task, charts over time, the service events, the outcome,\n"
                                  "the causal chain and the config that mattered. It opens offline.\n\nOptions");
  visible.add_options()("help,h", "this help")("output,o", po::value(&output), "the HTML file to write (default: standard output)");
  if (printed_help(parse_command_line("report", args, visible, file), visible)) return 0;
  const scenario::Loaded loaded = load_scenario_or_default(file);
  const sim::model::Scenario& s = loaded.scenario;
  sim::Simulation simulation(s, {.trace = true});
  const sim::observe::RunResult result = simulation.run();
  const report::RunReportInput run{s, result, simulation.trace(), simulation.breaker_threshold()};
  const explain::Explanation why = explain::explain_run(s, result, simulation.trace(), simulation.breaker_threshold());
  const report::HtmlReportInput in{run, why.chain, why.what_if};
  if (output.empty() || output == "-") {
    report::write_html_report(std::cout, in);
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  if (out) report::write_html_report(out, in);
  if (!out) throw UsageError("report: cannot write " + output);
  return 0;
}

}  // namespace harness::cli
