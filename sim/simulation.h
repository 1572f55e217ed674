// One simulated run of a scenario: the library's front door.
//
// A Simulation owns everything a run needs — its event queue, clock, random streams, world,
// controller and observers — so runs share nothing and any number can run side by side (tests,
// sweep threads). Same scenario and seed give the same trace, byte for byte.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "sim/ecs/rule_set.h"
#include "sim/engine/time.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace sim {
namespace ecs {
class ServiceController;
}
namespace world {
class TaskDefinitionSpecs;
}

struct RunOptions {
  bool trace = true;  // keep the event trace (off for benchmarks and sweeps)
  // The run stops once the trace holds this many events (RunEnd::trace_cap): a long horizon on a
  // deployment that loops must not take all memory. A million events are about 200 MB.
  std::size_t trace_cap = 1'000'000;
  // The run stops once this many tasks have been launched since the deploy (RunEnd::task_cap):
  // every task keeps its record, so a crash loop run untraced to a far horizon (explain's
  // candidates, sweeps) would otherwise grow without bound — seed 004's loop to 10^9 s took 11 GB.
  int task_cap = 100'000;
  // The scenario's task definitions prepared beforehand (sim/world/task_definition_specs.h), for
  // the very scenario object this run simulates; they must outlive the run. A sweep prepares them
  // once per scenario and shares them between its runs, which would otherwise spend a tenth of
  // their time deriving them again. Null (the default): the run prepares its own.
  const world::TaskDefinitionSpecs* task_specs = nullptr;
};

class Simulation {
 public:
  // The scenario must outlive the simulation. Throws std::invalid_argument for a rule set name
  // that does not exist (the scenario loader checks it first, with a better message).
  Simulation(const model::Scenario& scenario, RunOptions options = {});
  // Owns its scenario: the form `add_task_definition` needs (deploysim serve).
  explicit Simulation(std::unique_ptr<model::Scenario> scenario, RunOptions options = {});
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Runs until the outcome (unless the scenario says to go on), the horizon, the event cap, or
  // until nothing is left to happen.
  observe::RunResult run();

  // Stepwise use, for a service that lives as long as a server does (deploysim serve): start()
  // once, then advance_to() and apply() in any order. The scenario's deploy and timeline are
  // not played: every UpdateService comes through apply(). result() is the run so far.
  void start();
  // Runs every event up to and including `t`, then sets the clock to `t`. Stops early (and
  // returns false) at the event cap, the trace cap or the task cap, as run() does.
  bool advance_to(Millis t);
  void apply(const model::ServiceUpdate& update);  // an UpdateService now
  // RegisterTaskDefinition: appends to the owned scenario; returns its index. Its images' app
  // profiles must be in the scenario's apps, or in `apps`, whose profiles of images the scenario
  // lacks are added first (an image registered after the service started). Only for a Simulation
  // that owns its scenario.
  int add_task_definition(model::TaskDefinition td, const std::map<std::string, model::AppProfile>& apps = {});
  Millis now() const;
  const model::Scenario& scenario() const;
  const ecs::ServiceController& controller() const;
  observe::RunResult result() const;

  const observe::Trace& trace() const;
  // The event queue's length averaged over the run's pops (benchmarks compare against a bare heap).
  double mean_queue_length() const;
  const ecs::RuleSet& rules() const;
  int breaker_threshold() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sim
