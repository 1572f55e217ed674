#include "sim/ecs/scaling_metrics.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

// A report after `samples` 20-s samples of `tasks` tasks each using `cpu` of 256 units and `mib`
// of 512 MiB, with `healthy` targets and `requests` answered so far.
TrafficReport report(std::int64_t samples, std::int64_t tasks, std::int64_t cpu, std::int64_t mib,
                     std::int64_t healthy, std::int64_t requests) {
  TrafficReport r;
  r.target_requests = requests;
  r.utilization = {samples, samples * tasks, samples * tasks * cpu, samples * tasks * 256,
                   samples * tasks * mib, samples * tasks * 512, samples * healthy};
  return r;
}

TEST_CASE("a datapoint comes only at the end of each minute") {
  // Given reports every 10 s, then only the one at 60 s makes a datapoint.
  ScalingMetrics m;
  CHECK_FALSE(m.on_report(seconds(10), report(0, 0, 0, 0, 0, 0)));
  CHECK_FALSE(m.on_report(seconds(50), report(2, 4, 128, 256, 4, 0)));
  CHECK(m.on_report(seconds(60), report(3, 4, 128, 256, 4, 0)));
}

TEST_CASE("CPU and memory are 100 x used over reserved across the minute's samples") {
  // Given 4 tasks at 128 of 256 CPU units and 384 of 512 MiB for the first minute, then 192 units
  // in the second, then the datapoints read 50 % / 75 %, then 75 % CPU.
  ScalingMetrics m;
  const std::optional<ScalingDatapoints> first = m.on_report(seconds(60), report(3, 4, 128, 384, 4, 0));
  REQUIRE(first);
  CHECK(first->cpu_thousandths == 50'000);
  CHECK(first->memory_thousandths == 75'000);
  TrafficReport second = report(3, 4, 128, 384, 4, 0);
  second.utilization.samples += 3;
  second.utilization.running_tasks += 12;
  second.utilization.cpu_used_units += 12 * 192;
  second.utilization.cpu_reserved_units += 12 * 256;
  second.utilization.memory_used_mib += 12 * 384;
  second.utilization.memory_reserved_mib += 12 * 512;
  const std::optional<ScalingDatapoints> next = m.on_report(seconds(120), second);
  REQUIRE(next);
  CHECK(next->cpu_thousandths == 75'000);
}

TEST_CASE("ALBRequestCountPerTarget is the minute's requests over the healthy targets") {
  // Given 6000 requests in a minute over 4 healthy targets, then 1500 requests per target.
  ScalingMetrics m;
  const std::optional<ScalingDatapoints> d = m.on_report(seconds(60), report(3, 4, 0, 0, 4, 6000));
  REQUIRE(d);
  CHECK(d->requests_per_target_thousandths == 1'500'000);
  CHECK(d->value(model::ScalingMetric::alb_requests) == 1'500'000);
}

TEST_CASE("no RUNNING task and no healthy target mean no data, not zero") {
  // Given a minute in which nothing ran, then every metric is missing (no scaling on it).
  ScalingMetrics m;
  const std::optional<ScalingDatapoints> d = m.on_report(seconds(60), report(3, 0, 0, 0, 0, 0));
  REQUIRE(d);
  CHECK_FALSE(d->cpu_thousandths);
  CHECK_FALSE(d->memory_thousandths);
  CHECK_FALSE(d->requests_per_target_thousandths);
}

}  // namespace
}  // namespace sim::ecs
