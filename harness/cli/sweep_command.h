// `deploysim sweep FILE`: runs a sweep file's grid of settings over its population of deploys on
// all cores and writes CSV, JSON, an HTML report and its charts; with --shard K/N (or a job
// array's index) it runs one slice and writes a partial file for `deploysim merge`.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 0, or 2 on bad input or flags.
int sweep_command(const std::vector<std::string>& args);

}  // namespace harness::cli
