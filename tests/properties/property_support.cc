#include "tests/properties/property_support.h"

#include "harness/check/config_generators.h"
#include "harness/check/fault_generators.h"
#include "harness/check/liveness_bounds.h"
#include "harness/check/safety.h"
#include "harness/scenario/scenario_writer.h"
#include "sim/engine/invariant.h"
#include "sim/simulation.h"

namespace properties {
namespace {

namespace gen = rc::gen;
using harness::check::ConfigShape;
using sim::model::BreakingFault;
using sim::model::DeployClass;
using sim::model::Scenario;
using sim::observe::Outcome;

sim::model::FaultEnvelope slow_starts_up_to_120s() {
  sim::model::FaultEnvelope e;
  e.max_slow_start = sim::seconds(120);
  return e;
}

// Breaking faults that fail every task before it ever counts healthy. A crash loop is left out:
// a task that crashes some time after listening may count healthy first, which resets the
// breaker (resetOnHealthyTask) — ECS behaviour, but not the premise "every new task fails".
std::vector<BreakingFault> failing_before_healthy(const Scenario& s) {
  std::vector<BreakingFault> out;
  for (BreakingFault f : harness::check::applicable_breaking_faults(s))
    if (f != BreakingFault::crash_loop) out.push_back(f);
  return out;
}

std::string seconds_text(sim::Millis t) { return sim::format_seconds(t); }

}  // namespace

rc::Gen<Scenario> gen_any_run() {
  return gen::exec([] {
    const Scenario base = *harness::check::gen_scenario({});
    sim::model::FaultEnvelope envelope = slow_starts_up_to_120s();
    if (!base.dependencies.empty()) {
      envelope.blip_targets = {"db"};
      envelope.max_blip = sim::seconds(90);
    }
    const auto faults = *harness::check::gen_fault_set(envelope, harness::check::applicable_breaking_faults(base),
                                                       DeployClass::any);
    Scenario s = harness::check::apply_faults(base, faults);
    if (*gen::arbitrary<bool>())
      s.faults.push_back({sim::seconds(*gen::inRange(0, 601)), sim::model::FaultKind::stop_task,
                          *gen::element<std::string>("old", "new"), sim::Millis{0}});
    s.stop_at_outcome = false;  // run on: nothing may happen after the outcome that should not
    s.horizon = sim::hours(2);
    return s;
  });
}

rc::Gen<Scenario> gen_bad_deploy() {
  return gen::exec([] {
    // The rollback must be able to bring the old revision back: with a grace period shorter than
    // its start-up its tasks are replaced too, the rollback's own breaker trips and the service
    // ends FAILED (a finding check reports, but not this property's premise).
    const Scenario base = *harness::check::gen_scenario({.breaker_on = true, .grace_covers_startup = true});
    const auto faults = *harness::check::gen_fault_set(slow_starts_up_to_120s(), failing_before_healthy(base),
                                                       DeployClass::bad);
    return harness::check::apply_faults(base, faults);
  });
}

rc::Gen<Scenario> gen_good_deploy() {
  return gen::exec([] {
    const Scenario base = *harness::check::gen_scenario({});
    const auto faults = *harness::check::gen_fault_set(slow_starts_up_to_120s(), {}, DeployClass::good);
    Scenario s = harness::check::apply_faults(base, faults);
    s.service.health_check_grace_period = std::max(s.service.health_check_grace_period, harness::check::grace_needed(s));
    return s;
  });
}

std::string safety_holds(const Scenario& s) {
  sim::Simulation simulation(s, {.trace = true});
  try {
    simulation.run();
  } catch (const sim::InvariantViolation& e) {
    // The controller's own invariants (sim/engine/invariant.h) stop the run: a failure to shrink.
    return std::string("the controller broke an invariant: ") + e.what();
  }
  const auto violations = harness::check::safety_violations(s, simulation.trace().events(), 1);
  return violations.empty() ? "" : violations.front();
}

std::string bad_deploy_ends_within_bound(const Scenario& s) {
  const auto result = sim::Simulation(s, {.trace = false}).run();
  const Outcome wanted = s.service.deployment.circuit_breaker.rollback ? Outcome::rolled_back : Outcome::failed;
  const sim::Millis bound = harness::check::failure_outcome_bound(harness::check::liveness_terms(s));
  if (result.outcome != wanted)
    return "ended " + std::string(sim::observe::to_string(result.outcome)) + ", not " +
           std::string(sim::observe::to_string(wanted));
  if (*result.metrics.time_to_outcome > bound)
    return "took " + seconds_text(*result.metrics.time_to_outcome) + ", above the bound " + seconds_text(bound);
  return "";
}

std::string good_deploy_completes_within_bound(const Scenario& s) {
  const auto result = sim::Simulation(s, {.trace = false}).run();
  const sim::Millis bound = harness::check::completion_bound(harness::check::liveness_terms(s));
  if (result.outcome != Outcome::completed)
    return "ended " + std::string(sim::observe::to_string(result.outcome)) + ", not COMPLETED";
  if (*result.metrics.time_to_outcome > bound)
    return "took " + seconds_text(*result.metrics.time_to_outcome) + ", above the bound " + seconds_text(bound);
  return "";
}

std::string as_file(const Scenario& s) { return harness::scenario::scenario_to_json(s).dump(2); }

}  // namespace properties
