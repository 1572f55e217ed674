// `deploysim explain`, part two: which single config change would have changed the outcome.
// Candidate changes are drawn from the scenario (the settings and app facts that can decide an
// ECS deployment), each is applied to a copy and re-simulated with the same seed, and the
// smallest one that reaches the goal is named. Every candidate tried is reported.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"

namespace harness::explain {

struct Candidate {
  std::string change;  // "healthCheckGracePeriodSeconds 30 -> 90"
  int cost = 0;        // smaller is a smaller change to the user's config
  std::function<void(sim::model::Scenario&)> apply;
};

struct Tried {
  std::string change;
  int cost = 0;
  sim::observe::Outcome outcome = sim::observe::Outcome::stuck;
  std::optional<sim::Millis> time_to_outcome;
};

struct WhatIf {
  std::vector<sim::observe::Outcome> goals;  // outcomes that would count as "changed for the better"
  std::vector<Tried> tried;                  // in cost order
  // Per goal, in the order of `goals`: the cheapest change (or pair) that reached it.
  std::vector<std::optional<Tried>> smallest;
  int pairs_tried = 0;  // pairs simulated for goals no single change reached
};

// The outcomes worth reaching from `outcome`: a failed or stuck deploy should complete (a fix) —
// or, when stuck, at least roll back; a deploy that completed while broken should roll back.
std::vector<sim::observe::Outcome> goals_for(sim::observe::Outcome outcome, bool deployed_revision_broken);

// The single-setting changes worth trying for this scenario.
std::vector<Candidate> candidates(const sim::model::Scenario& scenario);

// Re-simulates every candidate and picks the smallest that reaches a goal; when none does, tries
// pairs of the cheapest candidates.
WhatIf what_if(const sim::model::Scenario& scenario, const std::vector<sim::observe::Outcome>& goals);

}  // namespace harness::explain
