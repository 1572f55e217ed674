#include "harness/lint/lint.h"

#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("the fixed scenario every rule test starts from lints clean", "[lint]") {
  // Given the fixture, then no rule fires: each rule test's silence is the fixture's.
  const std::vector<Finding> found = lint_json(clean_scenario());
  for (const Finding& finding : found) {
    INFO(finding.rule << " at " << finding.pointer << ": " << finding.message);
    CHECK(finding.rule.empty());
  }
  CHECK(found.empty());
}

TEST_CASE("findings come errors first, then warnings", "[lint]") {
  // Given the breaker off (a warning), a 128 MiB limit and deadlocking bounds (errors found
  // before and after it), then both errors lead, each severity in rule order.
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["deploymentConfiguration"]["deploymentCircuitBreaker"]["enable"] = false;
  deployed_container(scenario)["memory"] = 128;
  scenario["service"]["deploymentConfiguration"]["maximumPercent"] = 100;
  const std::vector<Finding> found = lint_json(scenario);
  std::vector<std::string> rules;
  for (const Finding& finding : found) rules.push_back(finding.rule);
  CHECK(rules ==
        std::vector<std::string>{"memory-below-peak", "deadlock-bounds", "breaker-disabled"});
}

TEST_CASE("lint checks the deployed revision, not the running one", "[lint]") {
  // Given the running web:1 with 128 MiB and the deployed web:2 with 512 MiB, then nothing is
  // reported: the running revision is what the deploy replaces.
  nlohmann::json scenario = clean_scenario();
  scenario["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = 128;
  CHECK(lint_rule(scenario, "memory-below-peak").empty());
}

}  // namespace
}  // namespace harness::lint
