// A scenario compiled into the program: "a small rolling deploy that rolls back". Service
// "checkout" (desiredCount 2, minimumHealthyPercent 100, maximumPercent 200, circuit breaker with
// rollback, ALB target group) deploys checkout:8, whose app waits for REDIS_URL that the task
// definition does not pass, so it never gets ready; the breaker trips on the third failed task
// and ECS rolls back to checkout:7.
#pragma once

#include <string_view>

namespace harness::scenario {

// The scenario's JSON text, byte for byte the file scenarios/examples/default.json.
std::string_view default_scenario_json();

}  // namespace harness::scenario
