// docker/chaos_app/request_latency: the chaos app answers with its profile's latency percentiles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "docker/chaos_app/request_latency.h"

namespace {

// The nearest-rank percentile of requests 1..count, in milliseconds.
double percentile_ms(const sim::model::RequestLatency& latency, int count, int percent) {
  std::vector<std::int64_t> us;
  for (int n = 1; n <= count; ++n) us.push_back(chaos::request_latency(latency, n).count());
  std::sort(us.begin(), us.end());
  return static_cast<double>(us[static_cast<std::size_t>((count * percent + 99) / 100 - 1)]) / 1000.0;
}

}  // namespace

TEST_CASE("requests of the chaos app have the profile's p50 and p99") {
  // Given requestLatencyMs p50 600, p99 900, when 1000 requests are answered, then their median
  // is 600 ms and their 99th percentile 900 ms, within a millisecond.
  const sim::model::RequestLatency latency{600, 900};
  CHECK(percentile_ms(latency, 1000, 50) == Approx(600).margin(1));
  CHECK(percentile_ms(latency, 1000, 99) == Approx(900).margin(1));
}

TEST_CASE("any short run of requests spreads over the distribution") {
  // Given p50 40 ms and p99 120 ms, then of the first 10 requests 4 to 6 are within the median,
  // and none is past the slowest (p99 + (p99 - p50) = 200 ms).
  const sim::model::RequestLatency latency{40, 120};
  int within_median = 0;
  for (int n = 1; n <= 10; ++n) {
    const auto us = chaos::request_latency(latency, n).count();
    within_median += us <= 40'000;
    CHECK(us <= 200'000);
  }
  CHECK(within_median >= 4);
  CHECK(within_median <= 6);
}

TEST_CASE("request quantiles run through [0, 1) without repeating early") {
  // Given the first 100 requests, then their quantiles are distinct and in [0, 1e6).
  std::vector<std::int64_t> q;
  for (int n = 1; n <= 100; ++n) q.push_back(chaos::request_quantile_ppm(n));
  std::sort(q.begin(), q.end());
  CHECK(std::adjacent_find(q.begin(), q.end()) == q.end());
  CHECK(q.front() >= 0);
  CHECK(q.back() < 1'000'000);
}
