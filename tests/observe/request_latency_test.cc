#include "sim/observe/request_latency.h"

#include <catch2/catch.hpp>

namespace sim::observe {
namespace {

constexpr model::RequestLatency kFast{40, 120};
constexpr model::RequestLatency kSlow{300, 900};

}  // namespace

TEST_CASE("one app's latency CDF passes through its p50 and p99") {
  // Given p50 40 ms and p99 120 ms, then half the requests are within 40 ms, 99 % within 120 ms,
  // all within 200 ms (our shape: the tail is as wide as p99 - p50), none within 0.
  CHECK(latency_cdf_ppm(kFast, 0) == 0);
  CHECK(latency_cdf_ppm(kFast, 40'000) == 500'000);
  CHECK(latency_cdf_ppm(kFast, 120'000) == 990'000);
  CHECK(latency_cdf_ppm(kFast, 200'000) == 1'000'000);
  CHECK(latency_cdf_ppm(kFast, 80'000) == 745'000);  // halfway from p50 to p99
}

TEST_CASE("a single app's percentiles and mean come back from its profile") {
  // Given only the fast app serving, then the mixed p50 and p99 are its own, to the microsecond.
  const std::vector<LatencyShare> alone = {{1000, kFast}};
  CHECK(mixed_percentile_micros(alone, 500'000) == 40'000);
  CHECK(mixed_percentile_micros(alone, 990'000) == 120'000);
  // Mean: 50 % around 20 ms, 49 % around 80 ms, 1 % around 160 ms.
  CHECK(mixed_mean_micros(alone) == 50'800);
  CHECK(latency_mean_micros(kFast) == 50'800);
}

TEST_CASE("a tenth of traffic on a slow revision moves the p99 but hardly the median") {
  // Given 90 % of requests on the fast app and 10 % on the slow one, then more than 1 % of all
  // requests are slower than the fast app's p99, so the mix's p99 lies inside the slow app's
  // range, while the median stays near the fast app's (the canary's point).
  const std::vector<LatencyShare> canary = {{9000, kFast}, {1000, kSlow}};
  const std::int64_t p99 = mixed_percentile_micros(canary, 990'000);
  CHECK(p99 > 500'000);
  CHECK(p99 < 900'000);
  CHECK(mixed_percentile_micros(canary, 500'000) < 50'000);
  // The CDF of the mix at its p99 reaches 99 %, and one microsecond less does not.
  const auto within = [&](std::int64_t us) { return 9000 * latency_cdf_ppm(kFast, us) + 1000 * latency_cdf_ppm(kSlow, us); };
  CHECK(within(p99) >= 10'000LL * 990'000);
  CHECK(within(p99 - 1) < 10'000LL * 990'000);
}

TEST_CASE("no request, no latency") {
  CHECK(mixed_percentile_micros({{0, kSlow}}, 990'000) == 0);
  CHECK(mixed_mean_micros({}) == 0);
}

}  // namespace sim::observe
