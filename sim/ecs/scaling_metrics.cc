#include "sim/ecs/scaling_metrics.h"

namespace sim::ecs {
namespace {

// 100 x used / reserved, x 1000; none without anything reserved in the minute.
std::optional<std::int64_t> percent_thousandths(std::int64_t used, std::int64_t reserved) {
  if (reserved <= 0) return std::nullopt;
  return used * 100'000 / reserved;
}

}  // namespace

std::optional<std::int64_t> ScalingDatapoints::value(model::ScalingMetric metric) const {
  switch (metric) {
    case model::ScalingMetric::ecs_cpu: return cpu_thousandths;
    case model::ScalingMetric::ecs_memory: return memory_thousandths;
    case model::ScalingMetric::alb_requests: return requests_per_target_thousandths;
  }
  return std::nullopt;
}

std::optional<ScalingDatapoints> ScalingMetrics::on_report(Millis now, const TrafficReport& report) {
  if (now <= Millis{0} || now % kScalingMetricPeriod != Millis{0}) return std::nullopt;
  const UtilizationSamples& u = report.utilization;
  ScalingDatapoints d;
  d.minute_end = now;
  // Metrics exist only while the service has RUNNING tasks (ecs-rules §13.2).
  if (u.running_tasks > last_.running_tasks) {
    d.cpu_thousandths = percent_thousandths(u.cpu_used_units - last_.cpu_used_units,
                                            u.cpu_reserved_units - last_.cpu_reserved_units);
    d.memory_thousandths = percent_thousandths(u.memory_used_mib - last_.memory_used_mib,
                                               u.memory_reserved_mib - last_.memory_reserved_mib);
  }
  // RequestCountPerTarget: the minute's RequestCount over the healthy targets, averaged over the
  // minute's samples (samples / healthy-target samples is one over the mean healthy count).
  const std::int64_t healthy = u.healthy_targets - last_.healthy_targets;
  if (healthy > 0) {
    const std::int64_t requests = report.target_requests - last_requests_;
    d.requests_per_target_thousandths = requests * 1000 * (u.samples - last_.samples) / healthy;
  }
  last_ = u;
  last_requests_ = report.target_requests;
  return d;
}

}  // namespace sim::ecs
