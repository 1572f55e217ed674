// Checking a run against its scenario's "expect": the outcome and every bound it sets. Pure: the
// same expectations and result give the same lines, so `deploysim run` can print them and exit 1,
// and the library's tests can require that every scenario still shows what it was written for.
#pragma once

#include <string>
#include <vector>

#include "sim/model/expectations.h"
#include "sim/observe/outcome.h"

namespace harness::scenario {

// One line per expectation the run did not meet, in the order of the "expect" section (outcome
// first); empty when all are met. Each names the metric, what was expected and what the run
// gave: "outcome: expected ROLLED_BACK, got COMPLETED", "time to outcome: expected at most 360 s,
// got 412.500 s", "failed tasks: expected exactly 3, got 2". A time bound on a time the run never
// produced reads "got none" with the reason ("no task of the deployment failed").
std::vector<std::string> unmet_expectations(const sim::model::Expectations& expect,
                                            const sim::observe::RunResult& result);

}  // namespace harness::scenario
