// Workload W1 "rolling-N" of the core simulator issue, built in code: N healthy old tasks; a
// deploy with min 100 / max 200 launches N new tasks at once. Shared by the benchmark and the
// tests that hold the predictive and per-probe modes equal.
#pragma once

#include <string>

#include "sim/model/scenario.h"

namespace testsupport {

enum class W1Variant { healthy, oom };

// PROVISIONING 2 s, PENDING 5 s, listening 20 s after start, each x U[0.8, 1.2]; container
// check 30 s / 5 s / 3 retries / startPeriod 60 s; target check every 10 s, healthy 5,
// unhealthy 2; deregistration delay 30 s; SIGTERM exit after 5 s; grace period 120 s (our
// choice: the issue names none); breaker on with rollback; horizon 3600 s.
// The oom variant's new revision reaches 253 MiB at 45 s in a 128 MiB container.
sim::model::Scenario w1_scenario(int n, W1Variant variant);

std::string to_string(W1Variant v);

}  // namespace testsupport
