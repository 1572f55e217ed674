#include "sim/simulation.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include "sim/ecs/application_auto_scaling.h"
#include "sim/ecs/service_controller.h"
#include "sim/ecs/timeline_player.h"
#include "sim/engine/clock.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/invariant.h"
#include "sim/engine/rng.h"
#include "sim/world/simulated_world.h"

namespace sim {
namespace {

enum ScenarioEvent : std::uint16_t { timeline_event };

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
  Impl(std::unique_ptr<model::Scenario> own, const model::Scenario& s, RunOptions o)
      : owned(std::move(own)),
        scenario(s),
        rules(rules_named(s.rule_set)),
        streams(s.seed),
        task_cap(o.task_cap),
        trace(o.trace, o.trace_cap),
        clock(queue, now),
        world(s, queue, now, streams, trace, result.metrics, o.task_specs),
        controller(s, rules, clock, world, trace, result.metrics) {
    // With autoscaling, Application Auto Scaling hears the world first and passes every report on.
    if (s.autoscaling) autoscaling.emplace(*s.autoscaling, controller, clock, trace, result.metrics);
    world.attach(autoscaling ? static_cast<ecs::RuntimeListener*>(&*autoscaling) : &controller);
  }

  std::unique_ptr<model::Scenario> owned;  // set when the simulation owns its scenario
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
  std::optional<ecs::ApplicationAutoScaling> autoscaling;
  std::optional<ecs::TimelinePlayer> timeline;  // once run() plays the scenario's calls
  bool started = false;

  void start();
  void schedule_timeline();
  // Runs the events due up to `until`; false once a cap or the outcome stopped it (result.end).
  bool run_events(Millis until, bool stop_at_outcome);
  observe::RunResult run();
};

void Simulation::Impl::start() {
  if (started) return;
  started = true;
  const std::vector<ecs::LaunchRequest> warm = controller.install_initial_deployment(scenario.initial_task_definition);
  world.start_traffic();
  for (const ecs::LaunchRequest& r : warm) world.start_warm_task(r);
}

// The scenario's calls (ecs/timeline_player.h), each an event at its time on the queue.
void Simulation::Impl::schedule_timeline() {
  timeline.emplace(scenario, controller);
  for (std::size_t i = 0; i < timeline->calls().size(); ++i)
    queue.schedule(timeline->calls()[i].at, EventOwner::scenario, timeline_event, static_cast<std::uint32_t>(i), 0);
}

bool Simulation::Impl::run_events(Millis until, bool stop_at_outcome) {
  Event e;
  while (queue.next_time() <= until) {
    if (result.metrics.events >= scenario.event_cap) {
      result.end = observe::RunEnd::event_cap;
      return false;
    }
    if (trace.full()) {
      result.end = observe::RunEnd::trace_cap;
      return false;
    }
    if (result.metrics.tasks_launched >= task_cap) {
      result.end = observe::RunEnd::task_cap;
      return false;
    }
    queue.pop(e);
    now = e.at;
    ++result.metrics.events;
    switch (e.owner) {
      case EventOwner::controller: controller.on_timer(e.kind, e.subject, e.arg); break;
      case EventOwner::world: world.on_event(e); break;
      case EventOwner::scenario: timeline->play(e.subject); break;
    }
    // The outcome is the last deployment's: a run stops there only once the timeline is played.
    if (stop_at_outcome && controller.outcome() && timeline && timeline->all_played()) {
      result.end = observe::RunEnd::outcome_reached;
      return false;
    }
  }
  return true;
}

observe::RunResult Simulation::Impl::run() {
  start();
  schedule_timeline();
  result.end = observe::RunEnd::queue_empty;
  // Nothing left to happen means nothing changes until the horizon: the run is judged there (a
  // deployment that stopped changing is as stuck as one that loops), and time-based metrics run
  // to it, as they do in the per-probe mode, whose probes never let the queue empty.
  if (run_events(scenario.horizon, scenario.stop_at_outcome)) {
    result.end = observe::RunEnd::horizon;
    now = scenario.horizon;
  }
  result.ended_at = now;
  controller.finish(now);
  world.finish(now);
  result.outcome = timeline->outcome();
  return result;
}

Simulation::Simulation(const model::Scenario& scenario, RunOptions options)
    : impl_(std::make_unique<Impl>(nullptr, scenario, options)) {}

Simulation::Simulation(std::unique_ptr<model::Scenario> scenario, RunOptions options) {
  model::Scenario& s = *scenario;
  impl_ = std::make_unique<Impl>(std::move(scenario), s, options);
}

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

void Simulation::start() { impl_->start(); }

bool Simulation::advance_to(Millis t) {
  impl_->start();
  if (t < impl_->now) return true;
  if (!impl_->run_events(t, false)) return false;
  impl_->now = t;
  return true;
}

void Simulation::apply(const model::ServiceUpdate& update) {
  impl_->start();
  impl_->controller.apply(update);
}

int Simulation::add_task_definition(model::TaskDefinition td, const std::map<std::string, model::AppProfile>& apps) {
  if (!impl_->owned) throw std::logic_error("add_task_definition needs a Simulation that owns its scenario");
  // Inserting into the map leaves the profiles the world already points at where they are.
  for (const auto& [image, profile] : apps) impl_->owned->apps.emplace(image, profile);
  impl_->owned->task_definitions.push_back(std::move(td));
  impl_->world.task_definition_added();
  impl_->controller.task_definition_added();
  return static_cast<int>(impl_->owned->task_definitions.size() - 1);
}

Millis Simulation::now() const { return impl_->now; }

const model::Scenario& Simulation::scenario() const { return impl_->scenario; }

const ecs::ServiceController& Simulation::controller() const { return impl_->controller; }

observe::RunResult Simulation::result() const {
  observe::RunResult r = impl_->result;
  r.ended_at = impl_->now;
  r.outcome = impl_->controller.outcome().value_or(observe::Outcome::stuck);
  return r;
}

const observe::Trace& Simulation::trace() const { return impl_->trace; }

double Simulation::mean_queue_length() const { return impl_->queue.mean_length_at_pop(); }

const ecs::RuleSet& Simulation::rules() const { return impl_->rules; }

int Simulation::breaker_threshold() const { return impl_->controller.threshold_in_force(); }

}  // namespace sim
