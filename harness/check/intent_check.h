// `deploysim check`: explore a scenario's declared fault envelope and judge every run against its
// intents and the safety properties. Each intent gets its own search (`runs` cases of its deploy
// class, from one seed); a violated one comes back with its shrunk counterexample as a scenario
// that replays it exactly, and a short story that says what happened.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/check/fault_set.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"

namespace harness::check {

struct IntentVerdict {
  sim::model::Intent intent;
  int runs = 0;           // cases run (up to the first failure)
  int shrink_runs = 0;
  int shrink_steps = 0;
  bool holds = true;
  // When violated:
  std::string failure;     // "ended ROLLED_BACK, intent wants COMPLETED"
  CheckCase counterexample;
  sim::model::Scenario replay;  // faults applied, seed set, `expect` = the intent when it can say it
  sim::observe::RunResult result;  // the replay's run
  std::string story;       // what happened, in a few sentences
};

struct CheckReport {
  std::vector<IntentVerdict> verdicts;
  int total_runs = 0;  // simulations run, shrinking included

  bool all_hold() const;
};

// Throws std::invalid_argument (a usage error) when an intent about bad deploys meets an envelope
// with no breaking fault that applies to the scenario.
CheckReport check_intents(const sim::model::Scenario& base, const sim::model::CheckSpec& spec, int runs,
                          std::uint64_t seed);

// The breaking faults of `envelope` that can break `base`'s deployed revision (fault_set.h's
// applicable_breaking_faults), in the envelope's terms: the bad deploys a search may draw.
std::vector<sim::model::BreakingFault> breaking_in_envelope(const sim::model::Scenario& base,
                                                            const sim::model::FaultEnvelope& envelope);

// The violations of one case: safety first, then the intent ("" when all hold). Used by
// check_intents() and by the tests that replay a case.
std::string judge_case(const sim::model::Scenario& base, const sim::model::Intent& intent, const CheckCase& c);

// The scenario a case runs: `base` with its faults applied and its seed.
sim::model::Scenario case_scenario(const sim::model::Scenario& base, const CheckCase& c);

}  // namespace harness::check
