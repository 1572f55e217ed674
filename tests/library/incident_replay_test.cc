// The seed incidents replayed: outcomes and the mechanics behind them (core simulator issue,
// "It must show" 2 and 3).
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "sim/ecs/task_state.h"
#include "tests/support/run_helpers.h"

using sim::observe::Outcome;
namespace observe = sim::observe;
using testsupport::library_scenario;
using testsupport::of_kind;
using testsupport::run_traced;

namespace {

// Tasks not STOPPED when the run ended: launched ones plus the warm ones running at t=0.
int tasks_alive_at_end(const testsupport::TracedRun& run) {
  std::set<std::uint32_t> tasks, stopped;
  for (const auto& e : run.events) {
    if (const auto* l = e.as<observe::TaskLaunched>()) tasks.insert(l->task);
    if (const auto* c = e.as<observe::TaskCountedHealthy>(); c && e.at.count() == 0) tasks.insert(c->task);
    if (const auto* s = e.as<observe::TaskStopped>()) stopped.insert(s->task);
  }
  return static_cast<int>(tasks.size() - stopped.size());
}

}  // namespace

TEST_CASE("seed 000: every 128 MiB task is OOM-killed and the breaker rolls back on the third") {
  // Given desiredCount 1, min 0 / max 200, breaker with rollback and an app settling at ~253 MiB
  // in a 128 MiB container, when it deploys, then each new task dies with exit 137 tens of seconds
  // after start, the third failure trips the breaker and the service rolls back within minutes.
  // Source: seeds/000; ecs-rules §1.1 (threshold 3 for N=1), §8 (OOM exit 137 and its reason).
  const auto run = run_traced(library_scenario("scenarios/incidents/000-oom-128mb.json"));
  REQUIRE(run.result.outcome == Outcome::rolled_back);
  const auto exits = of_kind<observe::ContainerExited>(run);
  const auto counts = of_kind<observe::BreakerCounted>(run);
  REQUIRE(counts.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(counts[static_cast<std::size_t>(i)].failed_tasks == i + 1);
    CHECK(counts[static_cast<std::size_t>(i)].threshold == 3);
  }
  int ooms = 0;
  for (const auto& e : exits)
    if (e.cause == observe::ContainerExitCause::oom_killed && e.exit_code == 137 &&
        e.reason == "OutOfMemoryError: Container killed due to memory usage")
      ++ooms;
  CHECK(ooms == 3);
  CHECK(run.result.metrics.oom_kills == 3);
  // Tens of seconds after the container started: RUNNING at ~28 s, killed at ~42 s after launch.
  const auto launched = of_kind<observe::TaskLaunched>(run);
  REQUIRE(launched.size() >= 2);
  const auto oom = std::find_if(exits.begin(), exits.end(), [](const auto& e) { return e.exit_code == 137; });
  REQUIRE(oom != exits.end());
  const auto first_kill = oom->at - launched.front().at;
  CHECK(first_kill > sim::seconds(20));
  CHECK(first_kill < sim::seconds(90));
  REQUIRE(run.result.metrics.time_to_outcome);
  CHECK(*run.result.metrics.time_to_outcome < sim::minutes(6));
}

TEST_CASE("seed 000: with 512 MiB the same deploy completes") {
  // Given the seed 000 service with a 512 MiB limit, when it deploys, then it COMPLETES, no OOM.
  const auto run = run_traced(library_scenario("scenarios/incidents/000-fixed-512mb.json"));
  CHECK(run.result.outcome == Outcome::completed);
  CHECK(run.result.metrics.oom_kills == 0);
  CHECK(run.result.metrics.failed_tasks == 0);
}

TEST_CASE("seed 000: without the OPENAI_API_KEY secret the process exits 1 and the breaker rolls back") {
  // Given task definition 27 without the secret the app reads, when it deploys, then each task
  // exits 1 (EssentialContainerExited) and the third failure rolls the service back.
  const auto run = run_traced(library_scenario("scenarios/incidents/000-missing-openai-key.json"));
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(run.result.metrics.failed_tasks == 3);
  for (const auto& e : of_kind<observe::ContainerExited>(run))
    if (e.exit_code != 0) CHECK(e.exit_code == 1);
}

TEST_CASE("seed 004: a wget-less health check with the breaker off loops until the horizon") {
  // Given a CMD-SHELL wget check in an image without wget, min 100 / max 200 and the breaker off,
  // when it deploys, then the run is STUCK at the horizon with two tasks alive and failures growing.
  // Source: seeds/004; ecs-rules §5 (missing probe binary fails every probe).
  const auto scenario = library_scenario("scenarios/incidents/004-wget-loop-breaker-off.json");
  const auto run = run_traced(scenario);
  CHECK(run.result.outcome == Outcome::stuck);
  CHECK(run.result.ended_at == scenario.horizon);
  CHECK(tasks_alive_at_end(run) == 2);
  CHECK(run.result.metrics.failed_tasks >= 20);
  CHECK(of_kind<observe::BreakerCounted>(run).empty());
  // The old task is never stopped: only failed new tasks are.
  for (const auto& e : of_kind<observe::StopRequested>(run)) {
    CHECK(e.cause == sim::ecs::StopCause::container_health_failed);
    CHECK(e.reason == "Task failed container health checks");
  }
}

TEST_CASE("seed 004: the same deploy with the breaker on rolls back on the third replaced task") {
  // Given the seed 004 deploy with deploymentCircuitBreaker enable+rollback, when it deploys,
  // then the third task replaced for failed container health checks trips the breaker.
  const auto run = run_traced(library_scenario("scenarios/incidents/004-wget-loop-breaker-on.json"));
  CHECK(run.result.outcome == Outcome::rolled_back);
  CHECK(run.result.metrics.failed_tasks == 3);
  CHECK(of_kind<observe::BreakerCounted>(run).back().failed_tasks == 3);
}
