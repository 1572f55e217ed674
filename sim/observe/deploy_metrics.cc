#include "sim/observe/deploy_metrics.h"

#include <algorithm>

#include "sim/observe/request_latency.h"

namespace sim::observe {

void DeployMetrics::start_deploy(Millis now, int breaker_threshold, const ecs::TrafficReport* traffic) {
  // A later deployment of the same episode supersedes the one under test: the figures go on from
  // the first deployment's start until the outcome of the last.
  outcome_reached_ = false;
  if (started_) return;
  started_ = true;
  m_.deploy_started_at = now;
  m_.breaker_threshold = breaker_threshold;
  last_advanced_ = now;
  if (traffic) traffic_at_deploy_ = *traffic;
}

void DeployMetrics::advance(Millis now, int healthy) {
  if (started_ && !outcome_reached_ && now > last_advanced_) {
    const Millis dt = now - last_advanced_;
    if (healthy < desired_) m_.below_desired_healthy += dt;
    if (healthy == 0) m_.zero_healthy += dt;
  }
  last_advanced_ = now;
}

void DeployMetrics::task_launched() {
  if (started_) ++m_.tasks_launched;
}

void DeployMetrics::failure_counted(Millis now) {
  ++m_.failed_tasks;
  if (!m_.time_to_detect) m_.time_to_detect = now - m_.deploy_started_at;
}

void DeployMetrics::deployment_failed(Millis now, const ecs::TrafficReport* traffic) {
  m_.time_to_rollback_start = now - m_.deploy_started_at;
  if (!traffic) return;
  const ecs::TrafficReport& before = traffic_at_deploy_;
  m_.errors_before_rollback =
      traffic->target_5xx - before.target_5xx + traffic->elb_5xx - before.elb_5xx;
}

void DeployMetrics::hook_answered(std::string arn, std::string stage, std::string status, Millis now) {
  m_.hooks.push_back({std::move(arn), std::move(stage), std::move(status), now - m_.deploy_started_at});
}

void DeployMetrics::task_lifetime(Millis now, Millis launched_at) {
  if (started_) m_.task_milliseconds += (now - std::max(launched_at, m_.deploy_started_at)).count();
}

void DeployMetrics::finish_traffic(const ecs::TrafficReport& now, const std::vector<int>& task_definition_of) {
  const ecs::TrafficReport& before = traffic_at_deploy_;
  m_.requests = now.target_requests - before.target_requests + now.elb_5xx - before.elb_5xx;
  m_.target_5xx = now.target_5xx - before.target_5xx;
  m_.elb_5xx = now.elb_5xx - before.elb_5xx;
  m_.traffic_by_revision.clear();
  std::vector<LatencyShare> mix;
  for (std::size_t d = 0; d < task_definition_of.size(); ++d) {
    const ecs::RevisionTraffic total = now.revision(static_cast<ecs::DeploymentId>(d));
    const ecs::RevisionTraffic earlier = before.revision(static_cast<ecs::DeploymentId>(d));
    m_.traffic_by_revision.push_back({static_cast<int>(d), task_definition_of[d], total.requests - earlier.requests,
                                      total.errors - earlier.errors, total.latency.p50_ms, total.latency.p99_ms});
    mix.push_back({total.requests - earlier.requests, total.latency});
  }
  // Latency of every request served since the deploy, over the revisions that served them.
  m_.latency_p50_micros = mixed_percentile_micros(mix, 500'000);
  m_.latency_p99_micros = mixed_percentile_micros(mix, 990'000);
}

}  // namespace sim::observe
