// Writes a sweep report's files into a directory: <name>.csv, <name>.json, <name>.html and the
// charts docs/sweeps.md shows: <name>-frontier.svg, <name>-heatmap.svg and, with traffic, <name>-errors-heatmap.svg.
// Shared by `deploysim sweep` and `deploysim merge`, which therefore write the same bytes for the
// same result.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/sweep/sweep_report.h"

namespace harness::sweep {

// Returns the paths written. Throws std::runtime_error naming a file that cannot be written.
std::vector<std::string> write_report_files(const SweepReport& report, const std::filesystem::path& dir);

// The sweep's name made safe for a file name ("seed 000/x" -> "seed-000-x").
std::string file_stem(const std::string& name);

}  // namespace harness::sweep
