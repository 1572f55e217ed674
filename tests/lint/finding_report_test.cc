#include "harness/lint/finding_report.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace harness::lint {
namespace {

const Finding kError{Severity::error, "memory-below-peak",
                     "/taskDefinitions/1/containerDefinitions/0/memory",
                     "128 MiB is below the app's peak of 253 MiB", "seed 000: OOM kills at 128 MB", "", ""};
const Finding kWarning{Severity::warning, "breaker-disabled",
                       "/service/deploymentConfiguration/deploymentCircuitBreaker/enable",
                       "the deployment circuit breaker is disabled", "seed 004: a loop", "", ""};

TEST_CASE("the text report prints one line per finding and counts them by severity", "[lint]") {
  std::ostringstream out;
  print_findings(out, {kError, kWarning}, "web.json (deploying web:2)");
  CHECK(out.str() ==
        "error memory-below-peak at /taskDefinitions/1/containerDefinitions/0/memory: 128 MiB is "
        "below the app's peak of 253 MiB — seed 000: OOM kills at 128 MB\n"
        "warning breaker-disabled at /service/deploymentConfiguration/deploymentCircuitBreaker/"
        "enable: the deployment circuit breaker is disabled — seed 004: a loop\n"
        "lint: 1 error, 1 warning in web.json (deploying web:2)\n");
}

TEST_CASE("the text report says so when there is nothing to report", "[lint]") {
  std::ostringstream out;
  print_findings(out, {}, "web.json (deploying web:2)");
  CHECK(out.str() == "lint: no findings in web.json (deploying web:2)\n");
}

TEST_CASE("the JSON report is an array of findings with every field", "[lint]") {
  const nlohmann::json json = findings_json({kError});
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 1);
  CHECK(json[0] == nlohmann::json{{"severity", "error"},
                                  {"rule", "memory-below-peak"},
                                  {"pointer", "/taskDefinitions/1/containerDefinitions/0/memory"},
                                  {"message", "128 MiB is below the app's peak of 253 MiB"},
                                  {"why", "seed 000: OOM kills at 128 MB"}});
  CHECK(findings_json({}) == nlohmann::json::array());
}

TEST_CASE("only errors fail the lint", "[lint]") {
  CHECK(has_errors({kWarning, kError}));
  CHECK_FALSE(has_errors({kWarning}));
  CHECK_FALSE(has_errors({}));
}

}  // namespace
}  // namespace harness::lint
