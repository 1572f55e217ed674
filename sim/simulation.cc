#include "sim/simulation.h"

#include <stdexcept>

#include "sim/ecs/service_controller.h"
#include "sim/engine/clock.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/invariant.h"
#include "sim/engine/rng.h"
#include "sim/world/simulated_world.h"

namespace sim {
namespace {

enum ScenarioEvent : std::uint16_t { deploy_event };

// The simulated Clock: callbacks are controller-owned events on the shared queue.
class QueueClock final : public Clock {
 public:
  QueueClock(EventQueue& queue, const Millis& now) : queue_(queue), now_(now) {}
  Millis now() const override { return now_; }
  TimerId call_at(Millis at, std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) override {
    return queue_.schedule(at < now_ ? now_ : at, EventOwner::controller, kind, subject, arg);
  }
  void cancel(TimerId id) override { queue_.cancel(id); }

 private:
  EventQueue& queue_;
  const Millis& now_;
};

const ecs::RuleSet& rules_named(const std::string& name) {
  const ecs::RuleSet* r = ecs::find_rule_set(name);
  if (r == nullptr) throw std::invalid_argument("unknown rule set \"" + name + "\"");
  return *r;
}

}  // namespace

struct Simulation::Impl {
  Impl(const model::Scenario& s, RunOptions o)
      : scenario(s),
        rules(rules_named(s.rule_set)),
        streams(s.seed),
        task_cap(o.task_cap),
        trace(o.trace, o.trace_cap),
        clock(queue, now),
        world(s, queue, now, streams, trace, result.metrics),
        controller(s, rules, clock, world, trace, result.metrics) {
    world.attach(&controller);
  }

  const model::Scenario& scenario;
  const ecs::RuleSet& rules;
  Millis now{0};
  EventQueue queue;
  RngStreams streams;
  int task_cap;
  observe::Trace trace;
  observe::RunResult result;
  QueueClock clock;
  world::SimulatedWorld world;
  ecs::ServiceController controller;

  observe::RunResult run();
};

observe::RunResult Simulation::Impl::run() {
  const std::vector<ecs::LaunchRequest> warm = controller.install_initial_deployment(scenario.initial_task_definition);
  world.start_traffic();
  for (const ecs::LaunchRequest& r : warm) world.start_warm_task(r);
  queue.schedule(scenario.deploy.at, EventOwner::scenario, deploy_event, 0, 0);
  result.end = observe::RunEnd::queue_empty;
  Event e;
  while (queue.next_time() <= scenario.horizon) {
    if (result.metrics.events >= scenario.event_cap) {
      result.end = observe::RunEnd::event_cap;
      break;
    }
    if (trace.full()) {
      result.end = observe::RunEnd::trace_cap;
      break;
    }
    if (result.metrics.tasks_launched >= task_cap) {
      result.end = observe::RunEnd::task_cap;
      break;
    }
    queue.pop(e);
    now = e.at;
    ++result.metrics.events;
    switch (e.owner) {
      case EventOwner::controller: controller.on_timer(e.kind, e.subject, e.arg); break;
      case EventOwner::world: world.on_event(e); break;
      case EventOwner::scenario: controller.deploy(scenario.deploy.to_task_definition); break;
    }
    if (controller.outcome() && scenario.stop_at_outcome) {
      result.end = observe::RunEnd::outcome_reached;
      break;
    }
  }
  // Nothing left to happen means nothing changes until the horizon: the run is judged there (a
  // deployment that stopped changing is as stuck as one that loops), and time-based metrics run
  // to it, as they do in the per-probe mode, whose probes never let the queue empty.
  if (result.end == observe::RunEnd::queue_empty) {
    result.end = observe::RunEnd::horizon;
    now = scenario.horizon;
  }
  result.ended_at = now;
  controller.finish(now);
  world.finish(now);
  result.outcome = controller.outcome().value_or(observe::Outcome::stuck);
  return result;
}

Simulation::Simulation(const model::Scenario& scenario, RunOptions options)
    : impl_(std::make_unique<Impl>(scenario, options)) {}

Simulation::~Simulation() = default;

observe::RunResult Simulation::run() {
  try {
    return impl_->run();
  } catch (const InvariantViolation&) {
    throw;  // it names the seed and the simulated time already
  } catch (const std::exception& e) {
    // A bug of ours, not bad input: say how to replay it (STYLE.md).
    throw std::runtime_error(std::string(e.what()) + " (scenario " + impl_->scenario.name + ", seed " +
                             std::to_string(impl_->scenario.seed) + ", simulated time " +
                             format_clock(impl_->now) + ")");
  }
}

const observe::Trace& Simulation::trace() const { return impl_->trace; }

const ecs::RuleSet& Simulation::rules() const { return impl_->rules; }

int Simulation::breaker_threshold() const { return impl_->controller.threshold_in_force(); }

}  // namespace sim
