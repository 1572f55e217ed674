#include "harness/lint/source_map.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

std::string first_pointer(const nlohmann::json& scenario, std::string_view rule) {
  const std::vector<Finding> found = lint_rule(scenario, rule);
  return found.empty() ? "(none)" : found.front().pointer;
}

TEST_CASE("findings in a describe-services answer point inside services[0]", "[lint]") {
  // Given the service pasted as {"services": [...]}, then service fields are under it.
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["deploymentConfiguration"]["deploymentCircuitBreaker"]["enable"] = false;
  scenario["service"] = {{"services", {scenario["service"]}},
                         {"failures", nlohmann::json::array()}};
  CHECK(first_pointer(scenario, "breaker-disabled") ==
        "/service/services/0/deploymentConfiguration/deploymentCircuitBreaker/enable");
}

TEST_CASE("findings in a describe-target-groups answer point inside TargetGroups[0]", "[lint]") {
  nlohmann::json scenario = clean_scenario();
  scenario["targetGroup"]["HealthCheckPath"] = "/live";
  scenario["targetGroup"] = {{"TargetGroups", {scenario["targetGroup"]}}};
  CHECK(first_pointer(scenario, "shallow-health-path") ==
        "/targetGroup/TargetGroups/0/HealthCheckPath");
}

TEST_CASE("findings in a describe-task-definition answer point inside taskDefinition", "[lint]") {
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario)["memory"] = 128;
  scenario["taskDefinitions"][1] = {{"taskDefinition", scenario["taskDefinitions"][1]},
                                    {"tags", nlohmann::json::array()}};
  CHECK(first_pointer(scenario, "memory-below-peak") ==
        "/taskDefinitions/1/taskDefinition/containerDefinitions/0/memory");
}

TEST_CASE("an app whose image has a slash is addressed with ~1", "[lint]") {
  // Given image "repo/web:2" (RFC 6901 escapes "/" in a key), then the pointer reads ~1.
  nlohmann::json scenario = clean_scenario();
  scenario["apps"]["repo/web:2"] = deployed_app(scenario);
  scenario["apps"]["repo/web:2"]["bindAddress"] = "127.0.0.1";
  deployed_container(scenario)["image"] = "repo/web:2";
  CHECK(first_pointer(scenario, "bind-localhost-with-lb") == "/apps/repo~1web:2/bindAddress");
}

TEST_CASE("a finding in a $file task definition points at the reference and names the file",
          "[lint]") {
  // Given web:2 in its own file as describe-task-definition prints it, then the pointer is the
  // {"$file": ...} element and the message says where inside the file.
  const std::filesystem::path dir =
      std::filesystem::path(DEPLOYSIM_BINARY_DIR) / "tests" / "lint" / "source_map_file";
  std::filesystem::create_directories(dir);
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario)["memory"] = 128;
  std::ofstream(dir / "web-2.json")
      << nlohmann::json{{"taskDefinition", scenario["taskDefinitions"][1]}};
  scenario["taskDefinitions"][1] = {{"$file", "web-2.json"}};
  std::ofstream(dir / "scenario.json") << scenario;

  const std::string path = (dir / "scenario.json").string();
  const harness::scenario::Loaded loaded = harness::scenario::load_scenario_file(path);
  const std::vector<Finding> found =
      by_rule(lint(loaded.scenario, SourceMap(harness::scenario::Document::from_file(path))),
              "memory-below-peak");
  REQUIRE(found.size() == 1);
  CHECK(found.front().pointer == "/taskDefinitions/1");
  CHECK_THAT(
      found.front().message,
      Catch::EndsWith("(in $file web-2.json at /taskDefinition/containerDefinitions/0/memory)"));
}

TEST_CASE("a default SourceMap describes a scenario built in code", "[lint]") {
  // Given no document, then pointers follow the plain layout.
  const SourceMap plain;
  CHECK(plain.container(1, 0, "/memory").pointer ==
        "/taskDefinitions/1/containerDefinitions/0/memory");
  CHECK(plain.container(1, 0, "/memory").note.empty());
  CHECK(plain.service("/desiredCount").pointer == "/service/desiredCount");
  CHECK(plain.target_group("/HealthCheckPath").pointer == "/targetGroup/HealthCheckPath");
}

}  // namespace
}  // namespace harness::lint
