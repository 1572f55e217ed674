// Task definitions and their containers, read through the whole loader so errors carry the
// scenario's pointers.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A scenario around `definitions` (the text of the taskDefinitions array's elements), which
// start on line 6. The service deploys web:1.
std::string with_definitions(const std::string& definitions) {
  return R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}, "web:2": {}},
  "taskDefinitions": [
)" + definitions +
         "\n  ]\n}";
}

sim::model::TaskDefinition first_definition(const std::string& definitions) {
  return load_scenario_text(with_definitions(definitions), "t.json").scenario.task_definitions[0];
}

}  // namespace

TEST_CASE("cpu and memory are read from AWS's digit strings and from numbers", "[scenario]") {
  // Given "256"/"512" as describe-task-definition prints them, and plain numbers, both read.
  const auto strings = first_definition(R"(    {"family": "web", "cpu": "256", "memory": "512",
     "containerDefinitions": [{"name": "app", "image": "web:1"}]})");
  CHECK(strings.cpu_units == 256);
  CHECK(strings.memory_mib == 512);
  const auto numbers = first_definition(R"(    {"family": "web", "cpu": 1024, "memory": 2048,
     "containerDefinitions": [{"name": "app", "image": "web:1"}]})");
  CHECK(numbers.cpu_units == 1024);
  CHECK(numbers.memory_mib == 2048);
  CHECK(load_error(with_definitions(R"(    {"family": "web", "cpu": "0.25 vCPU",
     "containerDefinitions": [{"name": "app", "image": "web:1"}]})")) ==
        "test.json:6:30: at /taskDefinitions/0/cpu: expected an integer 128-196608 (a number or "
        "a string of digits), found \"0.25 vCPU\"");
}

TEST_CASE("container fields are read with ECS's defaults", "[scenario]") {
  const auto definition = first_definition(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "memory": 512, "memoryReservation": 256,
       "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"],
                       "interval": 10, "startPeriod": 2.5},
       "dependsOn": [{"containerName": "init", "condition": "SUCCESS"}],
       "environment": [{"name": "REDIS_URL", "value": "redis://r:6379"}],
       "secrets": [{"name": "API_KEY", "valueFrom": "arn:aws:ssm:x"}],
       "portMappings": [{"containerPort": 8080, "hostPort": 8080}],
       "startTimeout": 60, "stopTimeout": 2.5},
      {"name": "init", "image": "web:2", "essential": false}]})");
  REQUIRE(definition.containers.size() == 2);
  const sim::model::ContainerDefinition& app = definition.containers[0];
  CHECK(app.memory_mib == 512);
  CHECK(app.memory_reservation_mib == 256);
  REQUIRE(app.health_check.has_value());
  CHECK(app.health_check->interval == sim::seconds(10));
  CHECK(app.health_check->timeout == sim::seconds(5));
  CHECK(app.health_check->retries == 3);
  CHECK(app.health_check->start_period == sim::Millis{2500});
  REQUIRE(app.depends_on.size() == 1);
  CHECK(app.depends_on[0].condition == sim::model::DependencyCondition::success);
  CHECK(app.environment.at("REDIS_URL") == "redis://r:6379");
  CHECK(app.secrets == std::vector<std::string>{"API_KEY"});
  CHECK(app.port_mappings[0].container_port == 8080);
  CHECK(app.start_timeout == sim::seconds(60));
  CHECK(app.stop_timeout == sim::Millis{2500});
  CHECK(app.essential);
  CHECK_FALSE(definition.containers[1].essential);
  CHECK(definition.containers[1].stop_timeout == sim::seconds(30));
}

TEST_CASE("a healthCheck interval of 4 s names ECS's 5-300 s range", "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "healthCheck": {"command": ["CMD", "true"], "interval": 4}}]})")) ==
        "test.json:7:97: at /taskDefinitions/0/containerDefinitions/0/healthCheck/interval: "
        "expected a number of seconds 5-300, found 4");
}

TEST_CASE("healthCheck retries of 11 names ECS's 1-10 range", "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "healthCheck": {"command": ["CMD", "true"], "retries": 11}}]})")) ==
        "test.json:7:96: at /taskDefinitions/0/containerDefinitions/0/healthCheck/retries: "
        "expected an integer 1-10, found 11");
}

TEST_CASE("container memory below Docker's 6 MiB and reservations above it are rejected",
          "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "memory": 4}]})")) ==
        "test.json:7:51: at /taskDefinitions/0/containerDefinitions/0/memory: expected an "
        "integer >= 6, found 4");
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "memory": 256, "memoryReservation": 256}]})")) ==
        "test.json:7:77: at /taskDefinitions/0/containerDefinitions/0/memoryReservation: "
        "expected an integer 6-255, found 256");
}

TEST_CASE("stopTimeout past 120 s is out of range", "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "stopTimeout": 121}]})")) ==
        "test.json:7:56: at /taskDefinitions/0/containerDefinitions/0/stopTimeout: expected a "
        "number of seconds 0-120, found 121");
}

TEST_CASE("an image without an app profile names the image and the profiles there are",
          "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:3"}]})")) ==
        "test.json:7:32: at /taskDefinitions/0/containerDefinitions/0/image: expected one of "
        "the images with an app profile \"web:1\", \"web:2\" (did you mean \"web:1\"?), found "
        "\"web:3\"");
}

