// The `apps` profiles `deploysim init` writes for images it knows only from their configuration.
// What happens inside a container is not in any config, so each profile is what the config
// implies plus named assumptions: it reads every environment variable and secret the container
// is given (so a secret ECS cannot fetch stops it, as in seed 002), listens on the load
// balancer's port or its first port mapping, answers the target group's health check path and
// any path its container health check requests, and holds half its memory limit.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace harness::readers {

// Start-up time assumed for every derived profile (seconds): short, so a config whose checks
// allow for nothing slower still passes; refine with the real app's figure.
inline constexpr double kAssumedStartSeconds = 5;

// Profiles by image for every container of `task_definitions` (ECS-native JSON), given the
// service and target group sections; appends one sentence per assumption to `assumptions`.
nlohmann::json derive_apps(const nlohmann::json& task_definitions, const nlohmann::json& service,
                           const nlohmann::json* target_group, std::vector<std::string>& assumptions);

}  // namespace harness::readers
