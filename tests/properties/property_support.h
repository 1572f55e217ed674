// The project's own properties over generated configs and faults (harness/check generators),
// shared by the property tests and the planted-bug tests. Each property takes a scenario and
// returns "" when it holds, else what failed; explore() (harness/check/explorer.h) drives them
// from a fixed seed and shrinks a failure.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <string>

#include "sim/model/scenario.h"

namespace properties {

inline constexpr std::uint64_t kSeed = 20261127;

// Any generated config with any faults (slow starts up to 120 s, a database blip up to 90 s, one
// breaking fault or none, a task killed at some point), simulated past its outcome to the horizon.
rc::Gen<sim::model::Scenario> gen_any_run();
// Breaker on, every new task failing (a breaking fault that fails a task before it is healthy), and
// an old revision that can come back (its grace period covers its start-up).
rc::Gen<sim::model::Scenario> gen_bad_deploy();
// A healthy app with enough memory, slow starts up to 120 s, a grace period covering start-up.
rc::Gen<sim::model::Scenario> gen_good_deploy();

// Safety, on every event (harness/check/safety.h), and the controller's own invariant count.
std::string safety_holds(const sim::model::Scenario& s);
// ROLLED_BACK (FAILED without rollback) within failure_outcome_bound (harness/check/liveness_bounds.h).
std::string bad_deploy_ends_within_bound(const sim::model::Scenario& s);
// COMPLETED within completion_bound.
std::string good_deploy_completes_within_bound(const sim::model::Scenario& s);

// The scenario as a file, for the failure message: save it and `deploysim run` it.
std::string as_file(const sim::model::Scenario& s);

}  // namespace properties
