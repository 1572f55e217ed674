#include "harness/docker/real_service.h"

#include <stdexcept>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_world.h"
#include "harness/docker/local_images.h"
#include "harness/docker/scaled_clock.h"

namespace harness::docker {
namespace {

// The world and the controller keep pointers into the scenario's task definitions: registrations
// while running must not move them, so the list's room is reserved once.
constexpr std::size_t kMaxRegistrations = 200;

}  // namespace

struct RealService::Impl {
  Impl(std::unique_ptr<sim::model::Scenario> own, const sim::model::Scenario& s, const std::string& path,
       RealRunOptions o)
      : owned(std::move(own)),
        scenario(s),
        scenario_path(path),
        options(o),
        rules(*sim::ecs::find_rule_set(s.rule_set)),
        docker(o.socket, o.engine_timeout),
        clock(io, o.time_scale),
        world(s, RealSetup{path, new_run_id(), o.time_scale}, docker, clock, io, trace, metrics),
        controller(s, rules, clock, world, trace, metrics) {
    world.attach(&controller);
    clock.deliver_to([this](std::uint16_t kind, std::uint32_t subject, std::uint64_t arg) {
      controller.on_timer(kind, subject, arg);
    });
  }

  void check_engine() const;

  std::unique_ptr<sim::model::Scenario> owned;  // set when the service owns its scenario
  const sim::model::Scenario& scenario;
  std::string scenario_path;
  RealRunOptions options;
  const sim::ecs::RuleSet& rules;
  DockerClient docker;
  asio::io_context io;
  sim::observe::Trace trace{true};
  sim::observe::Metrics metrics;
  ScaledClock clock;
  DockerWorld world;
  sim::ecs::ServiceController controller;
  std::chrono::steady_clock::time_point began = std::chrono::steady_clock::now();
  sim::Millis warm_up{0};
  bool finished = false;
  bool cleaned = false;
  int removed = 0;
  double wall_seconds = 0;
};

void RealService::Impl::check_engine() const {
  if (!docker.ping()) throw DockerError(no_engine_message(docker.socket_path()));
  if (!docker.image_exists(kChaosImage))
    throw DockerError(std::string("the chaos app's image ") + kChaosImage +
                      " is not on this engine: build it with `cmake --build build --target chaos_image` "
                      "(docker/Dockerfile, FROM scratch; scripts/test does it)");
  require_local_images(world.own_images(), scenario_path, docker);
}

namespace {

void check(const sim::model::Scenario& scenario, const RealRunOptions& o) {
  if (!(o.time_scale > 0)) throw std::invalid_argument("the time scale must be above 0");
  if (sim::ecs::find_rule_set(scenario.rule_set) == nullptr)
    throw std::invalid_argument("unknown rule set \"" + scenario.rule_set + "\"");
}

}  // namespace

RealService::RealService(const sim::model::Scenario& scenario, const std::string& scenario_path, RealRunOptions options) {
  check(scenario, options);
  impl_ = std::make_unique<Impl>(nullptr, scenario, scenario_path, options);
}

RealService::RealService(std::unique_ptr<sim::model::Scenario> scenario, const std::string& scenario_path,
                         RealRunOptions options) {
  check(*scenario, options);
  scenario->task_definitions.reserve(scenario->task_definitions.size() + kMaxRegistrations);
  sim::model::Scenario& s = *scenario;
  impl_ = std::make_unique<Impl>(std::move(scenario), s, scenario_path, options);
}

RealService::~RealService() {
  try {
    clean_up();
  } catch (const std::exception&) {
    // Nothing more can be done here; `deploysim real --cleanup` removes what is left.
  }
}

void RealService::start(const std::function<bool()>& interrupted) {
  Impl& m = *impl_;
  m.check_engine();
  const auto waiting = std::chrono::steady_clock::now();
  m.world.start_dependencies();
  m.world.start_warm_tasks(m.controller.install_initial_deployment(m.scenario.initial_task_definition), interrupted);
  if (interrupted()) return;
  const auto waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - waiting).count();
  m.warm_up = sim::Millis{static_cast<std::int64_t>(waited * 1000.0 / m.options.time_scale)};
  m.clock.start();
  m.world.begin_run();
}

