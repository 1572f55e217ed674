// `deploysim compare FILE`: runs the scenario simulated and for real (harness/docker), and says
// whether the outcomes agree and how the event order and (run) timings diverge.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns 0 when the outcomes agree, 1 when they differ, 2 on bad input or no Docker engine.
int compare_command(const std::vector<std::string>& args);

}  // namespace harness::cli
