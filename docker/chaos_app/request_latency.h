// How long the chaos app takes to answer the load generator's request number n (at kTrafficPath):
// its profile's requestLatencyMs, in the simulator's shape (sim/observe/request_latency.h: a
// piecewise-linear distribution through 0, p50, p99 and p99 + (p99 - p50)). Request n gets the
// latency at quantile q(n), with q running through [0, 1) by the golden-ratio sequence — evenly
// spread over any run of requests, as the app's 5xx share is — so real mode measures the
// profile's percentiles with no randomness.
//
// The latency is real time, not scaled by the time scale: a request's latency is a property of
// one request, which the load generator measures in real milliseconds; scaled, Docker's and the
// kernel's own milliseconds would count twenty times over at 0.05.
#pragma once

#include <chrono>
#include <cstdint>

#include "sim/model/app_profile.h"

namespace chaos {

// The quantile of request n (n >= 1), in parts per million.
std::int64_t request_quantile_ppm(std::int64_t n);

// The latency of request n (n >= 1) of an app answering with `latency`.
std::chrono::microseconds request_latency(const sim::model::RequestLatency& latency, std::int64_t n);

}  // namespace chaos
