#include "harness/readers/terraform_plan.h"

#include <catch2/catch.hpp>

#include "harness/readers/config_reader.h"

using harness::readers::ReadOptions;
using harness::readers::read_terraform;
using harness::readers::SourceText;

namespace {

std::string fixture(const std::string& name) {
  return std::string(DEPLOYSIM_SOURCE_DIR) + "/tests/readers/terraform/" + name;
}

}  // namespace

TEST_CASE("a module-nested plan gives the service by its address, what runs (before) and what deploys (after)") {
  const auto sections = read_terraform(SourceText::from_file(fixture("module-breaker-off.plan.json")), ReadOptions{});
  CHECK(sections.service["serviceName"] == "api");
  CHECK(sections.service["deploymentConfiguration"]["deploymentCircuitBreaker"]["enable"] == false);
  REQUIRE(sections.running_task_definition);
  CHECK((*sections.running_task_definition)["revision"] == 41);
  CHECK(sections.deployed_task_definition["revision"] == 42);
  CHECK(sections.deployed_task_definition["containerDefinitions"][0]["image"] ==
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.9.0");
  REQUIRE(sections.target_group);
  CHECK((*sections.target_group)["HealthCheckPath"] == "/healthz");
  CHECK((*sections.target_group)["DeregistrationDelaySeconds"] == 60);
  // The breaker's origin is the plan's own position, with the module address.
  const auto placed = sections.origins.place("/service/deploymentConfiguration/deploymentCircuitBreaker/enable");
  REQUIRE(placed);
  CHECK(placed->describe() == fixture("module-breaker-off.plan.json") + ":207:25 (module.api.aws_ecs_service.this)");
  CHECK(placed->source_pointer == "/resource_changes/0/change/after/deployment_circuit_breaker/0/enable");
}

TEST_CASE("values unknown until apply are reported, not guessed silently") {
  const auto sections = read_terraform(SourceText::from_file(fixture("create-unknown-values.plan.json")), ReadOptions{});
  CHECK_FALSE(sections.running_task_definition);
  bool revision_noted = false;
  for (const std::string& note : sections.notes)
    revision_noted = revision_noted || note.find("aws_ecs_task_definition.api.revision is unknown until apply") != std::string::npos;
  CHECK(revision_noted);
}

TEST_CASE("the state's values are read like a plan's") {
  const auto sections = read_terraform(SourceText::from_file(fixture("state.json")), ReadOptions{});
  CHECK(sections.service["desiredCount"] == 2);
  CHECK(sections.deployed_task_definition["revision"] == 41);
  CHECK(harness::readers::detect_format(fixture("state.json"), ReadOptions{}) == harness::readers::ConfigFormat::terraform);
}
