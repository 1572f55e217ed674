// A run explained, as `deploysim explain` prints it and `deploysim report` draws it: the causal
// chain read from the trace, and the smallest changes that would have altered the outcome.
#pragma once

#include <vector>

#include "harness/explain/causal_chain.h"
#include "harness/explain/counterfactuals.h"

namespace harness::explain {

struct Explanation {
  std::vector<Chapter> chain;
  WhatIf what_if;  // goals from the outcome and whether the deployed revision was broken
};

// Re-simulates the candidate changes (what_if); the run itself is not repeated.
Explanation explain_run(const sim::model::Scenario& scenario, const sim::observe::RunResult& result,
                        const sim::observe::Trace& trace, int breaker_threshold);

}  // namespace harness::explain
