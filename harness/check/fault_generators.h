// rapidcheck generators of fault sets within a scenario's declared envelope, and of the cases
// `deploysim check` explores: a fault set plus the run's seed (its jitter draws). They shrink
// toward fewer and smaller faults (no blip, a shorter one, less slow start) and seed 0, so a
// counterexample ends as small as it can while still failing.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <vector>

#include "harness/check/fault_set.h"
#include "sim/model/check_spec.h"

namespace harness::check {

// A fault set within `envelope`. Good deploys get only benign faults; bad ones one of `breaking`
// (which must not be empty); `any` draws either. With a timeline of `timeline_calls` calls before
// the deploy and an envelope that allows it, each call also moves and changes its desiredCount
// (shrinking toward the timeline as written); otherwise nothing more is drawn, so the cases of a
// scenario without a timeline are what they were before timelines.
rc::Gen<FaultSet> gen_fault_set(const sim::model::FaultEnvelope& envelope,
                                const std::vector<sim::model::BreakingFault>& breaking,
                                sim::model::DeployClass deploys, std::size_t timeline_calls = 0);

rc::Gen<CheckCase> gen_check_case(const sim::model::FaultEnvelope& envelope,
                                  const std::vector<sim::model::BreakingFault>& breaking,
                                  sim::model::DeployClass deploys, std::size_t timeline_calls = 0);

}  // namespace harness::check
