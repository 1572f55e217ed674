#include "harness/cli/run_output.h"

#include <fstream>
#include <iostream>

#include "harness/cli/usage_error.h"
#include "harness/scenario/expectation_check.h"

namespace harness::cli {

int print_run_output(const std::string& command, const OutputFlags& flags, const report::RunReportInput& in,
                     const nlohmann::json& extra, const std::string& footer) {
  const sim::model::Scenario& s = in.scenario;
  if (!flags.events_path.empty()) {
    std::ofstream out(flags.events_path);
    if (!out) throw UsageError(command + ": cannot write the event log to " + flags.events_path);
    report::write_event_log(out, in);
  }
  // The scenario's `expect`: a run that does not meet it exits 1, saying what differed.
  const std::vector<std::string> unmet =
      s.expect ? scenario::unmet_expectations(*s.expect, in.result) : std::vector<std::string>{};
  if (flags.json) {
    nlohmann::json summary = report::summary_json(in);
    summary.update(extra);
    if (s.expect) summary["expect"] = {{"met", unmet.empty()}, {"unmet", unmet}};
    std::cout << summary.dump(2) << "\n";
    return unmet.empty() ? 0 : 1;
  }
  report::print_setup(std::cout, in);
  if (!flags.quiet) report::print_timeline(std::cout, in);
  report::print_outcome(std::cout, in);
  if (!footer.empty()) std::cout << "\n" << footer << "\n";
  if (!s.expect) return 0;
  if (unmet.empty()) {
    std::cout << "\nexpectations: met\n";
    return 0;
  }
  std::cout << "\nexpectations NOT met:\n";
  for (const std::string& line : unmet) std::cout << "  " << line << "\n";
  return 1;
}

}  // namespace harness::cli
