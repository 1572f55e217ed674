// `deploysim explain`: the causal chain read from a run, and the smallest change found by
// re-simulating candidates (harness/explain).
#include <catch2/catch.hpp>

#include "harness/explain/causal_chain.h"
#include "harness/explain/counterfactuals.h"
#include "sim/simulation.h"
#include "tests/support/run_helpers.h"

using harness::explain::causal_chain;
using harness::explain::goals_for;
using harness::explain::what_if;
using sim::observe::Outcome;

namespace {

struct Explained {
  std::string chain;  // every chapter's lines, joined
  harness::explain::WhatIf what_if;
};

Explained explain(const std::string& file) {
  const auto s = testsupport::library_scenario(file);
  sim::Simulation simulation(s);
  const auto r = simulation.run();
  Explained e;
  for (const auto& chapter : causal_chain(s, r, simulation.trace(), simulation.breaker_threshold()))
    for (const auto& line : chapter.lines) e.chain += line + "\n";
  e.what_if = what_if(s, goals_for(r.outcome, harness::explain::deployed_revision_was_broken(s, simulation.trace())));
  return e;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("explain on the 002 degraded-200 scenario says the target stays healthy and names the endpoint") {
  // Given seed 002's Redis URL without a scheme and a /health that answers 200 "degraded", when
  // explained, then no check failed, the degraded endpoint is named, and making it strict is the
  // change that turns the silent COMPLETED into a rollback.
  const Explained e = explain("scenarios/incidents/002-redis-no-scheme-degraded-200.json");
  CHECK(contains(e.chain, "No health check failed for the new tasks."));
  CHECK(contains(e.chain, "a \"degraded\" endpoint: it answers 200 even while the dependencies are down"));
  REQUIRE(e.what_if.goals == std::vector<Outcome>{Outcome::rolled_back});
  REQUIRE(e.what_if.smallest[0]);
  CHECK(contains(e.what_if.smallest[0]->change, "answers 503 while its dependencies are down"));
}

TEST_CASE("explain on seed 000 finds the memory limit as the smallest fix") {
  // Given the 128 MiB OOM loop, when explained, then the chain names the OOM kills and the
  // breaker's three counts, and raising memory is the smallest change that completes.
  const Explained e = explain("scenarios/incidents/000-oom-128mb.json");
  CHECK(contains(e.chain, "3 x the process exited 137 (OutOfMemoryError: Container killed due to memory usage), "
                          "alia-bot: memory reached the 128 MiB hard limit"));
  CHECK(contains(e.chain, "3 of 3"));
  REQUIRE(e.what_if.smallest[0]);
  CHECK(e.what_if.smallest[0]->outcome == Outcome::completed);
  CHECK(contains(e.what_if.smallest[0]->change, "memory 128 -> 512 MiB"));
}

TEST_CASE("explain on the seed 004 loop offers both the fix and the safety net") {
  // Given the wget loop with the breaker off (STUCK), when explained, then shipping the binary
  // completes and enabling the breaker rolls back; every candidate tried is listed.
  const Explained e = explain("scenarios/incidents/004-wget-loop-breaker-off.json");
  REQUIRE(e.what_if.goals == std::vector<Outcome>{Outcome::completed, Outcome::rolled_back});
  REQUIRE(e.what_if.smallest[0]);
  REQUIRE(e.what_if.smallest[1]);
  CHECK(contains(e.what_if.smallest[0]->change, "ship wget"));
  CHECK(contains(e.what_if.smallest[1]->change, "deploymentCircuitBreaker"));
  CHECK(e.what_if.tried.size() >= 4);
}

TEST_CASE("explain has nothing to change on a deploy that completed without a fault") {
  // Given seed 000 fixed with 512 MiB, when explained, then there is no goal and nothing is tried.
  const Explained e = explain("scenarios/incidents/000-fixed-512mb.json");
  CHECK(e.what_if.goals.empty());
  CHECK(e.what_if.tried.empty());
}

TEST_CASE("explain on a timeline names which UpdateService started each deployment, and the one under test") {
  // Given a bad deploy (timeline[0]) whose rollback is overtaken by a fix (the last call), when
  // explained, then the chain names each call, the deployment it started and how that ended, and
  // the breaker's counts name their deployment. Source: ecs-rules §12.
  const Explained e = explain("scenarios/examples/timeline-fix-during-rollback.json");
  CHECK(contains(e.chain, "timeline[0] at 0 s: UpdateService taskDefinition alia-bot:27 -> started ecs-svc/1; last "
                          "FAILED"));
  CHECK(contains(e.chain, "taskDefinition alia-bot:28 -> started ecs-svc/2, the deployment under test; last COMPLETED"));
  CHECK(contains(e.chain, ": ecs-svc/1 3 of 3 (task exited before it was healthy)"));
  // The new tasks are the fix's: they did not fail.
  CHECK(contains(e.chain, "Nothing: no new task stalled, exited or failed to start."));
  // The outcome is timed from the call under test; the figures say they are the episode's.
  CHECK(contains(e.chain, "COMPLETED at 218.105 s, 68.105 s after the deploy at 150 s started it."));
  CHECK(contains(e.chain, "Over the whole episode, from the first deployment at 0 s: 3 failed tasks"));
}

TEST_CASE("explain on a steady-state run says what ran and looks at every task") {
  // Given the Availability Zone loss (no deployment), when explained, then it says no deployment
  // ran, names the lost zone, and there is no outcome to change.
  const Explained e = explain("scenarios/examples/steady-state-az-lost.json");
  CHECK(contains(e.chain, "no deployment, a steady-state run judged by its figures."));
  CHECK(contains(e.chain, "Fault: Availability Zone us-east-1a lost at 300 s, taking no task for 600 s."));
  CHECK(contains(e.chain, "Availability Zone us-east-1a was lost at 300 s with 2 task(s) in it."));
  CHECK(e.what_if.goals.empty());
}

TEST_CASE("explain names Application Auto Scaling's desiredCount changes, which start no deployment") {
  // Given autoscaling that scales out into a failing revision (105), when explained, then the
  // scale-out is named with its policy and said to start no deployment. Source: ecs-rules §13.
  const Explained e = explain("scenarios/incidents/105-autoscaling-feeds-failing-revision.json");
  CHECK(contains(e.chain, "Application Auto Scaling at 300 s: desiredCount 4 -> 10 (policy orders-cpu45"));
  CHECK(contains(e.chain, "); no new deployment."));
}
