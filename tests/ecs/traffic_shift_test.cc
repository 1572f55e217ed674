#include "sim/ecs/traffic_shift.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

model::DeploymentConfiguration config_for(model::DeploymentStrategy strategy) {
  model::DeploymentConfiguration config;
  config.strategy = strategy;
  config.bake_time = minutes(10);
  return config;
}

TEST_CASE("blue/green shifts all production traffic at once, then bakes") {
  // Given BLUE_GREEN with a 10 min bake, then the plan is one shift to 100 % and a 10 min bake.
  // Source: ecs-rules §3.2 (all-at-once production shift, then bake).
  const auto steps = production_shift_steps(config_for(model::DeploymentStrategy::blue_green));
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].green_basis_points == 10'000);
  CHECK(steps[0].wait_after == minutes(10));
}

TEST_CASE("canary shifts its percent, waits the canary bake, then shifts the rest") {
  // Given CANARY with the defaults (5 %, 10 min), then 5 % for 10 min, then 100 % and the bake.
  // Source: ecs-rules §3.2 (API_CanaryConfiguration defaults; two shifts).
  const auto steps = production_shift_steps(config_for(model::DeploymentStrategy::canary));
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].green_basis_points == 500);
  CHECK(steps[0].wait_after == minutes(10));
  CHECK(steps[1].green_basis_points == 10'000);
}

TEST_CASE("linear at 10 % shifts ten times, waiting between steps and not after 100 %") {
  // Given LINEAR with the defaults (10 %, 6 min), then 10, 20 ... 90 % each followed by 6 min,
  // then 100 % followed by the bake: 9 step waits (100/10 - 1, CloudFormation's formula).
  // Source: ecs-rules §3.2 (API_LinearConfiguration; wait between steps, not after 100 %).
  const auto steps = production_shift_steps(config_for(model::DeploymentStrategy::linear));
  REQUIRE(steps.size() == 10);
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
    CHECK(steps[i].green_basis_points == static_cast<int>(i + 1) * 1000);
    CHECK(steps[i].wait_after == minutes(6));
  }
  CHECK(steps.back().green_basis_points == 10'000);
  CHECK(steps.back().wait_after == minutes(10));
}

TEST_CASE("rolling deployments have no traffic shifts") {
  CHECK(production_shift_steps(config_for(model::DeploymentStrategy::rolling)).empty());
}

}  // namespace
}  // namespace sim::ecs
