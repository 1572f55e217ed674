// The deploy's figures, computed by the observer from what the control plane tells it.
#include <catch2/catch.hpp>

#include "sim/observe/deploy_metrics.h"

using sim::Millis;
using sim::seconds;
using sim::observe::DeployMetrics;
using sim::observe::Metrics;

TEST_CASE("time below desired healthy counts from the deploy until the outcome, and not after") {
  // Given desiredCount 2, when 1 task is healthy from 10 s to 40 s after a deploy at 10 s and the
  // outcome comes at 40 s, then 30 s below desired, of which 0 with none healthy; later time is not charged.
  Metrics m;
  DeployMetrics metrics(m, 2);
  metrics.advance(seconds(5), 0);  // before the deploy: history, not counted
  metrics.start_deploy(seconds(10), 3, nullptr);
  metrics.advance(seconds(40), 1);
  metrics.outcome_reached();
  metrics.advance(seconds(100), 0);
  CHECK(m.below_desired_healthy == seconds(30));
  CHECK(m.zero_healthy == Millis{0});
  CHECK(m.breaker_threshold == 3);
  CHECK(m.deploy_started_at == seconds(10));
}

TEST_CASE("time to detect is the first failure, failed tasks count every one") {
  // Given a deploy at 0, when failures come at 20 s and 50 s, then detect 20 s, 2 failed tasks.
  Metrics m;
  DeployMetrics metrics(m, 1);
  metrics.start_deploy(Millis{0}, 3, nullptr);
  metrics.failure_counted(seconds(20));
  metrics.failure_counted(seconds(50));
  metrics.breaker_counted(2);
  metrics.breaker_counted(1);
  CHECK(m.time_to_detect == seconds(20));
  CHECK(m.failed_tasks == 2);
  CHECK(m.breaker_max_count == 2);
}

TEST_CASE("the 5xx before a rollback and the traffic per revision count only from the deploy") {
  // Given 100 requests and 3 ELB 5xx served before the deploy, when the deployment fails with 40
  // target 5xx and 5 more ELB 5xx served, then 45 errors before the rollback; at the end each
  // revision's requests since the deploy are reported with its latency.
  Metrics m;
  DeployMetrics metrics(m, 1);
  sim::ecs::TrafficReport before;
  before.revisions = {{0, 100, 0, {20, 80}}};
  before.target_requests = 100;
  before.elb_5xx = 3;
  metrics.start_deploy(seconds(1), 3, &before);
  sim::ecs::TrafficReport failed = before;
  failed.revisions.push_back({1, 60, 40, {30, 900}});
  failed.target_requests = 160;
  failed.target_5xx = 40;
  failed.elb_5xx = 8;
  metrics.deployment_failed(seconds(61), &failed);
  CHECK(m.errors_before_rollback == 45);
  CHECK(m.time_to_rollback_start == seconds(60));
  metrics.finish_traffic(failed, {0, 1});
  REQUIRE(m.traffic_by_revision.size() == 2);
  CHECK(m.traffic_by_revision[0].requests == 0);
  CHECK(m.traffic_by_revision[1].requests == 60);
  CHECK(m.traffic_by_revision[1].errors == 40);
  CHECK(m.traffic_by_revision[1].latency_p99_ms == 900);
  CHECK(m.requests == 65);  // 60 served by targets + 5 answered 503 by the load balancer
  CHECK(m.target_5xx == 40);
  CHECK(m.elb_5xx == 5);
}
