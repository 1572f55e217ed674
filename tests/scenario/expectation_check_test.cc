// Checking a run against "expect": one readable line per unmet expectation.
#include "harness/scenario/expectation_check.h"

#include <catch2/catch.hpp>

namespace harness::scenario {
namespace {

using sim::observe::Outcome;

// A rollback after 3 failed, OOM-killed tasks, 185 s after the deploy started.
sim::observe::RunResult oom_rollback() {
  sim::observe::RunResult result;
  result.outcome = Outcome::rolled_back;
  result.metrics.time_to_detect = sim::Millis{41652};
  result.metrics.time_to_outcome = sim::Millis{184876};
  result.metrics.failed_tasks = 3;
  result.metrics.oom_kills = 3;
  result.metrics.tasks_launched = 4;
  result.metrics.below_desired_healthy = sim::Millis{184876};
  result.metrics.zero_healthy = sim::Millis{184876};
  return result;
}

}  // namespace

TEST_CASE("a run that meets every bound has no unmet expectations", "[scenario]") {
  // Given the outcome and bounds the run satisfies, ends included, then nothing is reported.
  sim::model::Expectations expect;
  expect.outcome = Outcome::rolled_back;
  expect.time_to_outcome.max = sim::seconds(360);
  expect.time_to_detect = {sim::seconds(20), sim::seconds(90)};
  expect.failed_tasks = {3, 3};
  expect.oom_kills.min = 3;
  expect.tasks_launched.max = 4;
  expect.zero_healthy.min = sim::seconds(60);
  CHECK(unmet_expectations(expect, oom_rollback()).empty());
}

TEST_CASE("only the outcome is checked when no bound is set", "[scenario]") {
  sim::model::Expectations expect;
  expect.outcome = Outcome::completed;
  CHECK(unmet_expectations(expect, oom_rollback()) ==
        std::vector<std::string>{"outcome: expected COMPLETED, got ROLLED_BACK"});
}

TEST_CASE("each unmet bound reads as metric, expected range and what the run gave", "[scenario]") {
  // Given bounds the run misses on both sides, then one line each, in the section's order.
  sim::model::Expectations expect;
  expect.outcome = Outcome::rolled_back;
  expect.time_to_outcome.max = sim::seconds(120);
  expect.time_to_detect.min = sim::seconds(60);
  expect.failed_tasks = {2, 2};
  expect.oom_kills = {0, 1};
  expect.tasks_launched.min = 5;
  expect.below_desired_healthy.max = sim::seconds(0);
  expect.zero_healthy.max = sim::Millis{500};
  CHECK(unmet_expectations(expect, oom_rollback()) ==
        std::vector<std::string>{
            "time to outcome: expected at most 120 s, got 184.876 s",
            "time to detect: expected at least 60 s, got 41.652 s",
            "failed tasks: expected exactly 2, got 3",
            "OOM kills: expected between 0 and 1, got 3",
            "tasks launched: expected at least 5, got 4",
            "time below desired healthy: expected at most 0 s, got 184.876 s",
            "time with no healthy task: expected at most 0.500 s, got 184.876 s",
        });
}

TEST_CASE("a time bound on a time the run never produced is unmet, with the reason", "[scenario]") {
  // Given a deploy STUCK with no failed task, when the scenario expected a detection and an
  // outcome, then both say "none" and why, after the outcome line.
  sim::observe::RunResult stuck;
  stuck.outcome = Outcome::stuck;
  sim::model::Expectations expect;
  expect.outcome = Outcome::rolled_back;
  expect.time_to_outcome.max = sim::minutes(10);
  expect.time_to_detect.max = sim::minutes(5);
  CHECK(unmet_expectations(expect, stuck) ==
        std::vector<std::string>{
            "outcome: expected ROLLED_BACK, got STUCK",
            "time to outcome: expected at most 600 s, got none (no outcome by the end of the run)",
            "time to detect: expected at most 300 s, got none (no task of the deployment failed)",
        });
}

}  // namespace harness::scenario
