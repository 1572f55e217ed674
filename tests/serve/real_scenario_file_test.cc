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

TEST_CASE("the served scenario file carries what was registered beyond the model: entryPoint, command, networkMode") {
  // Given app:1's task definition registered with members the simulator's model does not keep
  // (an entry point and command, ulimits, cpu, a UDP port, awsvpc), when the file is written,
  sim::model::Scenario s = testsupport::two_revisions(1);
  s.task_definitions.resize(1);
  REQUIRE(!s.task_definitions[0].containers.empty());
  s.task_definitions[0].containers[0].port_mappings = {{53, 0}, {8080, 0}};
  const sim::model::TaskDefinition& td = s.task_definitions[0];
  nlohmann::json container = {{"name", td.containers[0].name},
                              {"image", td.containers[0].image},
                              {"entryPoint", {"/bin/sh", "-c"}},
                              {"command", {"exec /bin/serve 8080"}},
                              {"ulimits", {{{"name", "nofile"}, {"softLimit", 1024}, {"hardLimit", 2048}}}},
                              {"cpu", 256}};
  container["portMappings"] = {{{"containerPort", 53}, {"protocol", "udp"}}, {{"containerPort", 8080}}};
  const nlohmann::json registered = {{"family", td.family}, {"networkMode", "awsvpc"},
                                     {"containerDefinitions", {container, {{"name", "not-in-the-model"}, {"command", {"x"}}}}}};
  RealScenarioFile file("prod", "web", {"app:1"});
  file.remember(td.arn_name(), registered);
  file.write(s);
  // then real mode reads them from the file as it reads a scenario's own: the process, the
  // network mode, and the port's protocol.
  const nlohmann::json json = read_json(file.path());
  CHECK(json["taskDefinitions"][0]["networkMode"] == "awsvpc");
  CHECK(json["taskDefinitions"][0]["containerDefinitions"].size() == td.containers.size());
  const docker::OwnImages own = docker::read_own_images(file.path());
  CHECK(own.awsvpc_task_definitions == std::set<std::size_t>{0});
  const docker::ContainerProcess* process = own.process(0, 0);
  REQUIRE(process != nullptr);
  CHECK(process->entry_point == std::vector<std::string>{"/bin/sh", "-c"});
  CHECK(process->command == std::vector<std::string>{"exec /bin/serve 8080"});
  REQUIRE(process->ulimits.size() == 1);
  CHECK(process->ulimits[0].hard == 2048);
  CHECK(process->cpu_units == 256);
  const nlohmann::json& ports = json["taskDefinitions"][0]["containerDefinitions"][0]["portMappings"];
  CHECK(ports[0]["protocol"] == "udp");
  CHECK_FALSE(ports[1].contains("protocol"));
}

TEST_CASE("a definition registered without those members is written as the model has it") {
  sim::model::Scenario s = testsupport::two_revisions(1);
  RealScenarioFile file("prod", "web", {});
  file.remember(s.task_definitions[0].arn_name(), {{"family", s.task_definitions[0].family}});
  file.write(s);
  const nlohmann::json json = read_json(file.path());
  CHECK_FALSE(json["taskDefinitions"][0].contains("networkMode"));
  CHECK_FALSE(json["taskDefinitions"][0]["containerDefinitions"][0].contains("entryPoint"));
  CHECK(docker::read_own_images(file.path()).process(0, 0)->command.empty());
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
