// `deploysim init SOURCE... [-o scenario.json]`: a complete scenario from the user's
// configuration (harness/readers), its assumptions named in its `story`.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the exit code: 0 written, 2 bad input (thrown as ScenarioError / UsageError).
int init_command(const std::vector<std::string>& args);

}  // namespace harness::cli
