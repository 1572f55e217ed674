// DockerWorld: before the run's clock starts — dependency stand-ins, the initial deployment's
// containers and the warm-up until they serve — and run time 0.
#include <chrono>
#include <thread>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_world_task.h"
#include "harness/docker/port_bindings.h"
#include "harness/docker/target_prober.h"
#include "sim/world/container_plan.h"
#include "sim/world/dependency_schedule.h"

namespace harness::docker {

using sim::ecs::TaskState;

std::string DockerWorld::dependency_addresses(const sim::model::ContainerDefinition& container) const {
  // A dependency the container's URL settings cannot reach (a REDIS_URL without its scheme, seed
  // 002) gets an address where nothing listens, as the simulated world counts it unreachable.
  const sim::world::UnusableDependencies unusable = sim::world::unusable_dependencies(scenario_, container);
  std::string out;
  for (const auto& [name, ip] : dependency_ips_)
    out += (out.empty() ? "" : ",") + name + "=" + (unusable.count(name) ? "127.0.0.1:1" : ip + ":7000");
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
    const std::string name = "deploysim-" + setup_.run_id + "-dep-" + d.name;
    created_names_.emplace(name, false);
    const std::string id = docker_.create_container(name, config);
    dependency_containers_.push_back(id);
    docker_.start_container(id);
    dependency_ips_[d.name] = docker_.inspect_container(id)["NetworkSettings"]["IPAddress"].get<std::string>();
  }
}

std::string DockerWorld::create_container(Task& t, Container& c) {
  const std::string name = container_name(t, c);
  created_names_.emplace(name, false);
  try {
    c.id = docker_.create_container(name, container_config_of(t, c));
  } catch (const EngineUnreachable&) {
    throw;
  } catch (const DockerError& e) {
    return std::string("CannotCreateContainerError: ") + e.what();
  }
  by_container_[c.id] = {t.id, c.index};
  return {};
}

std::string DockerWorld::run_warm_container(Task& t, Container& c) {
  if (std::string error = create_container(t, c); !error.empty()) return error;
  try {
    docker_.start_container(c.id);
    const nlohmann::json inspect = docker_.inspect_container(c.id);
    c.ip = t.network_ip.empty() ? inspect["NetworkSettings"]["IPAddress"].get<std::string>() : t.network_ip;
    c.target_host_port = published_host_port(inspect, target_port());
  } catch (const EngineUnreachable&) {
    throw;
  } catch (const DockerError& e) {
    return std::string("CannotStartContainerError: ") + e.what();
  }
  c.started = true;
  return {};
}

void DockerWorld::start_warm_tasks(const std::vector<sim::ecs::LaunchRequest>& requests,
                                   const std::function<bool()>& interrupted) {
  for (const sim::ecs::LaunchRequest& r : requests) {
    Task& t = create_task(r);
    if (shares_network(t)) {
      created_names_.emplace(network_holder_name(t.id), false);
      std::tie(t.network_holder, t.network_ip) = start_network_holder(t.id);
    }
    for (const int i : t.start_order)
      if (const std::string error = run_warm_container(t, t.containers[static_cast<std::size_t>(i)]); !error.empty())
        throw DockerError("a container of the initial deployment did not start: " + error);
  }
  // Warm means serving: every check healthy and the target answering. Bounded in real time.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60) + clock_.real(sim::minutes(10));
  for (auto& tp : tasks_) {
    for (Container& c : tp->containers) {
      for (;;) {
        const nlohmann::json state = docker_.inspect_container(c.id)["State"];
        if (!state.value("Running", false) && !c.def->essential && c.profile->runs_for) {
          // A one-shot container (an init container) that has done its work, as in the world.
          c.exited = true;
          c.exit_code = state.value("ExitCode", -1);
          break;
        }
        if (!state.value("Running", false))
          throw DockerError("a container of the initial deployment (" + c.def->name + ") exited with code " +
                            std::to_string(state.value("ExitCode", -1)) + " before the run started");
        const bool healthy = !c.def->health_check || state["Health"].value("Status", "") == "healthy";
        bool serving = true;
        if (scenario_.service.load_balancer && c.index == tp->lb_container)
          serving = probe_target_now(target_of(*tp), std::chrono::milliseconds(500)).pass;
        if (healthy && serving) break;
        // Before the run's clock starts, the only handler that can be ready is the run's signal
        // set's (real_run.cc): a Ctrl-C during a long warm-up ends it now, not when it is over.
        io_.poll();
        // A poll that finds no work stops the io_context (asio). serve --real's has none yet (no
        // signal set on it, unlike real_run.cc's), and stopped, it would never again run the
        // service's timers and Docker events: UpdateService started a deployment that launched nothing.
        if (io_.stopped()) io_.restart();
        if (interrupted()) return;
        if (std::chrono::steady_clock::now() > deadline)
          throw DockerError("the initial deployment's container " + c.def->name + " was not " +
                            (healthy ? "answering the target group's health check" : "healthy") + " within the warm-up");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }
}

void DockerWorld::begin_run() {
  if (load_) next_traffic_sample(1);
  events_ = std::make_unique<DockerEvents>(
      io_, docker_, setup_.run_id, [this](const ContainerEvent& e) { on_event(e); }, [this] { reconcile(); });
  for (const std::string& id : dependency_containers_) docker_.signal_container(id, "SIGUSR1");
  for (auto& tp : tasks_) {
    Task& t = *tp;
    t.agent.started(TaskState::running);
    listener_->on_task_state(t.id, TaskState::running, nullptr);
    for (Container& c : t.containers)
      if (c.def->health_check) on_container_health(t, c, sim::ecs::HealthStatus::healthy);
    for (const Container& c : t.containers)
      if (c.exited)  // a one-shot container done during the warm-up, told as the world tells it
        trace_.add(clock_.now(), sim::observe::ContainerExited{t.id, t.deployment, c.index, c.def->name, c.exit_code,
                                                               sim::observe::ContainerExitCause::by_itself, {},
                                                               "the one-shot task finished"});
    if (scenario_.service.load_balancer) register_target(t, true);
  }
  for (std::size_t i = 0; i < scenario_.faults.size(); ++i)
    if (scenario_.faults[i].kind == sim::model::FaultKind::stop_task) clock_.at(scenario_.faults[i].at, [this, i] { kill_by_fault(i); });
}

void DockerWorld::kill_by_fault(std::size_t fault) {
  // As in the simulated world: the lowest-numbered RUNNING task of the named revision ("old" or
  // "new") loses its first container, here to a real SIGKILL (exit 137).
  const sim::model::Fault& f = scenario_.faults.at(fault);
  const int td = f.target == "old" ? scenario_.initial_task_definition : scenario_.deploy.to_task_definition;
  for (auto& tp : tasks_)
    if (tp && tp->task_definition == td && tp->state() == TaskState::running) {
      tp->containers.front().fault_killed = true;
      signal(tp->containers.front(), "SIGKILL");
      return;
    }
}

}  // namespace harness::docker
