// `deploysim report FILE -o report.html`: one self-contained HTML page for a run — lanes per
// task, charts over time, service events, outcome, causal chain and the config that mattered.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 0, or 2 on bad input, flags or an unwritable output file.
int report_command(const std::vector<std::string>& args);

}  // namespace harness::cli
