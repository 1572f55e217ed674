#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("health-check-binary-missing flags a check calling a binary the image lacks", "[lint]") {
  // Given seed 004's Alpine image with only sh, when the check runs curl, then one error points
  // at the command and lists what the image ships.
  nlohmann::json scenario = clean_scenario();
  deployed_app(scenario)["binaries"] = {"sh"};
  const Finding found = single_finding(scenario, "health-check-binary-missing");
  CHECK(headline(found) ==
        "error health-check-binary-missing at "
        "/taskDefinitions/1/containerDefinitions/0/healthCheck/command");
  CHECK(found.message ==
        "the health check of container \"app\" needs sh and curl but image web:2 ships sh: every "
        "probe fails");
  CHECK_THAT(found.why, Catch::StartsWith("seed 004:"));
}

TEST_CASE("health-check-binary-missing flags a CMD-SHELL check in an image without a shell",
          "[lint]") {
  // Given an image with curl but no sh, then the CMD-SHELL check cannot run.
  nlohmann::json scenario = clean_scenario();
  deployed_app(scenario)["binaries"] = {"curl"};
  REQUIRE(lint_rule(scenario, "health-check-binary-missing").size() == 1);
  // When the same probe is exec-form CMD, then curl alone is enough.
  deployed_container(scenario)["healthCheck"]["command"] = {"CMD", "curl", "-f",
                                                            "http://localhost:8080/live"};
  CHECK(lint_rule(scenario, "health-check-binary-missing").empty());
}

TEST_CASE("health-check-binary-missing stays silent when the image ships the binary", "[lint]") {
  CHECK(lint_rule(clean_scenario(), "health-check-binary-missing").empty());
}

}  // namespace
}  // namespace harness::lint
