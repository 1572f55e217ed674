#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("image-not-built flags a revision whose images are the running ones", "[lint]") {
  // Given seed 001's stale tag, when web:2's container names the running image web:1, then a
  // warning points at the image.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario)["image"] = "web:1";
  const Finding found = single_finding(scenario, "image-not-built");
  CHECK(headline(found) ==
        "warning image-not-built at /taskDefinitions/1/containerDefinitions/0/image");
  CHECK(found.message ==
        "web:2 runs the same image as the running web:1 (web:1): if new code was built, its tag "
        "is not in this task definition");
  CHECK_THAT(found.why, Catch::StartsWith("seed 001:"));
}

TEST_CASE("image-not-built stays silent for a new image or a redeploy of the running revision",
          "[lint]") {
  CHECK(lint_rule(clean_scenario(), "image-not-built").empty());
  nlohmann::json scenario = clean_scenario();
  scenario["deploy"] = {{"taskDefinition", "web:1"}};
  CHECK(lint_rule(scenario, "image-not-built").empty());
}

}  // namespace
}  // namespace harness::lint
