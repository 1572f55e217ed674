// "timeline": UpdateService calls over time (harness/scenario/timeline_reader.cc; ecs-rules §12).
#include <catch2/catch.hpp>

#include <string>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// Three revisions; `timeline` and `extra` are spliced in as top-level members.
std::string with_timeline(const std::string& timeline, const std::string& extra = "") {
  return R"({
  "service": {"serviceName": "web", "cluster": "prod", "desiredCount": 2,
              "deploymentConfiguration": {"minimumHealthyPercent": 50, "maximumPercent": 200}},
  "taskDefinitions": [
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:3"}]}
  ],
  "apps": {"web:1": {}, "web:2": {}, "web:3": {}},)" +
         extra + R"(
  "timeline": )" + timeline + "\n}";
}

}  // namespace

TEST_CASE("without deploy, the timeline's last deployment is the one under test", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_timeline(R"([
    {"atSeconds": 0, "updateService": {"service": "web", "taskDefinition": "web:2"}},
    {"atSeconds": 60, "updateService": {"service": "arn:aws:ecs:us-east-1:1:service/prod/web", "desiredCount": 4}},
    {"atSeconds": 120, "updateService": {"service": "web", "taskDefinition": "web:3", "desiredCount": 3,
                                         "deploymentConfiguration": {"maximumPercent": 150}}}
  ])"), "t.json");
  const sim::model::Scenario& s = loaded.scenario;
  CHECK(s.deploy.to_task_definition == 2);
  CHECK(s.deploy.at == sim::seconds(120));
  REQUIRE(s.timeline.size() == 3);
  CHECK(s.timeline[0].task_definition == 1);
  CHECK(s.timeline[0].origin == "timeline[0]");
  CHECK(s.timeline[1].desired_count == 4);
  CHECK_FALSE(s.timeline[1].starts_deployment());
  // The last call's other members stay in the timeline, just before the deploy it starts.
  CHECK(s.timeline[2].desired_count == 3);
  CHECK_FALSE(s.timeline[2].starts_deployment());
  REQUIRE(s.timeline[2].deployment_configuration.has_value());
  CHECK(s.timeline[2].deployment_configuration->maximum_percent == 150);
  // UpdateService members left out keep their values: minimumHealthyPercent stays 50.
  CHECK(s.timeline[2].deployment_configuration->minimum_healthy_percent == 50);
}

TEST_CASE("forceNewDeployment without a task definition redeploys the one in force", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_timeline(R"([
    {"atSeconds": 0, "updateService": {"service": "web", "taskDefinition": "web:2"}},
    {"atSeconds": 600, "updateService": {"service": "web", "forceNewDeployment": true}}
  ])"), "t.json");
  CHECK(loaded.scenario.deploy.to_task_definition == 1);
  CHECK(loaded.scenario.deploy.at == sim::seconds(600));
  CHECK(loaded.scenario.timeline.size() == 1);
}

TEST_CASE("a timeline deployment at or after the deploy section is refused", "[scenario]") {
  CHECK(load_error(with_timeline(R"([
    {"atSeconds": 30, "updateService": {"service": "web", "taskDefinition": "web:3"}}
  ])", R"(
  "deploy": {"taskDefinition": "web:2", "atSeconds": 10},)")) ==
        "test.json:12:19: at /timeline/0/atSeconds: expected a time before deploy.atSeconds: \"deploy\" is the "
        "deployment under test and must be the last one started (or leave \"deploy\" out and the timeline's last "
        "deployment is the one under test), found 30");
}

TEST_CASE("timeline entries name the scenario's service, in time order, with known task definitions", "[scenario]") {
  CHECK(load_error(with_timeline(R"([{"atSeconds": 0, "updateService": {"service": "api", "desiredCount": 3}}])")) ==
        "test.json:10:62: at /timeline/0/updateService/service: expected the scenario's service \"web\", found \"api\"");
  CHECK(load_error(with_timeline(R"([
    {"atSeconds": 50, "updateService": {"service": "web", "desiredCount": 3}},
    {"atSeconds": 40, "updateService": {"service": "web", "desiredCount": 4}}])")) ==
        "test.json:12:19: at /timeline/1/atSeconds: expected a time no earlier than the entry before it (the "
        "timeline is in time order), found 40");
  CHECK(load_error(with_timeline(R"([{"atSeconds": 0, "updateService": {"service": "web", "taskDefinition": "web:9"}}])"))
            .find("at /timeline/0/updateService/taskDefinition: expected one of the task definitions") != std::string::npos);
  CHECK(load_error(with_timeline(R"([{"atSeconds": 0, "updateService": {"service": "web", "desiredCount": -1}}])"))
            .find("at /timeline/0/updateService/desiredCount: expected an integer 0-5000") != std::string::npos);
  CHECK(load_error(with_timeline(R"([{"at": 0, "updateService": {"service": "web"}}])"))
            .find("/timeline/0") != std::string::npos);
}
TEST_CASE("a check envelope may perturb the timeline; without a timeline that is an error", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_timeline(R"([
    {"atSeconds": 0, "updateService": {"service": "web", "taskDefinition": "web:2"}},
    {"atSeconds": 120, "updateService": {"service": "web", "taskDefinition": "web:3"}}
  ])", R"(
  "check": {"envelope": {"timelineShiftSeconds": 60, "desiredCountChange": 2},
            "intents": [{"name": "completes", "outcome": "COMPLETED"}]},)"), "t.json");
  REQUIRE(loaded.scenario.check.has_value());
  CHECK(loaded.scenario.check->envelope.max_timeline_shift == sim::seconds(60));
  CHECK(loaded.scenario.check->envelope.max_desired_count_change == 2);
  CHECK(load_error(R"({
  "service": {"serviceName": "web", "desiredCount": 2},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]},
                      {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]}],
  "apps": {"web:1": {}, "web:2": {}},
  "check": {"envelope": {"timelineShiftSeconds": 60}, "intents": [{"name": "c", "outcome": "COMPLETED"}]}
})") == "test.json:6:50: at /check/envelope/timelineShiftSeconds: expected 0 (the scenario has no \"timeline\" to "
        "perturb), found 60");
}

TEST_CASE("a steady-state run has no deployment for check to judge", "[scenario]") {
  CHECK(load_error(R"({
  "service": {"serviceName": "web", "desiredCount": 2},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "apps": {"web:1": {}},
  "deploy": "none",
  "check": {"intents": [{"name": "c", "outcome": "COMPLETED"}]}
})") == "test.json:6:12: at /check: expected no \"check\" section in a steady-state run (\"deploy\": \"none\"): "
        "deploysim check judges a deployment's outcome, and there is none; judge its figures with \"expect\", found a "
        "\"check\" section");
}

}  // namespace harness::scenario
