// `deploysim lint FILE`: static pre-deploy checks of a scenario (harness/lint), printed one line
// per finding or as a JSON array, with an exit code CI can gate on.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 1 when any finding is an error, 0 otherwise (warnings and infos
// included). Bad input or flags throw ScenarioError or UsageError, which main() maps to 2.
int lint_command(const std::vector<std::string>& args);

}  // namespace harness::cli
