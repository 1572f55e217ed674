// `deploysim run [FILE]`: simulate a scenario (the built-in default without FILE) and print the
// setup, the timeline and the outcome; optionally the JSONL event log and a JSON summary.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 0 on a finished run, 2 on bad input or flags.
int run_command(const std::vector<std::string>& args);

}  // namespace harness::cli
