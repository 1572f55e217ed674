// DockerWorld: tasks, the Docker calls in the background, and a task's way from PROVISIONING to
// RUNNING.
#include "harness/docker/docker_world.h"

#include <unistd.h>

#include <chrono>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_world_task.h"
#include "harness/docker/real_timeout.h"
#include "harness/scenario/app_profile_text.h"
#include "sim/ecs/depends_on.h"
#include "sim/model/configured_value.h"

namespace harness::docker {

using sim::ecs::TaskState;

std::string new_run_id() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(getpid()) + "-" + std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

DockerWorld::DockerWorld(const sim::model::Scenario& scenario, const RealSetup& setup, const DockerClient& docker,
                         ScaledClock& clock, asio::io_context& io, sim::observe::Trace& trace,
                         sim::observe::Metrics& metrics)
    : scenario_(scenario),
      setup_(setup),
      docker_(docker),
      clock_(clock),
      io_(io),
      trace_(trace),
      metrics_(metrics),
      own_images_(read_own_images(setup.scenario_path)) {
  // A sampled request waits up to 5 s of run time, at least the floor of real time (real_timeout.h).
  if (scenario.traffic) load_.emplace(io, scenario.traffic->requests_per_second, real_timeout(sim::seconds(5), setup.time_scale));
  for (const auto& [image, profile] : scenario.apps)
    profile_json_[image] = scenario::app_profile_json(setup.scenario_path, image);
}

DockerWorld::~DockerWorld() = default;

void DockerWorld::app_added(const std::string& image) {
  profile_json_[image] = scenario::app_profile_json(setup_.scenario_path, image);
}

void DockerWorld::task_definition_added() { own_images_ = read_own_images(setup_.scenario_path); }

DockerWorld::Task& DockerWorld::create_task(const sim::ecs::LaunchRequest& req) {
  const auto& td = scenario_.task_definitions.at(static_cast<std::size_t>(req.task_definition));
  if (tasks_.size() <= req.task) tasks_.resize(req.task + 1);
  auto t = std::make_unique<Task>();
  t->id = req.task;
  t->deployment = req.deployment;
  t->task_definition = req.task_definition;
  for (std::size_t i = 0; i < td.containers.size(); ++i) {
    Container c;
    c.index = static_cast<int>(i);
    c.def = &td.containers[i];
    c.profile = &scenario_.apps.at(c.def->image);
    t->containers.push_back(c);
    if (c.def->name == scenario_.service.container_name_for_lb) t->lb_container = c.index;
  }
  // The loader has rejected dependsOn cycles, so the order exists.
  auto order = sim::ecs::container_start_order(td);
  if (auto* indexes = std::get_if<std::vector<int>>(&order)) t->start_order = *indexes;
  tasks_[req.task] = std::move(t);
  return *tasks_[req.task];
}

void DockerWorld::start_up_to(Task& t, TaskState s) {
  t.agent.started(s);
  report_state(t, s);
}

void DockerWorld::report_state(Task& t, TaskState s) {
  // As in the simulated world: the controller traces the launch and STOPPED itself.
  if (s != TaskState::stopped && s != TaskState::provisioning)
    trace_.add(clock_.now(), sim::observe::TaskStateChanged{t.id, t.deployment, s});
  listener_->on_task_state(t.id, s, s >= TaskState::deactivating ? &t.agent.stop() : nullptr);
}

void DockerWorld::after(sim::Millis span, Task& t, void (DockerWorld::*step)(Task&)) {
  const sim::ecs::TaskId id = t.id;
  t.state_timer = clock_.at(clock_.now() + span, [this, id, step] { (this->*step)(task(id)); });
}

std::string DockerWorld::container_name(const Task& t, const Container& c) const {
  return "deploysim-" + setup_.run_id + "-t" + std::to_string(t.id) + "-" + c.def->name;
}

nlohmann::json DockerWorld::container_config_of(const Task& t, const Container& c) const {
  const auto& td = scenario_.task_definitions.at(static_cast<std::size_t>(t.task_definition));
  ContainerLaunch launch{c.def, c.profile, profile_json_.at(c.def->image),
                         c.def->memory_mib.value_or(static_cast<int>(td.placement_memory_mib())),
                         setup_.run_id, t.id, setup_.time_scale, dependency_addresses(*c.def), {}, nullptr};
  if (!t.network_holder.empty()) launch.network_mode = "container:" + t.network_holder;
  const auto bridge = own_images_.bridge_ports.find({static_cast<std::size_t>(t.task_definition), static_cast<std::size_t>(c.index)});
  if (bridge != own_images_.bridge_ports.end()) launch.published_ports = bridge->second;
  static const ContainerProcess image_defaults;
  if (own_images_.runs_own_image(c.def->image)) {
    const ContainerProcess* process = own_images_.process(static_cast<std::size_t>(t.task_definition), static_cast<std::size_t>(c.index));
    launch.own_image = process != nullptr ? process : &image_defaults;
  }
  for (const std::string& secret : c.def->secrets)
    if (const auto value = sim::model::configured_value(scenario_, *c.def, secret)) launch.secret_values[secret] = *value;
  return container_config(launch);
}

void DockerWorld::in_background(std::function<void()> work, std::function<void(const std::string&)> then) {
  asio::post(pool_, [this, work = std::move(work), then = std::move(then)] {
    std::string error;
    bool unreachable = false;
    try {
      work();
    } catch (const EngineUnreachable& e) {
      error = e.what();
      unreachable = true;
    } catch (const std::exception& e) {
      error = e.what();
      if (error.empty()) error = "unknown error";
    }
    asio::post(io_, [this, error, unreachable, then] {
      if (finished_) return;
      // No answer is not the engine's verdict on a task (a CannotCreateContainerError would count
      // toward the breaker): the run cannot go on, and ends on its own thread.
      if (unreachable) throw EngineUnreachable(error);
      then(error);
    });
  });
}

std::vector<std::string> DockerWorld::maybe_left() const {
  std::vector<std::string> names;
  for (const auto& [name, removed] : created_names_)
    if (!removed) names.push_back(name);
  return names;
}

sim::ecs::Placement DockerWorld::launch_task(const sim::ecs::LaunchRequest& req) {
  Task& t = create_task(req);
  start_up_to(t, TaskState::provisioning);
  after(scenario_.platform.provisioning, t, &DockerWorld::pull);
  return {};
}

void DockerWorld::pull(Task& t) {
  start_up_to(t, TaskState::pending);
  if (t.state() != TaskState::pending) return;
  // PENDING is the image pull and the containers' creation (platform_timing.h): creating them now
  // keeps Docker's own latency out of the step, so the start lands where the simulator puts it.
  // Docker calls run on the worker pool, so the controller's timers and other tasks never wait.
  std::vector<std::pair<std::string, nlohmann::json>> configs;
  for (const Container& c : t.containers) {
    configs.emplace_back(container_name(t, c), container_config_of(t, c));
    created_names_.emplace(configs.back().first, false);
  }
  if (shares_network(t)) created_names_.emplace(network_holder_name(t.id), false);
  auto ids = std::make_shared<std::vector<std::string>>(configs.size());
  auto holder = std::make_shared<std::pair<std::string, std::string>>();
  in_background(
      [this, configs, ids, holder, shared = shares_network(t), id = t.id]() mutable {
        if (shared) {
          *holder = start_network_holder(id);
          for (auto& config : configs) config.second["HostConfig"]["NetworkMode"] = "container:" + holder->first;
        }
        for (std::size_t i = 0; i < configs.size(); ++i) (*ids)[i] = docker_.create_container(configs[i].first, configs[i].second);
      },
      [this, id = t.id, ids, holder](const std::string& error) {
        Task& task_ref = task(id);
        task_ref.network_holder = holder->first;
        task_ref.network_ip = holder->second;
        for (std::size_t i = 0; i < ids->size(); ++i)
          if (!(*ids)[i].empty()) {
            task_ref.containers[i].id = (*ids)[i];
            by_container_[(*ids)[i]] = {id, static_cast<int>(i)};
          }
        if (task_ref.state() != TaskState::pending) return;
        if (!error.empty()) return fail_to_start(task_ref, "CannotCreateContainerError: " + error);
        task_ref.created = true;
        if (task_ref.pulled) start_next_container(task_ref);
      });
  after(scenario_.platform.pull, t, &DockerWorld::pulled);
}

void DockerWorld::pulled(Task& t) {
  t.pulled = true;
  if (t.created) start_next_container(t);
}

void DockerWorld::start_next_container(Task& t) {
  // dependsOn: every container whose conditions hold starts now, as in the simulated world
  // (sim/ecs/depends_on.h); Docker's health and exit events call again for the others.
  if (t.state() != TaskState::pending) return;  // an essential container exited meanwhile
  if (t.started_count == t.start_order.size()) return activate(t);
  for (const int index : t.start_order) {
    Container& c = t.containers[static_cast<std::size_t>(index)];
    if (c.started || c.starting) continue;
    const sim::ecs::DependsOnVerdict verdict = sim::ecs::depends_on_verdict(t.containers, c);
    if (verdict == sim::ecs::DependsOnVerdict::impossible)
      return fail_to_start(t, "CannotStartContainerError: dependsOn condition of container " + c.def->name +
                                  " can no longer be met");
    if (verdict == sim::ecs::DependsOnVerdict::met) start_container(t, c);
  }
}

void DockerWorld::start_container(Task& t, Container& next) {
  next.starting = true;
  auto ip = std::make_shared<std::string>();
  auto host_port = std::make_shared<int>(0);
  in_background(
      [this, container = next.id, ip, host_port, port = target_port()] {
        docker_.start_container(container);
        const nlohmann::json inspect = docker_.inspect_container(container);
        *ip = inspect["NetworkSettings"]["IPAddress"].get<std::string>();
        *host_port = published_host_port(inspect, port);
      },
      [this, id = t.id, index = next.index, ip, host_port](const std::string& error) {
        Task& task_ref = task(id);
        Container& c = task_ref.containers[static_cast<std::size_t>(index)];
        c.starting = false;
        if (task_ref.state() != TaskState::pending) {
          // Stopped while it was starting: nothing waits for this container any more.
          remove_in_background(task_ref, c);
          return;
        }
        if (!error.empty()) return fail_to_start(task_ref, "CannotStartContainerError: " + error);
        c.started = true;
        c.ip = ip->empty() ? task_ref.network_ip : *ip;  // in the task's namespace: the task's address
        c.target_host_port = *host_port;
        ++task_ref.started_count;
        trace_.add(clock_.now(), sim::observe::ContainerStarted{id, task_ref.deployment, c.index, c.def->name});
        // Docker's event stream may have told of its exit before this completion ran.
        if (c.early_exit_code) return on_container_exit(task_ref, c, *c.early_exit_code);
        start_next_container(task_ref);
      });
}

void DockerWorld::activate(Task& t) {
  // task-lifecycle.html: ACTIVATING registers the task with its target group, then RUNNING.
  start_up_to(t, TaskState::activating);
  if (t.state() != TaskState::activating) return;
  if (scenario_.service.load_balancer) register_target(t, false);
  after(scenario_.platform.activating, t, &DockerWorld::become_running);
}

void DockerWorld::become_running(Task& t) {
  if (t.state() == TaskState::activating) start_up_to(t, TaskState::running);
}

void DockerWorld::finish() {
  if (finished_) return;
  finished_ = true;
  if (events_) events_->close();
  for (auto& tp : tasks_)
    if (tp) clock_.cancel(tp->target_timer);
  // A create still in flight would otherwise leave a container behind the clean-up.
  pool_.join();
}

}  // namespace harness::docker