bool RealService::run_one() { return impl_->io.run_one() > 0; }

void RealService::poll() { impl_->io.poll(); }

void RealService::at(sim::Millis at, std::function<void()> callback) { impl_->clock.at(at, std::move(callback)); }

void RealService::apply(const sim::model::ServiceUpdate& update) { impl_->controller.apply(update); }

int RealService::add_task_definition(sim::model::TaskDefinition td,
                                     const std::map<std::string, sim::model::AppProfile>& apps) {
  Impl& m = *impl_;
  if (!m.owned) throw std::logic_error("add_task_definition needs a RealService that owns its scenario");
  auto& definitions = m.owned->task_definitions;
  if (definitions.size() == definitions.capacity())
    throw std::length_error("a real service takes at most " + std::to_string(kMaxRegistrations) +
                            " task definitions registered after it started");
  for (const auto& [image, profile] : apps)
    if (m.owned->apps.emplace(image, profile).second) m.world.app_added(image);
  definitions.push_back(std::move(td));
  m.world.task_definition_added();
  m.controller.task_definition_added();
  return static_cast<int>(definitions.size() - 1);
}

sim::Millis RealService::now() const { return impl_->clock.now(); }
sim::Millis RealService::warm_up() const { return impl_->warm_up; }
const sim::model::Scenario& RealService::scenario() const { return impl_->scenario; }
const sim::ecs::ServiceController& RealService::controller() const { return impl_->controller; }
sim::ecs::ServiceController& RealService::controller() { return impl_->controller; }
const sim::observe::Trace& RealService::trace() const { return impl_->trace; }
const sim::observe::Metrics& RealService::metrics() const { return impl_->metrics; }
asio::io_context& RealService::io() { return impl_->io; }
bool RealService::events_behind() const { return impl_->world.events_behind(); }

void RealService::finish(sim::Millis end) {
  if (impl_->finished) return;
  impl_->finished = true;
  impl_->controller.finish(end);
}

void RealService::clean_up() {
  Impl& m = *impl_;
  if (m.cleaned) return;
  m.world.finish();
  m.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m.began).count();
  for (const std::string& id : m.docker.containers_labelled(std::string(kRunLabel) + "=" + m.world.run_id())) {
    m.docker.remove_container(id);
    ++m.removed;
  }
  m.cleaned = true;
}

std::string RealService::abandon(const std::string& cause) {
  Impl& m = *impl_;
  std::string message = "real run " + m.world.run_id() + " stopped: " + cause + "\n";
  try {
    clean_up();
    return message + "removed its " + std::to_string(m.removed) + " container(s); none of them is left on the engine";
  } catch (const DockerError& e) {
    m.cleaned = true;  // the destructor is not to wait for the engine again
    const std::vector<std::string> left = m.world.maybe_left();
    message += std::string("its containers could not be removed: ") + e.what() + "\n";
    if (left.empty()) return message + "it had created none, so none is left";
    message += "these " + std::to_string(left.size()) + " container(s) may remain, labelled " + kRunLabel + "=" +
               m.world.run_id() + ":\n";
    for (const std::string& name : left) message += "  " + name + "\n";
    const std::string socket = m.options.socket == kDefaultSocket ? "" : " --socket " + m.options.socket;
    return message + "once the engine answers again, `deploysim real --cleanup --run " + m.world.run_id() + socket +
           "` removes them (`deploysim real --cleanup" + socket + "`: those of every run; neither touches a container "
           "without the label " + kRunLabel + ")";
  }
}

const std::string& RealService::run_id() const { return impl_->world.run_id(); }
int RealService::breaker_threshold() const { return impl_->controller.threshold_in_force(); }
double RealService::wall_seconds() const { return impl_->wall_seconds; }
int RealService::containers_removed() const { return impl_->removed; }
int RealService::events_reopened() const { return impl_->world.events_reopened(); }
const std::map<sim::ecs::TaskId, std::string>& RealService::target_addresses() const {
  return impl_->world.target_addresses();
}

}  // namespace harness::docker
