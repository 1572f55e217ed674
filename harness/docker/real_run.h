// One real run of a scenario: the unchanged service controller (sim/ecs) drives real Docker
// containers through DockerWorld and a ScaledClock, on one single-threaded io_context. Same
// trace, outcome and metrics as a simulated run (sim/simulation.h), so harness/report prints it.
//
// Safety: every container carries kRunLabel=<run id>; the run removes all of them when it ends,
// when it is interrupted (SIGINT, SIGTERM: run() returns early, interrupted_by() says which), and
// when it is destroyed after an exception. remove_leftovers() is the cure after a SIGKILL.
#pragma once

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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Removes every container carrying kRunLabel, from any run (`deploysim real --cleanup`), and
// returns how many there were. Containers without the label are never touched.
int remove_leftovers(const DockerClient& docker);

}  // namespace harness::docker
