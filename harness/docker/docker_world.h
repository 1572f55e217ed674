// The real data plane: each task is a set of Docker containers of the chaos image, each playing
// its container's app profile. It implements the Runtime seam for the (unchanged) service
// controller and reports back to it as the simulated world does (sim/world/simulated_world.h):
// task states from the platform steps it times (scaled) and from containers' real exits; container
// health from Docker's own HEALTHCHECK (health_status events); target health from its own HTTP
// probes of the container, played through the shared TargetHealthMachine.
//
// Every container it creates carries the run's label; it never acts on any other.
//
// Under faults (docs/real-mode.md, "Real mode under faults"):
// - the event stream ends: DockerEvents reopens it from the last event's time, and the world
//   reconciles with the containers' real state (reconcile());
// - a container removed behind its back (`docker rm -f`): Docker reports its death (die, exit
//   137, before destroy) as for any other kill, and the task stops as ECS stops it then —
//   EssentialContainerExited, then replaced by the service (the ECS agent turns Docker's die
//   event into the container's STOPPED, aws/amazon-ecs-agent dockerapi ContainerEvents; a
//   removed container's destroy event it ignores, PR #934). The trace says it was removed.
// - the engine stops answering: any Docker call that gets no answer throws EngineUnreachable
//   out of the io_context's run call, on the run's thread, and the run ends (real_run.h).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/docker/docker_client.h"
#include "harness/docker/docker_events.h"
#include "harness/docker/own_image.h"
#include "harness/docker/scaled_clock.h"
#include "harness/docker/target_prober.h"
#include "sim/ecs/runtime.h"
#include "sim/ecs/task_lifecycle.h"
#include "harness/docker/load_generator.h"
#include "sim/ecs/target_health.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::docker {

struct RealSetup {
  std::string scenario_path;  // for the apps' profile JSON
  std::string run_id;
  double time_scale = 0.05;
};

class DockerWorld final : public sim::ecs::Runtime {
 public:
  DockerWorld(const sim::model::Scenario& scenario, const RealSetup& setup, const DockerClient& docker,
              ScaledClock& clock, asio::io_context& io, sim::observe::Trace& trace, sim::observe::Metrics& metrics);
  ~DockerWorld() override;

  void attach(sim::ecs::RuntimeListener* listener) { listener_ = listener; }
  // The scenario's apps gained `image` (a task definition registered while running): its profile
  // is read from the scenario file, which must describe it by now.
  void app_added(const std::string& image);
  // The scenario gained a task definition (registered while running): what real mode runs it by
  // beyond the model (own_image.h: process, network mode, published ports) is read again from the
  // scenario file, which holds it by now.
  void task_definition_added();

  // Before the run's clock starts: the dependency stand-ins, then the initial deployment's
  // containers, waiting (real time, bounded) until they serve. Throws DockerError if they do not.
  // While it waits it lets the io_context deliver a signal, and returns early once `interrupted`.
  void start_dependencies();
  void start_warm_tasks(const std::vector<sim::ecs::LaunchRequest>& requests, const std::function<bool()>& interrupted);
  // At run time 0: the warm tasks are RUNNING and healthy, dependencies start their schedule, and
  // the world follows Docker's events.
  void begin_run();

  sim::ecs::Placement launch_task(const sim::ecs::LaunchRequest& request) override;
  void stop_task(sim::ecs::TaskId task, sim::ecs::StopCode code, const std::string& reason) override;
  // The scenario's traffic, for real: the load generator sends sampled requests to the targets
  // and counts their real answers (load_generator.h); alarms judge those (docker_world_traffic.cc).
  void route_traffic(const std::vector<sim::ecs::TrafficRoute>& routes) override;
  const sim::ecs::TrafficReport& traffic_served() override;

  // Ends the run: stops following events and probing, and waits for Docker calls in flight.
  void finish();

  const std::string& run_id() const { return setup_.run_id; }
  // The apps it runs as their own image (runImage), and their processes.
  const OwnImages& own_images() const { return own_images_; }
  // Names of the containers it asked the engine to create and has not seen removed: what may be
  // left when the engine went away before the clean-up.
  std::vector<std::string> maybe_left() const;
  // How often the event stream ended and was reopened.
  int events_reopened() const { return events_ ? events_->reopened() : 0; }
  // The event stream ended and is not reopened yet: what the world knows may be behind.
  bool events_behind() const { return events_ && events_->reopening(); }
  // Where the load balancer reached each task it registered ("ip:port"), by task: the container's
  // address, or 127.0.0.1:hostPort under bridge mode (port_bindings.h).
  const std::map<sim::ecs::TaskId, std::string>& target_addresses() const { return target_addresses_; }

 private:
  struct Container;
  struct Task;

