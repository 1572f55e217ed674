#include "harness/scenario/scenario_error.h"

#include <catch2/catch.hpp>

namespace harness::scenario {

TEST_CASE("a scenario error reads file, line:column, pointer, expected and found", "[scenario]") {
  // Given every part, when formatted, then they appear in the documented order.
  const ScenarioError error("web.json", "/service/desiredCount", "an integer 0-5000", "\"two\"", 4,
                            20);
  CHECK(std::string(error.what()) ==
        "web.json:4:20: at /service/desiredCount: expected an integer 0-5000, found \"two\"");
  CHECK(error.json_pointer == "/service/desiredCount");
  CHECK(error.line == 4);
}

TEST_CASE("a scenario error leaves out the position when it is unknown", "[scenario]") {
  // Given no line, then no ":line:col"; given no pointer, then no "at".
  CHECK(std::string(ScenarioError("web.json", "/seed", "an integer", "true").what()) ==
        "web.json: at /seed: expected an integer, found true");
  CHECK(std::string(ScenarioError("web.json", "", "a readable file", "a directory").what()) ==
        "web.json: expected a readable file, found a directory");
}

}  // namespace harness::scenario
