#include "harness/serve/arns.h"

#include <catch2/catch.hpp>

namespace harness::serve {
namespace {

TEST_CASE("a name is read from its ARN or taken as it is") {
  CHECK(name_from_arn("arn:aws:ecs:us-east-1:123456789012:cluster/prod", "cluster") == "prod");
  CHECK(name_from_arn("arn:aws:ecs:us-east-1:123456789012:service/prod/web", "service") == "web");
  CHECK(name_from_arn("arn:aws:ecs:us-east-1:123456789012:task/prod/0123abcd", "task") == "0123abcd");
  CHECK(name_from_arn("web", "service") == "web");
}

TEST_CASE("task ids are 32 hex digits, stable, and differ by service and task") {
  const std::string id = task_id("prod", "web", 7);
  CHECK(id.size() == 32);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(task_id("prod", "web", 7) == id);
  CHECK(task_id("prod", "web", 8) != id);
  CHECK(task_id("prod", "api", 7) != id);
  CHECK(task_arn("prod", id) == "arn:aws:ecs:us-east-1:123456789012:task/prod/" + id);
}

}  // namespace
}  // namespace harness::serve
