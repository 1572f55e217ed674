// `deploysim explain FILE`: the causal chain of a run in plain words, and the smallest single
// config change that would have changed its outcome (found by re-simulating candidates).
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 0, or 2 on bad input or flags.
int explain_command(const std::vector<std::string>& args);

}  // namespace harness::cli
