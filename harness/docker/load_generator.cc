#include "harness/docker/load_generator.h"

#include <algorithm>

#include "harness/docker/target_prober.h"
#include "sim/model/traffic.h"

namespace harness::docker {
namespace {

// Nearest rank over sorted samples (harness/report/percentile.h's rule), in whole milliseconds,
// at least 1 when anything was measured (a RequestLatency is 0 only when not measured).
int percentile_ms(std::vector<std::int64_t> samples_us, int percent) {
  if (samples_us.empty()) return 0;
  std::sort(samples_us.begin(), samples_us.end());
  const std::size_t rank = (samples_us.size() * static_cast<std::size_t>(percent) + 99) / 100;
  return std::max<int>(1, static_cast<int>(samples_us[std::max<std::size_t>(rank, 1) - 1] / 1000));
}

}  // namespace

LoadGenerator::LoadGenerator(asio::io_context& io, int requests_per_second, std::chrono::microseconds timeout)
    : io_(io),
      weight_per_sample_(static_cast<std::int64_t>(requests_per_second) *
                         (sim::model::kTrafficBucket / sim::seconds(1)) / kSamplesPerBucket),
      timeout_(timeout) {}

sim::ecs::RevisionTraffic& LoadGenerator::revision(sim::ecs::DeploymentId d) {
  while (report_.revisions.size() <= d) {
    sim::ecs::RevisionTraffic r;
    r.deployment = static_cast<sim::ecs::DeploymentId>(report_.revisions.size());
    report_.revisions.push_back(r);
    latencies_us_.emplace_back();
  }
  return report_.revisions[d];
}

int LoadGenerator::pick_deployment(const std::vector<LoadTarget>& targets) {
  // Smooth weighted round robin (nginx's): every candidate gains its weight, the largest is
  // picked and pays the total back; over time each gets its weight's share, evenly interleaved.
  std::int64_t total = 0;
  int best = -1;
  for (const sim::ecs::TrafficRoute& r : routes_) {
    const bool has_healthy = std::any_of(targets.begin(), targets.end(), [&](const LoadTarget& t) {
      return t.deployment == r.deployment && t.healthy;
    });
    if (r.weight <= 0 || !has_healthy) continue;
    if (current_weight_.size() <= r.deployment) current_weight_.resize(r.deployment + 1, 0);
    current_weight_[r.deployment] += r.weight;
    total += r.weight;
    if (best < 0 || current_weight_[r.deployment] > current_weight_[static_cast<std::size_t>(best)])
      best = static_cast<int>(r.deployment);
  }
  if (best >= 0) current_weight_[static_cast<std::size_t>(best)] -= total;
  return best;
}

void LoadGenerator::send(const std::vector<LoadTarget>& targets) {
  const LoadTarget* to = nullptr;
  const int deployment = pick_deployment(targets);
  if (deployment >= 0) {
    std::vector<const LoadTarget*> healthy;
    for (const LoadTarget& t : targets)
      if (t.healthy && t.deployment == static_cast<sim::ecs::DeploymentId>(deployment)) healthy.push_back(&t);
    if (next_target_.size() <= static_cast<std::size_t>(deployment)) next_target_.resize(static_cast<std::size_t>(deployment) + 1, 0);
    to = healthy[next_target_[static_cast<std::size_t>(deployment)]++ % healthy.size()];
  } else if (!targets.empty()) {
    to = &targets[next_fail_open_++ % targets.size()];  // fail open: every registered target
  }
  report();  // the revisions exist before any answer is counted
  if (to == nullptr) {
    report_.elb_5xx += weight_per_sample_;  // no target: the load balancer's own 503
    return;
  }
  ++sent_;
  const sim::ecs::DeploymentId d = to->deployment;
  const auto began = std::chrono::steady_clock::now();
  probe_target(io_, {to->ip, to->port, to->path, {}}, timeout_, [this, d, began](const sim::ecs::ProbeOutcome& o) {
    const auto latency = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - began);
    count(d, o.http_code, o.http_code != 0, latency);
  });
}

void LoadGenerator::count(sim::ecs::DeploymentId deployment, int http_code, bool answered,
                          std::chrono::microseconds latency) {
  if (!answered) {
    report_.elb_5xx += weight_per_sample_;  // 502 (refused) or 504 (timed out) from the load balancer
    return;
  }
  sim::ecs::RevisionTraffic& r = revision(deployment);
  r.requests += weight_per_sample_;
  report_.target_requests += weight_per_sample_;
  if (http_code >= 500) {
    r.errors += weight_per_sample_;
    report_.target_5xx += weight_per_sample_;
  }
  latencies_us_[deployment].push_back(latency.count());
}

const sim::ecs::TrafficReport& LoadGenerator::report() {
  for (const sim::ecs::TrafficRoute& r : routes_) revision(r.deployment);
  for (std::size_t d = 0; d < report_.revisions.size(); ++d)
    report_.revisions[d].latency = {percentile_ms(latencies_us_[d], 50), percentile_ms(latencies_us_[d], 99)};
  return report_;
}

}  // namespace harness::docker
