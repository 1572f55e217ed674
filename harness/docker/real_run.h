// One real run of a scenario: its whole timeline played on a RealService (real_service.h) — the
// unchanged service controller driving real Docker containers on the scaled wall clock. The
// timeline's UpdateService calls and the deploy under test are the simulator's
// (sim/ecs/timeline_player.h), each at its time; a steady-state run ("deploy": "none") plays
// its timeline and is judged at the horizon. Same trace, outcome and metrics as a simulated run
// (sim/simulation.h), so harness/report prints it.
//
// What cannot be played for real is refused before any container starts, with a ScenarioError
// at its place in the file: Application Auto Scaling (real mode measures no CPU or memory
// utilisation of containers).
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
#include "harness/docker/real_service.h"
#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::docker {

class RealRun {
 public:
  // `scenario_path` is the file the scenario came from (the apps' profiles are read from it).
  // Throws ScenarioError for a part of the scenario real mode cannot play (see above).
  RealRun(const sim::model::Scenario& scenario, const std::string& scenario_path, RealRunOptions options);
  ~RealRun();
  RealRun(const RealRun&) = delete;
  RealRun& operator=(const RealRun&) = delete;

  // Checks the engine and the chaos image (DockerError saying how to get them), then plays the
  // timeline until the outcome once every call is played (unless the scenario says to go on),
  // the horizon or a signal.
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

// Throws ScenarioError, at its place in the file at `path`, for a part of `scenario` real mode
// cannot play (see above); deploysim serve --real checks its scenario with it too.
void check_real_mode_can_play(const sim::model::Scenario& scenario, const std::string& path);

}  // namespace harness::docker
