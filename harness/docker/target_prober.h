// The load balancer's probe, for real: an HTTP GET of the target group's health-check path on
// the container's address, asynchronous on the run's io_context, with the check's (scaled)
// timeout. Its result feeds the shared target-health state machine (sim/ecs/target_health.h).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "harness/docker/asio.h"
#include "sim/ecs/health_status.h"

namespace harness::docker {

struct ProbeTarget {
  std::string ip;
  int port = 0;
  std::string path = "/";
  std::vector<int> healthy_codes = {200};
};

// Probes `target` once and calls `done` with pass/fail, the failure in ELB's terms and the code.
void probe_target(asio::io_context& io, const ProbeTarget& target, std::chrono::microseconds timeout,
                  std::function<void(const sim::ecs::ProbeOutcome&)> done);

// The same probe, blocking (for the warm-up before the run's clock starts).
sim::ecs::ProbeOutcome probe_target_now(const ProbeTarget& target, std::chrono::microseconds timeout);

}  // namespace harness::docker
