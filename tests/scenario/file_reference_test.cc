// {"$file": ...} task definitions, read from real files in a temporary directory.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "harness/scenario/scenario_loader.h"
#include "tests/support/temp_dir.h"

namespace harness::scenario {
namespace {

namespace fs = std::filesystem;

using testsupport::TempDir;

// A scenario whose task definitions are `references` (the array's elements), on line 3.
std::string scenario_with(const std::string& references) {
  return R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [)" +
         references + R"(],
  "apps": {"web:1": {}, "web:2": {}}
})";
}

std::string error_of(const std::string& path) {
  try {
    load_scenario_file(path);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "loaded";
}

}  // namespace

TEST_CASE("$file task definitions load from the scenario's directory, wrapped or not",
          "[scenario]") {
  // Given one bare definition and one describe-task-definition answer in a subdirectory, when
  // the scenario names them, then both load and the wrapper's extras are ignored.
  const TempDir dir;
  dir.write("td/web-1.json",
            R"({"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]})");
  const std::string wrapped = dir.write("td/web-2.json", R"({"taskDefinition": {
  "family": "web", "revision": 2, "taskRoleArn": "arn:aws:iam::1:role/t",
  "containerDefinitions": [{"name": "app", "image": "web:2"}]}, "tags": []})");
  const std::string path = dir.write(
      "scenario.json", scenario_with(R"({"$file": "td/web-1.json"}, {"$file": "td/web-2.json"})"));

  const Loaded loaded = load_scenario_file(path);
  REQUIRE(loaded.scenario.task_definitions.size() == 2);
  CHECK(loaded.scenario.task_definitions[0].arn_name() == "web:1");
  CHECK(loaded.scenario.task_definitions[1].arn_name() == "web:2");
  CHECK(loaded.scenario.source == path);
  CHECK(loaded.ignored ==
        std::vector<std::string>{wrapped + "#/tags", wrapped + "#/taskDefinition/taskRoleArn"});
}

TEST_CASE("a $file path that leaves the scenario's directory is refused", "[scenario]") {
  const TempDir dir;
  dir.write("outside.json", "{}");
  const std::string path =
      dir.write("inner/scenario.json", scenario_with(R"({"$file": "../outside.json"})"));
  CHECK(error_of(path) == path +
                              ":3:33: at /taskDefinitions/0/$file: expected a relative path "
                              "inside " +
                              (dir.path() / "inner").string() + ", found \"../outside.json\"");
  const std::string absolute =
      dir.write("inner/scenario.json", scenario_with(R"({"$file": "/etc/hostname"})"));
  CHECK(error_of(absolute) == absolute +
                                  ":3:33: at /taskDefinitions/0/$file: expected a relative "
                                  "path inside " +
                                  (dir.path() / "inner").string() + ", found \"/etc/hostname\"");
}

TEST_CASE("a $file that does not exist is an error at the $file value", "[scenario]") {
  const TempDir dir;
  const std::string path = dir.write("scenario.json", scenario_with(R"({"$file": "web-9.json"})"));
  CHECK(error_of(path) == path +
                              ":3:33: at /taskDefinitions/0/$file: expected a readable file, "
                              "found \"web-9.json\" (No such file or directory)");
}

TEST_CASE("errors inside a $file document point into that file", "[scenario]") {
  // Given a bad value in the included file, then the message names that file and its pointer.
  const TempDir dir;
  const std::string included = dir.write("web-1.json", R"({"family": "web",
  "containerDefinitions": [{"name": "app", "image": "web:1", "stopTimeout": "30"}]})");
  const std::string path = dir.write("scenario.json", scenario_with(R"({"$file": "web-1.json"})"));
  CHECK(error_of(path) == included +
                              ":2:77: at /containerDefinitions/0/stopTimeout: expected a "
                              "number of seconds 0-120, found \"30\"");
  dir.write("web-1.json", R"({"family": "web",)");
  CHECK(error_of(path) == included + ":1:18: expected string literal, found end of input");
}

TEST_CASE("in-memory text resolves $file against the current directory", "[scenario]") {
  // Given a definition in a directory under the current one, when text names it relatively,
  // then it loads; a path out of the current directory is refused.
  const TempDir dir(fs::current_path());
  dir.write("web-1.json",
            R"({"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]})");
  const std::string relative = dir.path().filename().string() + "/web-1.json";
  const Loaded loaded = load_scenario_text(
      scenario_with(
          R"({"$file": ")" + relative + R"("}, )" +
          R"({"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2"}]})"),
      "inline");
  CHECK(loaded.scenario.task_definitions[0].arn_name() == "web:1");
  CHECK_THROWS_WITH(load_scenario_text(scenario_with(R"({"$file": "../web-1.json"})"), "inline"),
                    "inline:3:33: at /taskDefinitions/0/$file: expected a relative path inside "
                    "the current directory, found \"../web-1.json\"");
}

}  // namespace harness::scenario
