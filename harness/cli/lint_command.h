// `deploysim lint FILE...`: static pre-deploy checks of scenarios (harness/lint), printed one line
// per finding or as a JSON array, with an exit code CI can gate on; SARIF and JUnit files on
// request, and GitHub annotations and a job summary under GitHub Actions (harness/ci).
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 1 when any finding is an error, 0 otherwise (warnings and infos
// included). Bad input or flags throw ScenarioError or UsageError, which main() maps to 2.
int lint_command(const std::vector<std::string>& args);

}  // namespace harness::cli
