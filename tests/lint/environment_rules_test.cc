#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("missing-env flags a secret the app reads that the task definition lacks", "[lint]") {
  // Given seed 000's OPENAI_API_KEY story, when API_KEY is not among the secrets, then one error
  // at the container names the variable, the phase and what the app does without it.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario).erase("secrets");
  const Finding found = single_finding(scenario, "missing-env");
  CHECK(headline(found) == "error missing-env at /taskDefinitions/1/containerDefinitions/0");
  CHECK(found.message ==
        "API_KEY is read by web:2 in phase \"load config\" but container \"app\" has it in "
        "neither environment nor secrets; the app exits with code 1");
  CHECK_THAT(found.why, Catch::StartsWith("seed 000:"));
}

TEST_CASE("missing-env says a stalling app never listens", "[lint]") {
  // Given seed 001's partial start-up (onMissing stall), when DB_URL is missing, then the message
  // says the app stalls.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario).erase("environment");
  deployed_app(scenario)["phases"][0]["onMissing"] = "stall";
  CHECK_THAT(single_finding(scenario, "missing-env").message,
             Catch::EndsWith("the app stalls there and never listens"));
}

TEST_CASE("missing-env stays silent when environment and secrets hold every name read", "[lint]") {
  CHECK(lint_rule(clean_scenario(), "missing-env").empty());
}

TEST_CASE("unreadable-secret flags a secret ECS cannot fetch at its place in secrets", "[lint]") {
  // Given seed 002's unreadable secret, then one error points at the container's secret entry.
  nlohmann::json scenario = clean_scenario();
  scenario["unreadableSecrets"] = {"API_KEY"};
  const Finding found = single_finding(scenario, "unreadable-secret");
  CHECK(headline(found) ==
        "error unreadable-secret at /taskDefinitions/1/containerDefinitions/0/secrets/0");
  CHECK_THAT(found.why, Catch::StartsWith("seed 002:"));
  CHECK(lint_rule(clean_scenario(), "unreadable-secret").empty());
}

}  // namespace
}  // namespace harness::lint