  Task& task(sim::ecs::TaskId id) { return *tasks_.at(id); }
  Task& create_task(const sim::ecs::LaunchRequest& request);
  void start_up_to(Task& t, sim::ecs::TaskState s);    // a start-up state (PROVISIONING .. RUNNING)
  void report_state(Task& t, sim::ecs::TaskState s);  // traces it and tells the listener
  // Traffic (docker_world_traffic.cc): one sampled request a run second, a report every period.
  void next_traffic_sample(std::int64_t sample);
  std::vector<LoadTarget> load_targets() const;
  void after(sim::Millis span, Task& t, void (DockerWorld::*step)(Task&));

  // Start-up (docker_world.cc).
  void in_background(std::function<void()> work, std::function<void(const std::string& error)> then);
  std::string container_name(const Task& t, const Container& c) const;
  nlohmann::json container_config_of(const Task& t, const Container& c) const;
  void pull(Task& t);
  void pulled(Task& t);
  void start_next_container(Task& t);
  void start_container(Task& t, Container& c);
  // Creates (and starts) one container, blocking: for the warm-up before the run's clock starts.
  // Returns "" or why it could not.
  std::string create_container(Task& t, Container& c);
  std::string run_warm_container(Task& t, Container& c);
  void activate(Task& t);
  void become_running(Task& t);
  // "name=ip:port,..." for the chaos app in `container`.
  std::string dependency_addresses(const sim::model::ContainerDefinition& container) const;

  void kill_by_fault(std::size_t fault);  // a stop_task fault of the scenario's timeline

  // Task networking (docker_world_network.cc).
  bool shares_network(const Task& t) const;  // its task definition says awsvpc
  // Creates and starts the task's network holder, blocking (on the pool, or in the warm-up);
  // returns its id and address.
  std::pair<std::string, std::string> start_network_holder(sim::ecs::TaskId task);
  std::string network_holder_name(sim::ecs::TaskId task) const;
  void remove_network_holder(Task& t);

  // Health (docker_world_health.cc).
  void on_event(const ContainerEvent& e);
  // After the event stream was reopened: every started container's exit or health change the
  // replay may have missed, from inspecting it.
  void reconcile();
  void on_container_health(Task& t, Container& c, sim::ecs::HealthStatus status);
  // The target group's port on the task (traffic-port, or the health check's own port).
  int target_port() const;
  // Where the load balancer reaches the task: its container's address and the target port, or
  // under bridge mode 127.0.0.1 and the host port that port is published on.
  ProbeTarget target_of(const Task& t) const;
  void register_target(Task& t, bool warm);
  void probe_target(Task& t);
  void on_probe(sim::ecs::TaskId id, sim::Millis started, const sim::ecs::ProbeOutcome& o);
  void report_target(Task& t, sim::ecs::TargetState state, sim::ecs::ProbeFailure failure);
  void stop_target_checks(Task& t);

  // Shut-down (docker_world_stop.cc).
  void on_container_exit(Task& t, Container& c, int exit_code);
  void fail_to_start(Task& t, const std::string& reason);
  void perform(Task& t, const sim::ecs::AgentSteps& steps);
  static bool containers_running(const Task& t);
  void drained(Task& t);
  void kill_containers(Task& t);
  void signal(const Container& c, const std::string& signal);  // in the background
  void deprovisioned(Task& t);
  void remove_in_background(const Task& t, const Container& c);

  const sim::model::Scenario& scenario_;
  RealSetup setup_;
  const DockerClient& docker_;
  ScaledClock& clock_;
  asio::io_context& io_;
  sim::observe::Trace& trace_;
  sim::observe::Metrics& metrics_;
  sim::ecs::RuntimeListener* listener_ = nullptr;
  std::optional<LoadGenerator> load_;  // when the scenario has traffic
  std::map<std::string, std::string> profile_json_;  // by image
  OwnImages own_images_;
  std::vector<std::unique_ptr<Task>> tasks_;           // indexed by TaskId
  std::map<std::string, std::pair<sim::ecs::TaskId, int>> by_container_;  // docker id -> task, index
  std::vector<std::string> dependency_containers_;
  std::map<std::string, bool> created_names_;  // container name -> seen removed
  std::map<std::string, std::string> dependency_ips_;  // name -> ip
  std::map<sim::ecs::TaskId, std::string> target_addresses_;
  std::unique_ptr<DockerEvents> events_;
  bool finished_ = false;
  // Blocking Docker calls of running tasks (create, start, signal, remove) run here; their
  // results come back to the run's thread through io_ (in_background).
  asio::thread_pool pool_{4};
};

// A run id unique on this machine: "<pid>-<time>".
std::string new_run_id();

}  // namespace harness::docker
