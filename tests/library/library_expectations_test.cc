// Every scenario of the library states what its run must show, and shows it (Scenarios issue:
// "ctest runs every library scenario and checks its expect; a change that alters an outcome must
// change the scenario on purpose").
#include <catch2/catch.hpp>
#include <sstream>

#include "harness/scenario/expectation_check.h"
#include "tests/support/run_helpers.h"

TEST_CASE("every library scenario has an expect section and its run meets it") {
  // Given each *.json under scenarios/, when it runs with its own seed, then it has an "expect"
  // and harness::scenario::unmet_expectations finds nothing; a failure names the file and lists
  // each unmet line as `deploysim run` would.
  const std::vector<std::string> files = testsupport::library_files();
  REQUIRE(files.size() >= 10);
  for (const std::string& file : files) {
    INFO(file);
    const sim::model::Scenario scenario = testsupport::library_scenario(file);
    REQUIRE(scenario.expect.has_value());
    const auto run = testsupport::run_traced(scenario);
    std::ostringstream unmet;
    for (const std::string& line : harness::scenario::unmet_expectations(*scenario.expect, run.result))
      unmet << "\n  " << line;
    INFO("unmet:" << unmet.str());
    CHECK(unmet.str().empty());
  }
}

TEST_CASE("every library scenario tells its story and names its source") {
  // Given each *.json under scenarios/, then description, story and source are all written: the
  // library is read by people choosing settings, not only by ctest.
  for (const std::string& file : testsupport::library_files()) {
    INFO(file);
    const sim::model::Scenario scenario = testsupport::library_scenario(file);
    CHECK_FALSE(scenario.description.empty());
    CHECK_FALSE(scenario.story.empty());
    CHECK_FALSE(scenario.provenance.empty());
  }
}
