// One ECS service played for real, stepwise: the unchanged service controller (sim/ecs) drives
// Docker containers through DockerWorld and a ScaledClock on the service's own single-threaded
// io_context. It is real mode's counterpart of sim::Simulation's stepwise use — start(), then
// apply() UpdateService calls and add_task_definition() registrations at the present — except
// that time is not advanced by the caller: the run's clock is the wall clock (scaled), and the
// caller runs the io_context's handlers (run_one(), poll()) so that timers, Docker's events and
// the driver's probes are handled as they come. `deploysim real` (real_run.h) plays a scenario's
// timeline on it; `deploysim serve --real` (harness/serve) answers the ECS API from it.
//
// Safety: every container carries kRunLabel=<run id>; clean_up() removes them all, and the
// destructor does if it was not called. A DockerError out of run_one() or poll() means the engine
// failed the run; abandon() then says what was removed or may remain.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "harness/docker/asio.h"
#include "harness/docker/docker_client.h"
#include "sim/ecs/service_controller.h"
#include "sim/model/scenario.h"
#include "sim/model/service_update.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::docker {

struct RealRunOptions {
  double time_scale = 0.05;  // real seconds per run second
  std::string socket = kDefaultSocket;
  std::chrono::milliseconds engine_timeout = std::chrono::seconds(30);  // per Docker call
};

class RealService {
 public:
  // `scenario_path` is the file the scenario came from: the apps' profiles (and runImage) are
  // read from it, so it must describe every image the scenario's task definitions run.
  RealService(const sim::model::Scenario& scenario, const std::string& scenario_path, RealRunOptions options);
  // Owns its scenario: the form add_task_definition() needs (deploysim serve --real).
  RealService(std::unique_ptr<sim::model::Scenario> scenario, const std::string& scenario_path, RealRunOptions options);
  ~RealService();
  RealService(const RealService&) = delete;
  RealService& operator=(const RealService&) = delete;

  // Checks the engine, the chaos image and the own images (DockerError, or ScenarioError for a
  // missing own image, saying how to get them); starts the dependency stand-ins and the initial
  // deployment's containers and waits (real time, bounded) until they serve; then run time 0 is
  // now. Returns early, clock not started, once `interrupted` says so (checked while it waits).
  void start(const std::function<bool()>& interrupted = [] { return false; });

  // Runs one handler of the io_context (a timer, a Docker event, a probe's answer), waiting for
  // it; returns false when nothing is left to run. poll() runs those ready now, without waiting.
  bool run_one();
  void poll();

  // Calls `callback` at run time `at` (not before), from run_one() or poll().
  void at(sim::Millis at, std::function<void()> callback);
  // UpdateService at the present run time (ecs-rules §12).
  void apply(const sim::model::ServiceUpdate& update);
  // RegisterTaskDefinition while running: appends to the owned scenario and returns its index.
  // Images the scenario lacks get `apps`' profiles; `scenario_path` must have been rewritten to
  // describe them and the definition first (the world reads each profile's JSON, and the
  // definition's process and network mode, from it). At most 200 registrations
  // (the world keeps pointers into the list): beyond, std::length_error.
  int add_task_definition(sim::model::TaskDefinition td, const std::map<std::string, sim::model::AppProfile>& apps);

  sim::Millis now() const;
  // The run time the warm-up took before run time 0, in run time (wall time / time scale).
  sim::Millis warm_up() const;
  const sim::model::Scenario& scenario() const;
  const sim::ecs::ServiceController& controller() const;
  sim::ecs::ServiceController& controller();
  const sim::observe::Trace& trace() const;
  const sim::observe::Metrics& metrics() const;
  asio::io_context& io();
  // The event stream ended and is not reopened yet: what the run knows may be behind.
  bool events_behind() const;

  // Ends the run at run time `end`: closes the controller's figures (at most once).
  void finish(sim::Millis end);
  // Stops the world and removes every container of the run (at most once).
  void clean_up();
  // After a DockerError: cleans up what it can and returns `cause` with what was removed or which
  // containers may remain and the `deploysim real --cleanup` command that removes them.
  std::string abandon(const std::string& cause);

  const std::string& run_id() const;
  int breaker_threshold() const;
  double wall_seconds() const;     // real time from construction to clean_up()
  int containers_removed() const;  // by clean_up()
  int events_reopened() const;     // times the event stream ended and was reopened
  // Where the load balancer reached each task it registered, "ip:port" by task.
  const std::map<sim::ecs::TaskId, std::string>& target_addresses() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace harness::docker
