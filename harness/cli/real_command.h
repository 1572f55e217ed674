// `deploysim real FILE`: the scenario's deploy played for real against local Docker containers
// (harness/docker), with the same setup, timeline and outcome output as `run`.
// `deploysim real --cleanup` removes every container a killed run left behind.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the exit code: 0 done, 1 expectations not met, 2 bad input or no Docker engine,
// 128+signal when interrupted (after removing the run's containers).
int real_command(const std::vector<std::string>& args);

}  // namespace harness::cli
