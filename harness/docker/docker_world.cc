// DockerWorld: set-up, warm tasks, and a task's way from PROVISIONING to RUNNING.
#include "harness/docker/docker_world.h"

#include <unistd.h>

#include <chrono>
#include <thread>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_world_task.h"
#include "harness/docker/target_prober.h"
#include "harness/scenario/app_profile_text.h"
#include "sim/ecs/depends_on.h"
#include "sim/ecs/service_controller.h"
#include "sim/world/dependency_schedule.h"

namespace harness::docker {

using sim::ecs::TaskState;

std::string new_run_id() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(getpid()) + "-" + std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

DockerWorld::DockerWorld(const sim::model::Scenario& scenario, const RealSetup& setup, const DockerClient& docker,
                         ScaledClock& clock, asio::io_context& io, sim::observe::Trace& trace,
                         sim::observe::Metrics& metrics)
    : scenario_(scenario), setup_(setup), docker_(docker), clock_(clock), io_(io), trace_(trace), metrics_(metrics) {
  for (const auto& [image, profile] : scenario.apps)
    profile_json_[image] = scenario::app_profile_json(setup.scenario_path, image);
}

DockerWorld::~DockerWorld() = default;

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

void DockerWorld::set_state(Task& t, TaskState s) {
  t.state = s;
  // As in the simulated world: the controller traces the launch and STOPPED itself.
  if (s != TaskState::stopped && s != TaskState::provisioning)
    trace_.add({clock_.now(), sim::observe::TraceKind::task_state, t.id, t.deployment, static_cast<int>(s), 0, {}, {}});
  controller_->on_task_state(t.id, s, s >= TaskState::deactivating ? &t.stop : nullptr);
}

void DockerWorld::after(sim::Millis span, Task& t, void (DockerWorld::*step)(Task&)) {
  const sim::ecs::TaskId id = t.id;
  t.state_timer = clock_.at(clock_.now() + span, [this, id, step] { (this->*step)(task(id)); });
}

std::string DockerWorld::dependency_addresses() const {
  std::string out;
  for (const auto& [name, ip] : dependency_ips_) out += (out.empty() ? "" : ",") + name + "=" + ip + ":7000";
  return out;
}

void DockerWorld::start_dependencies() {
  // Each stand-in plays the down windows the simulator computes for this seed, from run time 0
  // (when begin_run signals it); before that it is up, as dependencies are for warm tasks.
  const sim::world::DependencySchedule schedule(scenario_.dependencies, scenario_.faults, sim::RngStreams(scenario_.seed));
  for (const sim::model::DependencyProfile& d : scenario_.dependencies) {
    std::string down;
    bool up = schedule.up(d.name, sim::Millis{0});
    for (sim::Millis t{0}; t < sim::kNever; up = !up) {
      const sim::Millis next = schedule.next_change(d.name, t);
      if (!up) down += (down.empty() ? "" : ",") + std::to_string(t.count()) + "-" + std::to_string(std::min(next, sim::hours(1000)).count());
      t = next;
    }
    const nlohmann::json config = {
        {"Image", kChaosImage},
        {"Cmd", {"dependency"}},
        {"Env", {"DEPLOYSIM_STANDIN_PORT=7000", "DEPLOYSIM_STANDIN_DOWN=" + down,
                 "DEPLOYSIM_TIME_SCALE=" + std::to_string(setup_.time_scale)}},
        {"Labels", {{kRunLabel, setup_.run_id}, {"deploysim.dependency", d.name}}},
        {"HostConfig", {{"NetworkMode", "bridge"}}}};
    const std::string id = docker_.create_container("deploysim-" + setup_.run_id + "-dep-" + d.name, config);
    dependency_containers_.push_back(id);
    docker_.start_container(id);
    dependency_ips_[d.name] = docker_.inspect_container(id)["NetworkSettings"]["IPAddress"].get<std::string>();
  }
}

std::string DockerWorld::create_container(Task& t, Container& c) {
  if (!c.id.empty()) return {};
  const auto& td = scenario_.task_definitions.at(static_cast<std::size_t>(t.task_definition));
  ContainerLaunch launch{c.def, c.profile, profile_json_.at(c.def->image),
                         c.def->memory_mib.value_or(static_cast<int>(td.placement_memory_mib())),
                         setup_.run_id, t.id, setup_.time_scale, dependency_addresses()};
  try {
    c.id = docker_.create_container("deploysim-" + setup_.run_id + "-t" + std::to_string(t.id) + "-" + c.def->name,
                                    container_config(launch));
  } catch (const DockerError& e) {
    return std::string("CannotCreateContainerError: ") + e.what();
  }
  by_container_[c.id] = {t.id, c.index};
  return {};
}

std::string DockerWorld::run_container(Task& t, Container& c, bool warm) {
  if (std::string error = create_container(t, c); !error.empty()) return error;
  try {
    docker_.start_container(c.id);
    c.ip = docker_.inspect_container(c.id)["NetworkSettings"]["IPAddress"].get<std::string>();
  } catch (const DockerError& e) {
    return std::string("CannotStartContainerError: ") + e.what();
  }
  c.started = true;
  if (!warm)
    trace_.add({clock_.now(), sim::observe::TraceKind::container_started, t.id, t.deployment, c.index, 0, c.def->name, {}});
  return {};
}

void DockerWorld::start_warm_tasks(const std::vector<sim::ecs::LaunchRequest>& requests) {
  for (const sim::ecs::LaunchRequest& r : requests) {
    Task& t = create_task(r);
    for (const int i : t.start_order)
      if (const std::string error = run_container(t, t.containers[static_cast<std::size_t>(i)], true); !error.empty())
        throw DockerError("a container of the initial deployment did not start: " + error);
  }
  // Warm means serving: every check healthy and the target answering. Bounded in real time.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60) + clock_.real(sim::minutes(10));
  for (auto& tp : tasks_) {
    for (Container& c : tp->containers) {
      for (;;) {
        const nlohmann::json state = docker_.inspect_container(c.id)["State"];
        if (!state.value("Running", false))
          throw DockerError("a container of the initial deployment (" + c.def->name + ") exited with code " +
                            std::to_string(state.value("ExitCode", -1)) + " before the run started");
        const bool healthy = !c.def->health_check || state["Health"].value("Status", "") == "healthy";
        bool serving = true;
        if (scenario_.service.load_balancer && c.index == tp->lb_container) {
          const auto& tg = *scenario_.service.load_balancer;
          const ProbeTarget target{c.ip, tg.port != 0 ? tg.port : scenario_.service.container_port_for_lb, tg.path, tg.matcher};
          serving = probe_target_now(target, std::chrono::milliseconds(500)).pass;
        }
        if (healthy && serving) break;
        if (std::chrono::steady_clock::now() > deadline)
          throw DockerError("the initial deployment's container " + c.def->name + " was not " +
                            (healthy ? "answering the target group's health check" : "healthy") + " within the warm-up");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }
}

void DockerWorld::begin_run() {
  events_ = std::make_unique<DockerEvents>(io_, docker_.socket_path(), setup_.run_id,
                                           [this](const ContainerEvent& e) { on_event(e); });
  for (const std::string& id : dependency_containers_) docker_.signal_container(id, "SIGUSR1");
  for (auto& tp : tasks_) {
    Task& t = *tp;
    t.state = TaskState::running;
    controller_->on_task_state(t.id, TaskState::running, nullptr);
    for (Container& c : t.containers)
      if (c.def->health_check) on_container_health(t, c, sim::ecs::HealthStatus::healthy);
    if (scenario_.service.load_balancer) register_target(t, true);
  }
}

sim::ecs::Placement DockerWorld::launch_task(const sim::ecs::LaunchRequest& req) {
  Task& t = create_task(req);
  set_state(t, TaskState::provisioning);
  after(scenario_.platform.provisioning, t, &DockerWorld::pull);
  return {};
}

void DockerWorld::pull(Task& t) {
  set_state(t, TaskState::pending);
  // PENDING is the image pull and the containers' creation (platform_timing.h): creating them now
  // keeps Docker's own latency out of the step, so the start lands where the simulator puts it.
  for (Container& c : t.containers)
    if (const std::string error = create_container(t, c); !error.empty()) return fail_to_start(t, error);
  after(scenario_.platform.pull, t, &DockerWorld::start_containers);
}

void DockerWorld::start_containers(Task& t) {
  // dependsOn: containers start one after another in dependency order; conditions beyond START
  // (HEALTHY, COMPLETE, SUCCESS) are not waited for in real mode yet.
  for (const int i : t.start_order) {
    if (t.state != TaskState::pending) return;  // an essential container exited meanwhile
    if (const std::string error = run_container(t, t.containers[static_cast<std::size_t>(i)], false); !error.empty())
      return fail_to_start(t, error);
  }
  if (t.state == TaskState::pending) activate(t);
}

void DockerWorld::activate(Task& t) {
  // task-lifecycle.html: ACTIVATING registers the task with its target group, then RUNNING.
  set_state(t, TaskState::activating);
  if (t.state != TaskState::activating) return;
  if (scenario_.service.load_balancer) register_target(t, false);
  after(scenario_.platform.activating, t, &DockerWorld::become_running);
}

void DockerWorld::become_running(Task& t) {
  if (t.state == TaskState::activating) set_state(t, TaskState::running);
}

void DockerWorld::finish() {
  finished_ = true;
  if (events_) events_->close();
  for (auto& tp : tasks_)
    if (tp) clock_.cancel(tp->target_timer);
}

}  // namespace harness::docker
