#include "docker/chaos_app/request_latency.h"

#include "sim/observe/request_latency.h"

namespace chaos {

std::int64_t request_quantile_ppm(std::int64_t n) {
  // The fractional part of n x 0.618034 (1/phi): each new point falls in the largest gap left.
  return (n * 618'034) % 1'000'000;
}

std::chrono::microseconds request_latency(const sim::model::RequestLatency& latency, std::int64_t n) {
  const std::int64_t ppm = request_quantile_ppm(n);
  // The inverse of the distribution: the least latency that `ppm` of the requests are within.
  std::int64_t low = 0;
  std::int64_t high = (2 * std::int64_t{latency.p99_ms} - latency.p50_ms) * 1000;
  while (low < high) {
    const std::int64_t mid = low + (high - low) / 2;
    if (sim::observe::latency_cdf_ppm(latency, mid) >= ppm)
      high = mid;
    else
      low = mid + 1;
  }
  return std::chrono::microseconds{low};
}

}  // namespace chaos
