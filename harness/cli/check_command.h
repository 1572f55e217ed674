// `deploysim check FILE`: explore the fault envelope the scenario declares in its "check" section,
// judge every run against its intents and the safety properties, print each verdict, write a
// shrunk counterexample scenario for each violated intent, optionally a JUnit report and SARIF;
// under GitHub Actions, annotations at the violated intents and the verdicts in the job summary.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the exit code: 0 when every intent holds, 1 when one is violated, 2 on bad input.
int check_command(const std::vector<std::string>& args);

}  // namespace harness::cli
