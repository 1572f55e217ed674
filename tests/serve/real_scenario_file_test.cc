#include "harness/serve/real_scenario_file.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "harness/docker/own_image.h"
#include "harness/scenario/app_profile_text.h"
#include "tests/support/two_revisions.h"

namespace harness::serve {
namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("the served scenario file marks the own images runImage and carries no deploy or timeline") {
  // Given a served scenario of one task definition whose default deploy names a second one it
  // does not hold, and app:1 run as its own image, when it is written,
  sim::model::Scenario s = testsupport::two_revisions(1);
  s.task_definitions.resize(1);
  s.deploy.to_task_definition = 1;
  sim::model::ServiceUpdate later;
  later.at = sim::seconds(5);
  later.desired_count = 2;
  s.timeline.push_back(later);
  const RealScenarioFile file("prod", "web", {"app:1"});
  file.write(s);
  // then the file is a steady-state scenario without calls, real mode reads app:1 as its own image
  // and the profiles of both apps from it.
  const nlohmann::json json = read_json(file.path());
  CHECK(json["deploy"] == "none");
  CHECK_FALSE(json.contains("timeline"));
  CHECK(json["apps"]["app:1"]["runImage"] == true);
  CHECK_FALSE(json["apps"]["app:2"].contains("runImage"));
  CHECK(docker::read_own_images(file.path()).images == std::set<std::string>{"app:1"});
  CHECK_FALSE(scenario::app_profile_json(file.path(), "app:2").empty());
}

TEST_CASE("a rewrite replaces the file, and the file goes with its writer") {
  // Given a written file, when a task definition with a new image is added and it is written
  // again, then the new app is in it; when the writer goes, so does the file's directory.
  std::string path;
  {
    sim::model::Scenario s = testsupport::two_revisions(1);
    const RealScenarioFile file("prod", "web", {});
    file.write(s);
    s.apps["app:3"] = sim::model::AppProfile{};
    file.write(s);
    path = file.path();
    CHECK(read_json(path)["apps"].contains("app:3"));
  }
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(path).parent_path()));
}

}  // namespace harness::serve
