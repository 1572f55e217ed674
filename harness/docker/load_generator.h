// The load balancer's listener, for real: it sends a sample of the scenario's request traffic to
// the targets the controller routes to and counts the real answers, so that real mode's alarms
// judge measured 5xx and latency rather than the app profiles' model (sim/world/served_traffic.h).
//
// Each run second it sends one real HTTP GET (kSamplesPerBucket per traffic period), standing for
// `requests_per_second` of the scenario's requests: at 0.05 that is 20 real requests a second,
// whatever the scenario's rate, so the machine's load stays small and the counts keep the
// scenario's scale. A request goes to a deployment by the routes' weights (smooth weighted round
// robin, deterministic), then round robin over that deployment's healthy targets, as an ALB
// spreads over one target group; when no target of any routed deployment is healthy but some are
// registered, the ALB fails open and sends to all of them (ELB docs, "Target group health": "If
// no targets are healthy, the load balancer routes requests to all targets"). With no target at
// all the load balancer answers 503 itself (HTTPCode_ELB_5XX). An answer of 5xx counts as the
// target's (HTTPCode_Target_5XX); a connection refused or timed out is the ELB's 502/504.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "harness/docker/asio.h"
#include "sim/ecs/runtime.h"

namespace harness::docker {

// One registered target of the target group, as the world sees it now.
struct LoadTarget {
  sim::ecs::DeploymentId deployment = 0;
  std::string ip;
  int port = 0;
  std::string path = "/";  // what a request GETs on this target
  bool healthy = false;
};

// Real requests per traffic period (kTrafficBucket, 10 s of run time): one a run second.
inline constexpr int kSamplesPerBucket = 10;

class LoadGenerator {
 public:
  // `requests_per_second`: the scenario's rate; `timeout`: real time a request may take.
  LoadGenerator(asio::io_context& io, int requests_per_second, std::chrono::microseconds timeout);

  // The controller's routes from now on.
  void route(const std::vector<sim::ecs::TrafficRoute>& routes) { routes_ = routes; }

  // Sends one sampled request to the target the listener picks among `targets` (or counts the
  // ELB's 503 when there is none); its answer is counted when it comes.
  void send(const std::vector<LoadTarget>& targets);

  // Everything answered so far, cumulative since the run started (latency: measured p50, p99).
  const sim::ecs::TrafficReport& report();

  std::int64_t real_requests_sent() const { return sent_; }

 private:
  // The deployment the next request goes to among those with a healthy target, or -1.
  int pick_deployment(const std::vector<LoadTarget>& targets);
  void count(sim::ecs::DeploymentId deployment, int http_code, bool answered, std::chrono::microseconds latency);
  sim::ecs::RevisionTraffic& revision(sim::ecs::DeploymentId d);

  asio::io_context& io_;
  std::int64_t weight_per_sample_;  // scenario requests one real request stands for
  std::chrono::microseconds timeout_;
  std::vector<sim::ecs::TrafficRoute> routes_;
  std::vector<std::int64_t> current_weight_;   // smooth weighted round robin, by deployment id
  std::vector<std::size_t> next_target_;       // round robin within a deployment, by deployment id
  std::size_t next_fail_open_ = 0;
  std::vector<std::vector<std::int64_t>> latencies_us_;  // by deployment id
  sim::ecs::TrafficReport report_;
  std::int64_t sent_ = 0;
};

}  // namespace harness::docker
