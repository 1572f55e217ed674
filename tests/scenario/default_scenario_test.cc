#include "harness/scenario/default_scenario.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "harness/scenario/scenario_loader.h"

namespace harness::scenario {

TEST_CASE("the compiled-in default scenario is byte for byte scenarios/examples/default.json",
          "[scenario]") {
  std::ifstream file(DEPLOYSIM_SOURCE_DIR "/scenarios/examples/default.json", std::ios::binary);
  REQUIRE(file);
  std::ostringstream content;
  content << file.rdbuf();
  CHECK(content.str() == std::string(default_scenario_json()));
}

TEST_CASE("the default scenario loads as a rolling deploy of checkout:8 that can roll back",
          "[scenario]") {
  // Given the built-in text, when loaded, then it holds the story its description tells.
  const Loaded loaded = load_scenario_text(default_scenario_json(), "default.json");
  const sim::model::Scenario& scenario = loaded.scenario;
  CHECK(loaded.ignored.empty());
  CHECK(scenario.service.name == "checkout");
  CHECK(scenario.service.desired_count == 2);
  CHECK(scenario.service.deployment.minimum_healthy_percent == 100);
  CHECK(scenario.service.deployment.maximum_percent == 200);
  CHECK(scenario.service.deployment.circuit_breaker.enable);
  CHECK(scenario.service.deployment.circuit_breaker.rollback);
  CHECK(scenario.service.health_check_grace_period == sim::seconds(60));
  REQUIRE(scenario.service.load_balancer.has_value());
  CHECK(scenario.service.load_balancer->interval == sim::seconds(10));
  CHECK(scenario.service.load_balancer->healthy_threshold == 2);
  CHECK(scenario.service.load_balancer->unhealthy_threshold == 2);
  CHECK(scenario.service.load_balancer->path == "/health/ready");
  CHECK(scenario.service.load_balancer->deregistration_delay == sim::seconds(30));
  CHECK(scenario.task_definitions[scenario.initial_task_definition].arn_name() == "checkout:7");
  const auto& deployed = scenario.task_definitions[scenario.deploy.to_task_definition];
  CHECK(deployed.arn_name() == "checkout:8");

  // The stale-config class of seed 001: 1.8 reads REDIS_URL, which checkout:8 does not pass.
  const sim::model::AppProfile& app = scenario.apps.at(deployed.containers[0].image);
  CHECK(app.phases[0].reads == std::vector<std::string>{"REDIS_URL"});
  CHECK(app.phases[0].on_missing == sim::model::OnMissing::stall);
  CHECK(deployed.containers[0].environment.count("REDIS_URL") == 0);
  sim::Millis healthy_startup{0};
  for (const auto& phase : scenario.apps.at("checkout:1.7").phases)
    healthy_startup += phase.duration;
  CHECK(healthy_startup == sim::seconds(15));
}

}  // namespace harness::scenario
