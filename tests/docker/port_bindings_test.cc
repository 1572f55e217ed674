// harness/docker/port_bindings: bridge mode's portMappings, published on 127.0.0.1 only.
#include <catch2/catch.hpp>

#include "harness/docker/container_config.h"
#include "harness/docker/own_image.h"
#include "harness/docker/port_bindings.h"
#include "harness/scenario/scenario_error.h"
#include "tests/support/temp_dir.h"

using harness::docker::PublishedPort;

TEST_CASE("bridge portMappings are published on 127.0.0.1, hostPort 0 left to the engine") {
  // Given containerPort 8081 with hostPort 0 (dynamic) and 5353/udp on host port 15353, when
  // published, then both are exposed and bound to 127.0.0.1 only, the dynamic one with an empty
  // HostPort (the engine picks).
  nlohmann::json config = {{"HostConfig", {{"NetworkMode", "bridge"}}}};
  harness::docker::publish_ports({{8081, 0, "tcp"}, {5353, 15353, "udp"}}, config);
  CHECK(config["ExposedPorts"].contains("8081/tcp"));
  CHECK(config["ExposedPorts"].contains("5353/udp"));
  CHECK(config["HostConfig"]["PortBindings"]["8081/tcp"] == nlohmann::json::parse(R"([{"HostIp":"127.0.0.1","HostPort":""}])"));
  CHECK(config["HostConfig"]["PortBindings"]["5353/udp"] == nlohmann::json::parse(R"([{"HostIp":"127.0.0.1","HostPort":"15353"}])"));
}

TEST_CASE("the host port the engine chose is read back from the container's inspect") {
  // Given an inspect whose 8081/tcp is bound on 127.0.0.1:49153 and whose 9000/tcp is only
  // exposed (null), then 8081 is reached at 49153, and 9000 and an unknown port at none.
  const auto inspect = nlohmann::json::parse(R"({"NetworkSettings":{"Ports":{
    "8081/tcp":[{"HostIp":"127.0.0.1","HostPort":"49153"}], "9000/tcp":null}}})");
  CHECK(harness::docker::published_host_port(inspect, 8081) == 49153);
  CHECK(harness::docker::published_host_port(inspect, 9000) == 0);
  CHECK(harness::docker::published_host_port(inspect, 7000) == 0);
}

TEST_CASE("a bridge task definition's portMappings are read with their protocol, and awsvpc's are not published") {
  // Given a bridge task definition (8081 dynamic, 5353/udp static) and an awsvpc one, when read,
  // then only the bridge one's container has published ports, as written.
  testsupport::TempDir dir;
  const auto own = harness::docker::read_own_images(dir.write("s.json", R"({"taskDefinitions": [
    {"networkMode": "bridge", "containerDefinitions": [{"name": "web", "image": "web:1",
      "portMappings": [{"containerPort": 8081, "hostPort": 0}, {"containerPort": 5353, "hostPort": 15353, "protocol": "udp"}]}]},
    {"networkMode": "awsvpc", "containerDefinitions": [{"name": "web", "image": "web:1",
      "portMappings": [{"containerPort": 8081}]}]}]})"));
  REQUIRE(own.bridge_ports.count({0, 0}) == 1);
  const std::vector<PublishedPort>& ports = own.bridge_ports.at({0, 0});
  REQUIRE(ports.size() == 2);
  CHECK(ports[0].container_port == 8081);
  CHECK(ports[0].host_port == 0);
  CHECK(ports[0].protocol == "tcp");
  CHECK(ports[1].host_port == 15353);
  CHECK(ports[1].protocol == "udp");
  CHECK(own.bridge_ports.count({1, 0}) == 0);
}

TEST_CASE("a portMapping protocol other than tcp or udp is an error at its position") {
  // Given protocol "sctp", then the error names file, line, column, the path and the choices.
  testsupport::TempDir dir;
  const std::string path = dir.write("s.json", R"({"taskDefinitions": [{"networkMode": "bridge",
  "containerDefinitions": [{"name": "web", "image": "web:1", "portMappings": [{"containerPort": 8081, "protocol": "sctp"}]}]}]})");
  try {
    harness::docker::read_own_images(path);
    FAIL("no error");
  } catch (const harness::scenario::ScenarioError& e) {
    CHECK_THAT(e.what(), Catch::Contains("s.json:2:") &&
                             Catch::Contains("/taskDefinitions/0/containerDefinitions/0/portMappings/0/protocol") &&
                             Catch::Contains("\"tcp\", \"udp\"") && Catch::Contains("\"sctp\""));
  }
}

TEST_CASE("a container of a bridge task gets its port bindings in its Engine config") {
  // Given a chaos-app container whose launch carries a dynamic 8080 mapping, then its config
  // publishes it on 127.0.0.1.
  sim::model::ContainerDefinition def;
  def.name = "web";
  def.image = "web:1";
  sim::model::AppProfile profile;
  harness::docker::ContainerLaunch launch{&def, &profile, "{}", 0, "run-1", 1, 0.05, "", {}};
  launch.published_ports = {{8080, 0, "tcp"}};
  const nlohmann::json j = harness::docker::container_config(launch);
  CHECK(j["HostConfig"]["PortBindings"]["8080/tcp"][0]["HostIp"] == "127.0.0.1");
  CHECK(j["HostConfig"]["NetworkMode"] == "bridge");
}
