#include "harness/serve/task_definition_registry.h"

#include <catch2/catch.hpp>

#include "harness/serve/ecs_error.h"

namespace harness::serve {
namespace {

const char* kWeb = R"({"family": "web", "containerDefinitions": [{"name": "web", "image": "example/web:1",
                       "memory": 256, "portMappings": [{"containerPort": 9000}]}]})";

const RegisteredTaskDefinition& register_text(TaskDefinitionRegistry& registry, const std::string& text) {
  RequestBody body(text);
  return registry.register_definition(body, 1000);
}

TEST_CASE("registrations of a family count up from 1, and a bare family names the latest ACTIVE one") {
  // Given an empty registry, when web is registered twice and then web:2 deregistered,
  TaskDefinitionRegistry registry({});
  CHECK(register_text(registry, kWeb).definition.revision == 1);
  CHECK(register_text(registry, kWeb).definition.revision == 2);
  CHECK(registry.find("web").definition.revision == 2);
  registry.deregister("web:2", 2000);
  // then "web" is web:1 again, web:2 stays describable but cannot be deployed, and revision 3 is next.
  CHECK(registry.find("web").definition.revision == 1);
  CHECK_FALSE(registry.find("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2").active);
  CHECK_THROWS_AS(registry.find_active("web:2"), EcsError);
  CHECK(register_text(registry, kWeb).definition.revision == 3);
  CHECK(registry.list("we", "ACTIVE", true) ==
        std::vector<std::string>{"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
                                 "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1"});
  CHECK(registry.list("", "INACTIVE", false).size() == 1);
}

TEST_CASE("an image without a profile gets the default app, listening on its first containerPort") {
  TaskDefinitionRegistry registry({});
  register_text(registry, kWeb);
  REQUIRE(registry.apps().count("example/web:1") == 1);
  CHECK(registry.apps().at("example/web:1").port == 9000);
  CHECK(registry.apps().at("example/web:1").endpoints.count("/health") == 1);
}

TEST_CASE("a definition the reader rejects is a ClientException naming the field, and nothing is registered") {
  TaskDefinitionRegistry registry({});
  try {
    register_text(registry, R"({"family": "web", "containerDefinitions": [{"name": "web", "image": "x:1", "memory": 2}]})");
    FAIL("no error");
  } catch (const EcsError& e) {
    CHECK(e.type == "ClientException");
    CHECK(std::string(e.what()) == "at /containerDefinitions/0/memory: expected an integer >= 6, found 2");
  }
  CHECK(registry.list("", "ACTIVE", false).empty());
  CHECK(registry.apps().empty());
  CHECK_THROWS_AS(register_text(registry, R"({"family": "web", "revision": 4, "containerDefinitions": []})"), EcsError);
}

TEST_CASE("an unknown reference says so in ECS's words") {
  TaskDefinitionRegistry registry({});
  try {
    registry.find("nope:1");
    FAIL("no error");
  } catch (const EcsError& e) {
    CHECK(e.type == "ClientException");
    CHECK(std::string(e.what()) == "Unable to describe task definition.");
  }
  CHECK_THROWS_AS(registry.deregister("web", 0), EcsError);  // a revision is required
}

}  // namespace
}  // namespace harness::serve
