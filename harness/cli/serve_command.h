// `deploysim serve [SCENARIO]`: the ECS API on localhost, backed by the simulator (harness/serve),
// so a deploy pipeline's own `aws ecs …` calls can be tested against a failing deploy.
#pragma once

#include <string>
#include <vector>

namespace harness::cli {

// Serves until SIGINT or SIGTERM, then returns 0; 2 for bad flags, a bad scenario or a port in use.
int serve_command(const std::vector<std::string>& args);

}  // namespace harness::cli
