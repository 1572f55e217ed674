// `deploysim train [INCIDENT...]`: an interactive walk through the incident library — predict,
// watch the timeline with its rules, get scored, see the fix replayed. Reads answers from
// standard input, so a script can pipe them in; colour only on a terminal without NO_COLOR.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns the process exit code: 0, or 2 on bad flags, a missing library or an unknown incident.
int train_command(const std::vector<std::string>& args);

}  // namespace harness::cli
