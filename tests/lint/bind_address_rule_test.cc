#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("bind-localhost-with-lb flags the balanced app listening on 127.0.0.1", "[lint]") {
  // Given seed 003's app bound to localhost behind a load balancer, then an error points at the
  // profile's bindAddress.
  nlohmann::json scenario = clean_scenario();
  deployed_app(scenario)["bindAddress"] = "127.0.0.1";
  const Finding found = single_finding(scenario, "bind-localhost-with-lb");
  CHECK(headline(found) == "error bind-localhost-with-lb at /apps/web:2/bindAddress");
  CHECK_THAT(found.why, Catch::StartsWith("seed 003:"));
}

TEST_CASE("bind-localhost-with-lb stays silent on 0.0.0.0 or without a load balancer", "[lint]") {
  // Given 127.0.0.1 but no load balancer, only in-container checks reach the app: they can.
  CHECK(lint_rule(clean_scenario(), "bind-localhost-with-lb").empty());
  nlohmann::json scenario = clean_scenario();
  deployed_app(scenario)["bindAddress"] = "127.0.0.1";
  without_load_balancer(scenario);
  CHECK(lint_rule(scenario, "bind-localhost-with-lb").empty());
}

}  // namespace
}  // namespace harness::lint
