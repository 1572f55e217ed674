#include "sim/observe/request_latency.h"

#include <algorithm>

namespace sim::observe {
namespace {

constexpr std::int64_t kMillion = 1'000'000;

// The CDF's corners, in microseconds: p50, p99 and the slowest request.
struct Corners {
  std::int64_t p50;
  std::int64_t p99;
  std::int64_t max;
};

Corners corners(const model::RequestLatency& l) {
  const std::int64_t p50 = std::int64_t{l.p50_ms} * 1000;
  const std::int64_t p99 = std::int64_t{l.p99_ms} * 1000;
  return {p50, p99, p99 + (p99 - p50)};
}

// Linear between (x0, y0) and (x1, y1), at x in [x0, x1]; a zero-width segment is its top.
std::int64_t interpolate(std::int64_t x, std::int64_t x0, std::int64_t y0, std::int64_t x1, std::int64_t y1) {
  if (x1 <= x0) return y1;
  return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
}

}  // namespace

std::int64_t latency_cdf_ppm(const model::RequestLatency& latency, std::int64_t micros) {
  const Corners c = corners(latency);
  if (micros < 0) return 0;
  if (micros >= c.max) return kMillion;
  if (micros >= c.p99) return interpolate(micros, c.p99, 990'000, c.max, kMillion);
  if (micros >= c.p50) return interpolate(micros, c.p50, 500'000, c.p99, 990'000);
  return interpolate(micros, 0, 0, c.p50, 500'000);
}

std::int64_t latency_mean_micros(const model::RequestLatency& latency) {
  // Each linear piece holds its mass at its midpoint.
  const Corners c = corners(latency);
  return (500'000 * (c.p50 / 2) + 490'000 * ((c.p50 + c.p99) / 2) + 10'000 * ((c.p99 + c.max) / 2)) / kMillion;
}

std::int64_t mixed_percentile_micros(const std::vector<LatencyShare>& mix, std::int64_t percentile_ppm) {
  std::int64_t total = 0;
  std::int64_t high = 0;
  for (const LatencyShare& s : mix) {
    total += s.requests;
    if (s.requests > 0) high = std::max(high, corners(s.latency).max);
  }
  if (total == 0) return 0;
  // The smallest latency whose mixed CDF reaches the percentile: the CDF is monotone.
  std::int64_t low = 0;
  while (low < high) {
    const std::int64_t mid = low + (high - low) / 2;
    std::int64_t within = 0;  // requests x ppm answered within mid
    for (const LatencyShare& s : mix) within += s.requests * latency_cdf_ppm(s.latency, mid);
    if (within >= total * percentile_ppm)
      high = mid;
    else
      low = mid + 1;
  }
  return low;
}

std::int64_t mixed_mean_micros(const std::vector<LatencyShare>& mix) {
  std::int64_t total = 0;
  std::int64_t weighted = 0;
  for (const LatencyShare& s : mix) {
    total += s.requests;
    weighted += s.requests * latency_mean_micros(s.latency);
  }
  return total == 0 ? 0 : weighted / total;
}

}  // namespace sim::observe
