// Request latency, without one draw per request: an app answers its requests with a latency
// distribution given by its median and 99th percentile (the app profile's requestLatencyMs), and
// a mix of revisions serving one target group has the mixture of their distributions, weighted by
// the requests each served. TargetResponseTime statistics (Average, pNN) over a period are then
// exact functions of the per-revision request counts the TrafficMeter keeps.
//
// The shape is ours (nothing publishes one): a piecewise-linear CDF through (0 ms, 0),
// (p50, 50 %), (p99, 99 %) and (p99 + (p99 - p50), 100 %). Integer arithmetic throughout.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/model/app_profile.h"

namespace sim::observe {

// Parts per million of the requests answered within `micros` microseconds.
std::int64_t latency_cdf_ppm(const model::RequestLatency& latency, std::int64_t micros);

// The mean latency, in microseconds.
std::int64_t latency_mean_micros(const model::RequestLatency& latency);

struct LatencyShare {
  std::int64_t requests = 0;
  model::RequestLatency latency;
};

// The latency below which `percentile_ppm` (990000 for p99) of the mixed requests were answered,
// in microseconds (to the microsecond, by bisection); 0 with no request.
std::int64_t mixed_percentile_micros(const std::vector<LatencyShare>& mix, std::int64_t percentile_ppm);

// The request-weighted mean latency of the mix, in microseconds; 0 with no request.
std::int64_t mixed_mean_micros(const std::vector<LatencyShare>& mix);

}  // namespace sim::observe