TEST_CASE("dependsOn naming an unknown container lists the task's containers", "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "dependsOn": [{"containerName": "migrate", "condition": "START"}]},
      {"name": "envoy", "image": "web:2"}]})")) ==
        "test.json:7:73: at /taskDefinitions/0/containerDefinitions/0/dependsOn/0/containerName: "
        "expected one of the containers of web:1 \"app\", \"envoy\", found \"migrate\"");
}

TEST_CASE("dependsOn COMPLETE on an essential container is refused as ECS refuses it",
          "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "dependsOn": [{"containerName": "init", "condition": "COMPLETE"}]},
      {"name": "init", "image": "web:2"}]})")) ==
        "test.json:7:94: at /taskDefinitions/0/containerDefinitions/0/dependsOn/0/condition: "
        "expected \"START\" or \"HEALTHY\" (container \"init\" is essential, so it cannot be "
        "waited on to exit), found \"COMPLETE\"");
}

TEST_CASE("dependsOn HEALTHY on a container without a healthCheck is refused, as the ECS agent "
          "refuses to start such a task (dependencygraph/graph.go)",
          "[scenario]") {
  // Given app waiting for proxy HEALTHY and proxy without a check, when loaded, then the condition
  // is the error; with a check on proxy it loads.
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "dependsOn": [{"containerName": "proxy", "condition": "HEALTHY"}]},
      {"name": "proxy", "image": "web:2"}]})")) ==
        "test.json:7:95: at /taskDefinitions/0/containerDefinitions/0/dependsOn/0/condition: "
        "expected \"START\", \"COMPLETE\" or \"SUCCESS\" (container \"proxy\" has no healthCheck, so it "
        "never reports HEALTHY), found \"HEALTHY\"");
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "dependsOn": [{"containerName": "proxy", "condition": "HEALTHY"}]},
      {"name": "proxy", "image": "web:2", "healthCheck": {"command": ["CMD-SHELL", "true"]}}]})")) ==
        "loaded");
}

TEST_CASE("a dependsOn cycle is reported with the containers in it", "[scenario]") {
  CHECK(load_error(with_definitions(R"(    {"family": "web", "containerDefinitions": [
      {"name": "app", "image": "web:1", "dependsOn": [{"containerName": "proxy", "condition": "START"}]},
      {"name": "proxy", "image": "web:2", "dependsOn": [{"containerName": "app", "condition": "START"}]}]})")) ==
        "test.json:6:47: at /taskDefinitions/0/containerDefinitions: expected a "
        "dependsOn without cycles, found dependsOn cycle: app -> proxy -> app");
}

TEST_CASE("a revision left out is the next of its family, and duplicates are refused",
          "[scenario]") {
  const std::string text = with_definitions(
      R"(    {"family": "web", "revision": 1, "containerDefinitions": [{"name": "a", "image": "web:1"}]},
    {"family": "api", "containerDefinitions": [{"name": "a", "image": "web:1"}]},
    {"family": "web", "containerDefinitions": [{"name": "a", "image": "web:2"}]})");
  const auto definitions = load_scenario_text(text, "t.json").scenario.task_definitions;
  CHECK(definitions[1].arn_name() == "api:1");
  CHECK(definitions[2].arn_name() == "web:2");
  CHECK(load_error(with_definitions(
            R"(    {"family": "web", "containerDefinitions": [{"name": "a", "image": "web:1"}]},
    {"family": "web", "revision": 1, "containerDefinitions": [{"name": "a", "image": "web:2"}]})")) ==
        "test.json:7:35: at /taskDefinitions/1/revision: expected a family:revision no earlier "
        "task definition has, found \"web:1\"");
}

TEST_CASE("AWS task definition fields we do not model are listed as ignored, each once",
          "[scenario]") {
  // Given describe-task-definition output with its wrapper, then each unmodelled field is listed.
  const std::string text = with_definitions(R"(    {"taskDefinition": {
      "family": "web", "revision": 1, "taskRoleArn": "arn:aws:iam::1:role/t",
      "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
      "containerDefinitions": [{"name": "app", "image": "web:1", "cpu": 0,
        "logConfiguration": {"logDriver": "awslogs"},
        "portMappings": [{"containerPort": 80, "protocol": "tcp"}]}]},
     "tags": []})");
  const Loaded loaded = load_scenario_text(text, "t.json");
  CHECK(loaded.ignored == std::vector<std::string>{
                              "/taskDefinitions/0/tags",
                              "/taskDefinitions/0/taskDefinition/containerDefinitions/0/cpu",
                              "/taskDefinitions/0/taskDefinition/containerDefinitions/0/"
                              "logConfiguration",
                              "/taskDefinitions/0/taskDefinition/containerDefinitions/0/"
                              "portMappings/0/protocol",
                              "/taskDefinitions/0/taskDefinition/networkMode",
                              "/taskDefinitions/0/taskDefinition/requiresCompatibilities",
                              "/taskDefinitions/0/taskDefinition/taskRoleArn",
                          });
}

}  // namespace harness::scenario
