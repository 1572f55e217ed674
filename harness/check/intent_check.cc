#include "harness/check/intent_check.h"

#include <algorithm>
#include <stdexcept>

#include "harness/check/explorer.h"
#include "harness/check/fault_generators.h"
#include "harness/check/safety.h"
#include "sim/simulation.h"

namespace harness::check {
namespace {

using sim::model::DeployClass;
using sim::model::Intent;
using sim::observe::Outcome;

std::string outcomes_text(const Intent& intent) {
  std::string out;
  for (Outcome o : intent.outcomes) out += (out.empty() ? "" : " or ") + std::string(sim::observe::to_string(o));
  return out;
}

// "" when the run meets the intent, else what differs.
std::string intent_miss(const Intent& intent, const sim::observe::RunResult& r) {
  const bool outcome_ok = std::count(intent.outcomes.begin(), intent.outcomes.end(), r.outcome) > 0;
  const std::string wants = "intent wants " + outcomes_text(intent) +
                            (intent.within ? " within " + sim::format_seconds(*intent.within) : "");
  if (!outcome_ok) return "ended " + std::string(sim::observe::to_string(r.outcome)) + ", " + wants;
  if (intent.within && r.metrics.time_to_outcome && *r.metrics.time_to_outcome > *intent.within)
    return "ended " + std::string(sim::observe::to_string(r.outcome)) + " after " +
           sim::format_seconds(*r.metrics.time_to_outcome) + ", " + wants;
  return "";
}


// An intent with one outcome can be written as the replay's `expect`, so `deploysim run` on the
// counterexample exits 1 until the config is fixed.
std::optional<sim::model::Expectations> as_expectations(const Intent& intent) {
  if (intent.outcomes.size() != 1) return std::nullopt;
  sim::model::Expectations e;
  e.outcome = intent.outcomes.front();
  if (intent.within) e.time_to_outcome.max = *intent.within;
  return e;
}

std::string story_of(const sim::model::Scenario& base, const IntentVerdict& v) {
  const auto& m = v.result.metrics;
  std::string s = "deploysim check found this run breaking the intent \"" + v.intent.name + "\" of " + base.source +
                  ". With " + describe(v.counterexample.faults) + " (seed " + std::to_string(v.counterexample.seed) +
                  "), deploying " + base.task_definitions[static_cast<std::size_t>(base.deploy.to_task_definition)].arn_name() +
                  " ended " + std::string(sim::observe::to_string(v.result.outcome));
  if (m.time_to_outcome) s += " after " + sim::format_seconds(*m.time_to_outcome);
  s += " with " + std::to_string(m.failed_tasks) + " failed task" + (m.failed_tasks == 1 ? "" : "s");
  // A safety finding says what broke; an intent miss says what the intent wanted.
  const std::size_t wants = v.failure.find("intent wants");
  s += "; " + (wants == std::string::npos ? v.failure : "the " + v.failure.substr(wants)) + ". rapidcheck shrank it in " +
       std::to_string(v.shrink_steps) + " steps to the smallest faults it could find that still break it.";
  return s;
}

IntentVerdict check_one(const sim::model::Scenario& base, const sim::model::CheckSpec& spec, const Intent& intent,
                        int runs, std::uint64_t seed) {
  const auto breaking = breaking_in_envelope(base, spec.envelope);
  DeployClass deploys = intent.deploys;
  if (deploys == DeployClass::any && breaking.empty()) deploys = DeployClass::good;
  if (deploys == DeployClass::bad && breaking.empty())
    throw std::invalid_argument("intent \"" + intent.name +
                                "\" is about bad deploys, but check.envelope.breaking names no fault that applies");
  const auto exploration = explore(gen_check_case(spec.envelope, breaking, deploys, base.timeline.size()),
                                   [&](const CheckCase& c) { return judge_case(base, intent, c); }, runs, seed);
  IntentVerdict v;
  v.intent = intent;
  v.runs = exploration.runs;
  v.shrink_runs = exploration.shrink_runs;
  v.shrink_steps = exploration.shrink_steps;
  if (exploration.holds()) return v;
  v.holds = false;
  v.failure = exploration.failure;
  v.counterexample = *exploration.counterexample;
  v.replay = case_scenario(base, v.counterexample);
  v.result = sim::Simulation(v.replay, {.trace = false}).run();
  v.replay.name = base.name + "-counterexample";
  v.replay.expect = as_expectations(intent);
  v.replay.check.reset();
  v.replay.description = "Counterexample to the intent \"" + intent.name + "\" found by deploysim check.";
  v.story = story_of(base, v);
  v.replay.story = v.story;
  v.replay.provenance = "deploysim check " + base.source;
  return v;
}

}  // namespace

std::vector<sim::model::BreakingFault> breaking_in_envelope(const sim::model::Scenario& base,
                                                            const sim::model::FaultEnvelope& envelope) {
  std::vector<sim::model::BreakingFault> out;
  for (auto f : applicable_breaking_faults(base))
    if (std::count(envelope.breaking.begin(), envelope.breaking.end(), f) > 0) out.push_back(f);
  return out;
}

bool CheckReport::all_hold() const {
  return std::all_of(verdicts.begin(), verdicts.end(), [](const IntentVerdict& v) { return v.holds; });
}

sim::model::Scenario case_scenario(const sim::model::Scenario& base, const CheckCase& c) {
  sim::model::Scenario s = apply_faults(base, c.faults);
  s.seed = c.seed;
  return s;
}

std::string judge_case(const sim::model::Scenario& base, const Intent& intent, const CheckCase& c) {
  const sim::model::Scenario s = case_scenario(base, c);
  sim::Simulation simulation(s, {.trace = true});
  const sim::observe::RunResult r = simulation.run();
  const std::vector<std::string> unsafe = safety_violations(s, simulation.trace().events(), 1);
  if (!unsafe.empty()) return "safety: " + unsafe.front();
  return intent_miss(intent, r);
}

CheckReport check_intents(const sim::model::Scenario& base, const sim::model::CheckSpec& spec, int runs,
                          std::uint64_t seed) {
  CheckReport report;
  for (const Intent& intent : spec.intents) {
    report.verdicts.push_back(check_one(base, spec, intent, runs, seed));
    report.total_runs += report.verdicts.back().runs + report.verdicts.back().shrink_runs;
  }
  return report;
}

}  // namespace harness::check
