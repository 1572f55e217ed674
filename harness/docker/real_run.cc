#include "harness/docker/real_run.h"

#include <csignal>
#include <optional>

#include "harness/scenario/document.h"
#include "sim/ecs/timeline_player.h"

namespace harness::docker {

// Application Auto Scaling watches the service's CPU and memory utilisation (or requests per
// healthy target), which the simulated world samples and the Docker world does not: refused
// rather than left out, since a run without it would judge a different service.
void check_real_mode_can_play(const sim::model::Scenario& s, const std::string& path) {
  if (!s.autoscaling) return;
  scenario::Document::from_file(path).fail(
      "/autoscaling",
      "a scenario without Application Auto Scaling for real mode (real mode measures no CPU or memory "
      "utilisation of containers, so target tracking would have no datapoints; `deploysim run` plays it)",
      "an autoscaling section", "/autoscaling");
}

struct RealRun::Impl {
  Impl(const sim::model::Scenario& s, const std::string& path, RealRunOptions o)
      : scenario(s), service(s, path, o), signals(service.io(), SIGINT, SIGTERM) {}

  void loop();
  void schedule_timeline();
  bool done();

  const sim::model::Scenario& scenario;
  RealService service;
  asio::signal_set signals;
  std::optional<sim::ecs::TimelinePlayer> timeline;
  sim::observe::RunResult result;
  int interrupted_by = 0;
  bool horizon_reached = false;
};

// The simulator's calls in the simulator's order (sim/ecs/timeline_player.h), each at its run
// time on the scaled wall clock.
void RealRun::Impl::schedule_timeline() {
  timeline.emplace(scenario, service.controller());
  for (std::size_t i = 0; i < timeline->calls().size(); ++i)
    service.at(timeline->calls()[i].at, [this, i] { timeline->play(i); });
  service.at(scenario.horizon, [this] { horizon_reached = true; });
}

// While the event stream is being reopened the run does not end: the events of the gap (a
// container's exit) are still to come, and belong in its record.
bool RealRun::Impl::done() {
  if (interrupted_by != 0) return true;
  if (service.events_behind()) return false;
  if (horizon_reached) {
    result.end = sim::observe::RunEnd::horizon;
    return true;
  }
  if (result.metrics.events >= scenario.event_cap) {
    result.end = sim::observe::RunEnd::event_cap;
    return true;
  }
  // The outcome is the last deployment's: the run stops there only once the timeline is played.
  if (scenario.stop_at_outcome && service.controller().outcome() && timeline->all_played()) {
    result.end = sim::observe::RunEnd::outcome_reached;
    return true;
  }
  return false;
}

void RealRun::Impl::loop() {
  signals.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (!ec) interrupted_by = signal;
  });
  service.start([this] { return interrupted_by != 0; });
  if (interrupted_by != 0) return;
  schedule_timeline();
  while (!done()) {
    service.run_one();
    ++result.metrics.events;
  }
}

RealRun::RealRun(const sim::model::Scenario& scenario, const std::string& scenario_path, RealRunOptions options) {
  check_real_mode_can_play(scenario, scenario_path);
  impl_ = std::make_unique<Impl>(scenario, scenario_path, options);
}

RealRun::~RealRun() = default;

sim::observe::RunResult RealRun::run() {
  Impl& m = *impl_;
  try {
    m.loop();
    const sim::Millis end = m.horizon_reached ? m.scenario.horizon : m.service.now();
    const std::uint64_t events = m.result.metrics.events;
    m.service.finish(end);
    m.result.metrics = m.service.metrics();
    m.result.metrics.events = events;
    m.result.ended_at = end;
    m.result.outcome = m.timeline ? m.timeline->outcome() : sim::observe::Outcome::stuck;
    m.service.clean_up();
  } catch (const DockerError& e) {
    throw DockerError(m.service.abandon(e.what()));
  }
  return m.result;
}

const sim::observe::Trace& RealRun::trace() const { return impl_->service.trace(); }
int RealRun::breaker_threshold() const { return impl_->service.breaker_threshold(); }
const std::string& RealRun::run_id() const { return impl_->service.run_id(); }
int RealRun::interrupted_by() const { return impl_->interrupted_by; }
double RealRun::wall_seconds() const { return impl_->service.wall_seconds(); }
int RealRun::containers_removed() const { return impl_->service.containers_removed(); }
int RealRun::events_reopened() const { return impl_->service.events_reopened(); }
const std::map<sim::ecs::TaskId, std::string>& RealRun::target_addresses() const {
  return impl_->service.target_addresses();
}

}  // namespace harness::docker
