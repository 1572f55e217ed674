#include "harness/docker/real_run.h"

#include <csignal>
#include <stdexcept>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_world.h"
#include "harness/docker/local_images.h"
#include "harness/docker/scaled_clock.h"
#include "sim/ecs/service_controller.h"

namespace harness::docker {

struct RealRun::Impl {
  Impl(const sim::model::Scenario& s, const std::string& path, RealRunOptions o)
      : scenario(s),
        scenario_path(path),
        options(o),
        rules(*sim::ecs::find_rule_set(s.rule_set)),
        docker(o.socket, o.engine_timeout),
        clock(io, o.time_scale),
        world(s, RealSetup{path, new_run_id(), o.time_scale}, docker, clock, io, trace, result.metrics),
        controller(s, rules, clock, world, trace, result.metrics),
        signals(io, SIGINT, SIGTERM) {
    world.attach(&controller);
    clock.deliver_to([this](std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) {
      controller.on_timer(kind, subject, arg);
    });
  }

  void check_engine() const;
  void loop();
  void clean_up();
  std::string abandon(const std::string& cause);

  const sim::model::Scenario& scenario;
  std::string scenario_path;
  RealRunOptions options;
  const sim::ecs::RuleSet& rules;
  DockerClient docker;
  asio::io_context io;
  sim::observe::Trace trace{true};
  sim::observe::RunResult result;
  ScaledClock clock;
  DockerWorld world;
  sim::ecs::ServiceController controller;
  asio::signal_set signals;
  int interrupted_by = 0;
  bool horizon_reached = false;
  int removed = 0;
  bool cleaned = false;
  std::chrono::steady_clock::time_point began = std::chrono::steady_clock::now();
  double wall_seconds = 0;
};

void RealRun::Impl::check_engine() const {
  if (!docker.ping()) throw DockerError(no_engine_message(docker.socket_path()));
  if (!docker.image_exists(kChaosImage))
    throw DockerError(std::string("the chaos app's image ") + kChaosImage +
                      " is not on this engine: build it with `cmake --build build --target chaos_image` "
                      "(docker/Dockerfile, FROM scratch; scripts/test does it)");
  require_local_images(world.own_images(), scenario_path, docker);
}

void RealRun::Impl::loop() {
  signals.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (!ec) interrupted_by = signal;
  });
  world.start_dependencies();
  world.start_warm_tasks(controller.install_initial_deployment(scenario.initial_task_definition),
                         [this] { return interrupted_by != 0; });
  if (interrupted_by != 0) return;
  clock.start();
  world.begin_run();
  clock.at(scenario.deploy.at, [this] { controller.deploy(scenario.deploy.to_task_definition); });
  clock.at(scenario.horizon, [this] { horizon_reached = true; });
  result.end = sim::observe::RunEnd::horizon;
  // While the event stream is being reopened the run does not end: the events of the gap (a
  // container's exit) are still to come, and belong in its record.
  while (interrupted_by == 0 && !(horizon_reached && !world.events_behind())) {
    io.run_one();
    if (++result.metrics.events >= scenario.event_cap) {
      result.end = sim::observe::RunEnd::event_cap;
      break;
    }
    if (controller.outcome() && scenario.stop_at_outcome && !world.events_behind()) {
      result.end = sim::observe::RunEnd::outcome_reached;
      break;
    }
  }
}

void RealRun::Impl::clean_up() {
  if (cleaned) return;
  world.finish();
  wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  for (const std::string& id : docker.containers_labelled(std::string(kRunLabel) + "=" + world.run_id())) {
    docker.remove_container(id);
    ++removed;
  }
  cleaned = true;
}

std::string RealRun::Impl::abandon(const std::string& cause) {
  std::string message = "real run " + world.run_id() + " stopped: " + cause + "\n";
  try {
    clean_up();
    return message + "removed its " + std::to_string(removed) + " container(s); none of them is left on the engine";
  } catch (const DockerError& e) {
    cleaned = true;  // the destructor is not to wait for the engine again
    const std::vector<std::string> left = world.maybe_left();
    message += std::string("its containers could not be removed: ") + e.what() + "\n";
    if (left.empty()) return message + "it had created none, so none is left";
    message += "these " + std::to_string(left.size()) + " container(s) may remain, labelled " + kRunLabel + "=" +
               world.run_id() + ":\n";
    for (const std::string& name : left) message += "  " + name + "\n";
    const std::string socket = options.socket == kDefaultSocket ? "" : " --socket " + options.socket;
    return message + "once the engine answers again, `deploysim real --cleanup --run " + world.run_id() + socket +
           "` removes them (`deploysim real --cleanup" + socket + "`: those of every run; neither touches a container "
           "without the label " + kRunLabel + ")";
  }
}

RealRun::RealRun(const sim::model::Scenario& scenario, const std::string& scenario_path, RealRunOptions options) {
  if (!(options.time_scale > 0)) throw std::invalid_argument("the time scale must be above 0");
  if (sim::ecs::find_rule_set(scenario.rule_set) == nullptr)
    throw std::invalid_argument("unknown rule set \"" + scenario.rule_set + "\"");
  impl_ = std::make_unique<Impl>(scenario, scenario_path, options);
}

RealRun::~RealRun() {
  try {
    impl_->clean_up();
  } catch (const std::exception&) {
    // Nothing more can be done here; `deploysim real --cleanup` removes what is left.
  }
}

sim::observe::RunResult RealRun::run() {
  Impl& m = *impl_;
  m.check_engine();
  try {
    m.loop();
    const sim::Millis end = m.horizon_reached ? m.scenario.horizon : m.clock.now();
    m.result.ended_at = end;
    m.controller.finish(end);
    m.result.outcome = m.controller.outcome().value_or(sim::observe::Outcome::stuck);
    m.clean_up();
  } catch (const DockerError& e) {
    throw DockerError(m.abandon(e.what()));
  }
  return m.result;
}

const sim::observe::Trace& RealRun::trace() const { return impl_->trace; }
int RealRun::breaker_threshold() const { return impl_->controller.threshold_in_force(); }
const std::string& RealRun::run_id() const { return impl_->world.run_id(); }
int RealRun::interrupted_by() const { return impl_->interrupted_by; }
double RealRun::wall_seconds() const { return impl_->wall_seconds; }
int RealRun::containers_removed() const { return impl_->removed; }
int RealRun::events_reopened() const { return impl_->world.events_reopened(); }
const std::map<sim::ecs::TaskId, std::string>& RealRun::target_addresses() const { return impl_->world.target_addresses(); }

}  // namespace harness::docker
