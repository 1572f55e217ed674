// harness/docker/own_image: which apps real mode runs as their own image, and their processes.
#include <catch2/catch.hpp>

#include "harness/docker/container_config.h"
#include "harness/docker/docker_client.h"
#include "harness/docker/own_image.h"
#include "harness/scenario/scenario_error.h"
#include "tests/support/temp_dir.h"

namespace {

const char* kScenario = R"({
  "apps": {"web:2": {"runImage": true}, "sidecar:1": {}},
  "traffic": {"requestsPerSecond": 10, "path": "/api"},
  "taskDefinitions": [{"networkMode": "awsvpc", "containerDefinitions": [
    {"name": "web", "image": "web:2", "entryPoint": ["/bin/sh", "-c"], "command": ["exec httpd -f"], "cpu": 256,
     "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 4096}]},
    {"name": "sidecar", "image": "sidecar:1"}]}]
})";

}  // namespace

TEST_CASE("runImage, the container process and the traffic path are read from the scenario file") {
  // Given web:2 marked runImage with an entry point, command, cpu and a ulimit, and a sidecar
  // without, when read, then only web:2 runs its own image and its process is as written.
  testsupport::TempDir dir;
  const harness::docker::OwnImages own = harness::docker::read_own_images(dir.write("s.json", kScenario));
  CHECK(own.runs_own_image("web:2"));
  CHECK_FALSE(own.runs_own_image("sidecar:1"));
  CHECK(own.traffic_path == "/api");
  CHECK(own.awsvpc_task_definitions == std::set<std::size_t>{0});
  const harness::docker::ContainerProcess* web = own.process(0, 0);
  REQUIRE(web != nullptr);
  CHECK(web->entry_point == std::vector<std::string>{"/bin/sh", "-c"});
  CHECK(web->command == std::vector<std::string>{"exec httpd -f"});
  CHECK(web->cpu_units == 256);
  REQUIRE(web->ulimits.size() == 1);
  CHECK(web->ulimits[0].soft == 1024);
  CHECK(web->ulimits[0].hard == 4096);
}

TEST_CASE("a ulimit whose soft limit exceeds its hard limit is an error at its line and column") {
  // Given softLimit 5000 over hardLimit 4096, when read, then a ScenarioError names the file,
  // the position of the value and what was expected.
  testsupport::TempDir dir;
  std::string text = kScenario;
  text.replace(text.find("1024"), 4, "5000");
  const std::string path = dir.write("s.json", text);
  try {
    harness::docker::read_own_images(path);
    FAIL("no error");
  } catch (const harness::scenario::ScenarioError& e) {
    CHECK(std::string(e.what()).rfind(path + ":6:", 0) == 0);
    CHECK(e.json_pointer == "/taskDefinitions/0/containerDefinitions/0/ulimits/0/softLimit");
    CHECK(e.expected == "an integer 0-4096");
  }
}

TEST_CASE("an image run as it is gets its own process, the task's environment and its check as written") {
  // Given web:2's process and a CMD-SHELL wget check, when configured, then Docker runs the image
  // itself with Entrypoint, Cmd, CpuShares and Ulimits, no chaos variables, and the check as is.
  sim::model::ContainerDefinition def;
  def.name = "web";
  def.image = "web:2";
  def.environment["ERROR_EVERY"] = "5";
  sim::model::ContainerHealthCheck check;
  check.command = {"CMD-SHELL", "wget -q --spider http://localhost:8081/health || exit 1"};
  def.health_check = check;
  sim::model::AppProfile profile;  // ships wget: the chaos app would turn this into its probe
  harness::docker::ContainerProcess process;
  process.command = {"httpd", "-f"};
  process.cpu_units = 256;
  process.ulimits = {{"nofile", 1024, 4096}};
  harness::docker::ContainerLaunch launch{&def, &profile, "{}", 128, "run-1", 1, 0.05, "", {}, &process};
  const nlohmann::json j = harness::docker::container_config(launch);
  CHECK(j["Image"] == "web:2");
  CHECK(j["Cmd"] == nlohmann::json({"httpd", "-f"}));
  CHECK_FALSE(j.contains("Entrypoint"));
  CHECK(j["Env"] == nlohmann::json({"ERROR_EVERY=5"}));
  CHECK(j["HostConfig"]["CpuShares"] == 256);
  CHECK(j["HostConfig"]["Ulimits"] == nlohmann::json::parse(R"([{"Name": "nofile", "Soft": 1024, "Hard": 4096}])"));
  CHECK(j["HostConfig"]["Memory"] == 128LL << 20);
  CHECK(j["Healthcheck"]["Test"] == nlohmann::json(check.command));
  CHECK(j["Labels"][harness::docker::kRunLabel] == "run-1");
}

TEST_CASE("an awsvpc task's containers join its network holder, which runs the chaos image's pause") {
  // Given a container launched into a task's namespace, then Docker's NetworkMode names the
  // holder; the holder itself is the chaos image's pause, on the bridge, with the run's label.
  sim::model::ContainerDefinition def;
  def.name = "kafka";
  def.image = "kafka:1";
  sim::model::AppProfile profile;
  harness::docker::ContainerLaunch launch{&def, &profile, "{}", 0, "run-1", 2, 0.05, "", {}, nullptr};
  launch.network_mode = "container:abc";
  CHECK(harness::docker::container_config(launch)["HostConfig"]["NetworkMode"] == "container:abc");
  const nlohmann::json holder = harness::docker::network_holder_config("run-1", 2);
  CHECK(holder["Cmd"] == nlohmann::json({"pause"}));
  CHECK(holder["Image"] == harness::docker::kChaosImage);
  CHECK(holder["Labels"][harness::docker::kRunLabel] == "run-1");
  CHECK(holder["HostConfig"]["NetworkMode"] == "bridge");
}
