#include "harness/explain/explanation.h"

namespace harness::explain {

Explanation explain_run(const sim::model::Scenario& s, const sim::observe::RunResult& result,
                        const sim::observe::Trace& trace, int breaker_threshold) {
  Explanation e;
  e.chain = causal_chain(s, result, trace, breaker_threshold);
  e.what_if = what_if(s, goals_for(result.outcome, deployed_revision_was_broken(s, trace)));
  return e;
}

}  // namespace harness::explain
