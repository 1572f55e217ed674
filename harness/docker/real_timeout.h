// Timeouts in real mode: the scaled duration, never under a floor of real time.
//
// A timeout exists to catch a hang. What it times in real mode includes latency that does not
// scale with --time-scale: Docker's exec of every HEALTHCHECK probe (tens of ms idle, several
// hundred on a loaded machine or beside a -O0 sanitized driver) and the driver's own scheduling.
// At 0.05 a 2 s check timeout is 100 ms of real time, which a loaded machine misses: a container
// that answers turns UNHEALTHY and a deploy that completes in the simulator fails a task (the
// flake of issue 20, init-migration-succeeds.json under two parallel tests). With the floor, a
// check that answers always passes whatever the load; the one thing it changes is how soon a check
// that really hangs counts as failed (at least the floor, in real time), which `compare` shows as
// drift, never as a different verdict on an answering container.
#pragma once

#include <chrono>

#include "sim/engine/time.h"

namespace harness::docker {

// Well above Docker's exec latency under load (measured: docs/real-mode.md, "Timing").
inline constexpr std::chrono::milliseconds kRealTimeoutFloor{2000};

// `timeout` (run time) in real time at `time_scale`, at least kRealTimeoutFloor.
std::chrono::microseconds real_timeout(sim::Millis timeout, double time_scale);

// The same timeout as a span of run time (for the run's clock): `timeout`, or longer when its
// scaled real time is under the floor. An own image's stopTimeout is one (docker_world_stop.cc):
// the image stops in real time, so at 0.05 its 30 s grace would be 1.5 s of real time.
sim::Millis floored_run_timeout(sim::Millis timeout, double time_scale);

}  // namespace harness::docker
