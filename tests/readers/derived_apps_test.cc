#include "harness/readers/derived_apps.h"

#include <catch2/catch.hpp>

using harness::readers::derive_apps;
using nlohmann::json;

TEST_CASE("a derived profile reads the container's variables and secrets and answers its health checks") {
  // Given a container behind a load balancer with a container health check, when its profile is
  // derived, then it reads every variable and secret, listens on the load balancer's port,
  // answers the target group's path (ready) and the probed path (live), and holds half its limit.
  const json definitions = json::parse(R"([{"family": "web", "revision": 1, "memory": "1024", "containerDefinitions": [
    {"name": "web", "image": "web:2", "memory": 600,
     "environment": [{"name": "PORT", "value": "9000"}], "secrets": [{"name": "DB", "valueFrom": "arn:db"}],
     "portMappings": [{"containerPort": 9000}],
     "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:9000/live || exit 1"]}}]}])");
  const json service = json::parse(R"({"loadBalancers": [{"containerName": "web", "containerPort": 9000}]})");
  const json group = json::parse(R"({"HealthCheckPath": "/ready"})");
  std::vector<std::string> assumptions;
  const json apps = derive_apps(definitions, service, &group, assumptions);
  const json& web = apps.at("web:2");
  CHECK(web["phases"][0]["reads"] == json({"PORT", "DB"}));
  CHECK(web["port"] == 9000);
  CHECK(web["endpoints"]["/ready"]["kind"] == "ready");
  CHECK(web["endpoints"]["/live"]["kind"] == "live");
  CHECK(web["memory"][0]["mib"] == 300);
  CHECK(assumptions.size() == 3);
}

TEST_CASE("without a container limit a profile holds half its share of the task's memory") {
  const json definitions = json::parse(R"([{"family": "job", "memory": "1024", "containerDefinitions": [
    {"name": "a", "image": "a:1"}, {"name": "b", "image": "b:1", "memoryReservation": 100}]}])");
  std::vector<std::string> assumptions;
  const json apps = derive_apps(definitions, json::object(), nullptr, assumptions);
  CHECK(apps.at("a:1")["memory"][0]["mib"] == 256);
  CHECK(apps.at("b:1")["memory"][0]["mib"] == 50);
  CHECK_FALSE(apps.at("a:1").contains("port"));
}
