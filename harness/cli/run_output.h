// How `run`, `real` and `compare`'s runs are printed, once: the JSONL event log when asked, then
// the JSON summary or the setup, timeline and outcome, then the scenario's `expect`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "harness/report/run_report.h"

namespace harness::cli {

struct OutputFlags {
  std::string events_path;  // write the event log here when not empty
  bool json = false;        // a JSON summary instead of the text report
  bool quiet = false;       // leave the timeline out
};

// Prints a finished run. `extra` members are added to the JSON summary; `footer` (if any) is a
// paragraph after the text report's outcome. Returns 0, or 1 when the scenario's expect is not
// met. Throws UsageError when the event log cannot be written (`command` names who asked).
int print_run_output(const std::string& command, const OutputFlags& flags, const report::RunReportInput& in,
                     const nlohmann::json& extra = nlohmann::json::object(), const std::string& footer = "");

}  // namespace harness::cli
