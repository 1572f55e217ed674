// One real run of a scenario: the unchanged service controller (sim/ecs) drives real Docker
// containers through DockerWorld and a ScaledClock, on one single-threaded io_context. Same
// trace, outcome and metrics as a simulated run (sim/simulation.h), so harness/report prints it.
//
// Safety: every container carries kRunLabel=<run id>; the run removes all of them when it ends,
// when it is interrupted (SIGINT, SIGTERM: run() returns early, interrupted_by() says which), and
// when it is destroyed after an exception. remove_leftovers() (leftovers.h) is the cure after a
// SIGKILL.
//
// When the engine fails the run — it stops answering (EngineUnreachable: not at all, or not within
// the client's timeout, or its event stream cannot be reopened), or a call the run cannot do
// without is refused — run() removes what it can and throws DockerError saying why the run
// stopped and either that nothing is left or exactly which containers may remain and that
// `deploysim real --cleanup` removes them once the engine answers again.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "harness/docker/docker_client.h"
#include "sim/ecs/rule_set.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::docker {

struct RealRunOptions {
  double time_scale = 0.05;  // real seconds per run second
  std::string socket = kDefaultSocket;
  std::chrono::milliseconds engine_timeout = std::chrono::seconds(30);  // per Docker call
};

class RealRun {
 public:
  // `scenario_path` is the file the scenario came from (the apps' profiles are read from it).
  RealRun(const sim::model::Scenario& scenario, const std::string& scenario_path, RealRunOptions options);
  ~RealRun();
  RealRun(const RealRun&) = delete;
  RealRun& operator=(const RealRun&) = delete;

  // Checks the engine and the chaos image (DockerError saying how to get them), then runs until
  // the outcome (unless the scenario says to go on), the horizon or a signal.
  sim::observe::RunResult run();

  const sim::observe::Trace& trace() const;
  int breaker_threshold() const;
  const std::string& run_id() const;
  int interrupted_by() const;            // the signal that ended the run early, or 0
  double wall_seconds() const;           // real time the run took, warm-up included
  int containers_removed() const;        // by the clean-up at its end
  int events_reopened() const;           // times the event stream ended and was reopened
  // Where the load balancer reached each task it registered, "ip:port" by task.
  const std::map<sim::ecs::TaskId, std::string>& target_addresses() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace harness::docker
