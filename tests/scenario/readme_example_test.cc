// The format's documentation must not drift from the loader: its full example has to load.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "harness/scenario/expectation_check.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

namespace harness::scenario {

namespace {

// The README's one ```json block.
std::string readme_example() {
  std::ifstream file(DEPLOYSIM_SOURCE_DIR "/scenarios/README.md");
  REQUIRE(file);
  std::ostringstream content;
  content << file.rdbuf();
  const std::string readme = content.str();
  const std::size_t start = readme.find("```json\n");
  REQUIRE(start != std::string::npos);
  const std::size_t end = readme.find("\n```", start + 8);
  return readme.substr(start + 8, end - start - 8);
}

}  // namespace

TEST_CASE("the full example in scenarios/README.md loads and reports what it ignores",
          "[scenario]") {
  // Given the README's example, when loaded, then it matches the text around it.
  const Loaded loaded = load_scenario_text(readme_example(), "README.md example");

  CHECK(loaded.scenario.service.cluster == "prod");
  CHECK(loaded.scenario.task_definitions[1].arn_name() == "web:27");
  CHECK(loaded.scenario.deploy.at == sim::seconds(60));
  CHECK(loaded.scenario.apps.at("example/web:2.4.0").phases[2].duration == sim::Millis{12500});
  CHECK(loaded.ignored ==
        std::vector<std::string>{
            "/service/failures", "/service/services/0/roleArn", "/taskDefinitions/1/tags",
            "/taskDefinitions/1/taskDefinition/containerDefinitions/0/portMappings/0/protocol",
            "/taskDefinitions/1/taskDefinition/executionRoleArn"});
}

TEST_CASE("the full example in scenarios/README.md meets its own expect", "[scenario]") {
  // Given the README's example, when it runs, then it shows what its "expect" says.
  const sim::model::Scenario scenario =
      load_scenario_text(readme_example(), "README.md example").scenario;
  REQUIRE(scenario.expect.has_value());
  sim::Simulation simulation(scenario);
  CHECK(unmet_expectations(*scenario.expect, simulation.run()).empty());
}

}  // namespace harness::scenario
