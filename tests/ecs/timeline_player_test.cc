// The scenario's calls as both worlds play them (sim/ecs/timeline_player.h): their order, the
// deploy under test among them, steady-state runs, and the outcome at the end.
#include <catch2/catch.hpp>

#include <optional>

#include "sim/ecs/timeline_player.h"
#include "tests/support/controller_harness.h"
#include "tests/support/two_revisions.h"

using sim::seconds;
using sim::model::Scenario;
using sim::model::ServiceUpdate;
using sim::observe::Outcome;
using testsupport::Harness;

namespace {

ServiceUpdate call_at(sim::Millis at, const char* origin, std::optional<int> desired = std::nullopt) {
  ServiceUpdate u;
  u.at = at;
  u.origin = origin;
  u.desired_count = desired;
  return u;
}

}  // namespace

TEST_CASE("calls are played in time order, the deploy after the timeline's calls of its instant") {
  // Given a timeline written out of order and a deploy at 10 s, when the player plans them,
  // then they come in time order, and at 10 s the timeline's call goes before the deploy.
  Scenario s = testsupport::two_revisions(2);
  s.timeline = {call_at(seconds(30), "timeline[0]", 3), call_at(seconds(10), "timeline[1]", 4)};
  s.deploy.at = seconds(10);
  s.deploy.to_task_definition = 1;
  Harness h(s);
  const sim::ecs::TimelinePlayer player(h.scenario, h.controller);
  REQUIRE(player.calls().size() == 3);
  CHECK(player.calls()[0].origin == "timeline[1]");
  CHECK(player.calls()[1].origin == "deploy");
  CHECK(player.calls()[1].task_definition == 1);
  CHECK(player.calls()[1].at == seconds(10));
  CHECK(player.calls()[2].origin == "timeline[0]");
  CHECK_FALSE(player.all_played());
}

TEST_CASE("the run's outcome waits for every call, and is the last deployment's") {
  // Given a deploy at 0 s and a desiredCount change at 60 s, when only the deploy is played and
  // its deployment completes, then not every call is played; once the second is, all are.
  Scenario s = testsupport::two_revisions(1);
  s.timeline = {call_at(seconds(60), "timeline[0]", 2)};
  Harness h(s);
  h.start_service();
  sim::ecs::TimelinePlayer player(h.scenario, h.controller);
  REQUIRE(player.calls().size() == 2);
  player.play(0);
  CHECK(h.controller.deployment_under_test().has_value());
  CHECK_FALSE(player.all_played());
  CHECK(player.outcome() == Outcome::stuck);  // no terminal state yet
  player.play(1);
  CHECK(player.all_played());
  CHECK(h.controller.service().desired_count == 2);
}

TEST_CASE("a steady-state run has no deploy among its calls and ends STEADY_STATE") {
  // Given "deploy": "none" and one desiredCount change, when the player plans and plays it,
  // then it is the only call and, with no deployment started, the outcome is STEADY_STATE.
  Scenario s = testsupport::two_revisions(1);
  s.deploy.none = true;
  s.timeline = {call_at(seconds(20), "timeline[0]", 2)};
  Harness h(s);
  h.start_service();
  sim::ecs::TimelinePlayer player(h.scenario, h.controller);
  REQUIRE(player.calls().size() == 1);
  CHECK(player.calls()[0].origin == "timeline[0]");
  player.play(0);
  CHECK(player.all_played());
  CHECK(player.outcome() == Outcome::steady_state);
}
