// The one-minute datapoints of the metrics target tracking watches, made from the cumulative
// samples a world reports every traffic period (UtilizationSamples and the target requests in
// sim/ecs/runtime.h): ECSServiceAverageCPUUtilization and ...MemoryUtilization as ECS computes
// them (100 x used / reserved over the service's RUNNING tasks, the three 20-s samples of the
// minute aggregated) and ALBRequestCountPerTarget (the minute's requests over the healthy
// targets). ecs-rules §13.2. Pure: no clock, no I/O.
#pragma once

#include <cstdint>
#include <optional>

#include "sim/ecs/runtime.h"
#include "sim/engine/time.h"
#include "sim/model/autoscaling.h"

namespace sim::ecs {

// CloudWatch receives one datapoint per metric per minute (cloudwatch-metrics.html).
inline constexpr Millis kScalingMetricPeriod = seconds(60);

// One minute's datapoints, x 1000 (percent, or requests per target); none: no data that minute
// (no RUNNING task, no task-level cpu, no healthy target).
struct ScalingDatapoints {
  Millis minute_end{0};
  std::optional<std::int64_t> cpu_thousandths;
  std::optional<std::int64_t> memory_thousandths;
  std::optional<std::int64_t> requests_per_target_thousandths;

  std::optional<std::int64_t> value(model::ScalingMetric metric) const;
};

class ScalingMetrics {
 public:
  // Takes a world's report at `now`; when `now` ends a minute, returns that minute's datapoints.
  std::optional<ScalingDatapoints> on_report(Millis now, const TrafficReport& report);

 private:
  UtilizationSamples last_;
  std::int64_t last_requests_ = 0;
};

}  // namespace sim::ecs
