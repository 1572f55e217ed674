// `deploysim profile IMAGE [--env K=V ...] [--memory MiB] [--duration S] [--runs N] [--port P]
// [--health-path PATH] [--out FILE]`: measures a local image for the simulator
// (harness/docker/image_profiler.h) and writes the app profile it plays.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Returns 0 when profiled, 2 on bad flags, no engine or no such image.
int profile_command(const std::vector<std::string>& args);

}  // namespace harness::cli
