#include "sim/ecs/depends_on.h"

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <utility>

namespace sim::ecs {
namespace {

// Source for this file: ecs-rules §7.3 dependsOn (API_ContainerDependency.html).

// A task definition from (container, [names it depends on]) pairs, in definition order.
model::TaskDefinition task_definition(
    std::initializer_list<std::pair<std::string, std::initializer_list<std::string>>> containers) {
  model::TaskDefinition td;
  for (const auto& [name, needs] : containers) {
    model::ContainerDefinition c;
    c.name = name;
    for (const std::string& need : needs) c.depends_on.push_back({need, {}});
    td.containers.push_back(c);
  }
  return td;
}

std::vector<int> order_of(const model::TaskDefinition& td) {
  const auto result = container_start_order(td);
  REQUIRE(std::holds_alternative<std::vector<int>>(result));
  return std::get<std::vector<int>>(result);
}

std::string error_of(const model::TaskDefinition& td) {
  const auto result = container_start_order(td);
  REQUIRE(std::holds_alternative<DependsOnError>(result));
  return std::get<DependsOnError>(result).message;
}

TEST_CASE("a dependsOn chain starts from its last link") {
  // Given app -> api -> db (each depends on the next), when ordering, then db, api, app.
  const auto td = task_definition({{"app", {"api"}}, {"api", {"db"}}, {"db", {}}});
  CHECK(order_of(td) == std::vector<int>{2, 1, 0});
}

TEST_CASE("a diamond starts its shared dependency once and first") {
  // Given app on (left, right) and both on base, when ordering, then base, left, right, app.
  const auto td =
      task_definition({{"app", {"right", "left"}}, {"left", {"base"}}, {"right", {"base"}},
                       {"base", {}}});
  CHECK(order_of(td) == std::vector<int>{3, 1, 2, 0});
}

TEST_CASE("independent containers keep their definition order") {
  // Given three containers without dependsOn, when ordering, then 0, 1, 2; and a container only
  // moves behind what it depends on.
  CHECK(order_of(task_definition({{"a", {}}, {"b", {}}, {"c", {}}})) == std::vector<int>{0, 1, 2});
  CHECK(order_of(task_definition({{"a", {}}, {"b", {"c"}}, {"c", {}}, {"d", {}}})) ==
        std::vector<int>{0, 2, 1, 3});
}

TEST_CASE("an empty task definition has an empty start order") {
  // Given no containers, when ordering, then the order is empty and not an error.
  CHECK(order_of(model::TaskDefinition{}).empty());
}

TEST_CASE("a two-container dependsOn cycle is an error naming both in cycle order") {
  // Given app on sidecar and sidecar on app, when ordering, then the error names the cycle.
  const auto td = task_definition({{"app", {"sidecar"}}, {"sidecar", {"app"}}});
  CHECK(error_of(td) == "dependsOn cycle: app -> sidecar -> app");
}

TEST_CASE("a three-container dependsOn cycle is named from its first-defined container") {
  // Given log on app, app on proxy, proxy on log (plus an unrelated init), when ordering, then
  // the error walks the cycle in dependsOn direction starting at the earliest-defined member.
  const auto td = task_definition(
      {{"init", {}}, {"proxy", {"log"}}, {"log", {"app"}}, {"app", {"proxy"}}});
  CHECK(error_of(td) == "dependsOn cycle: proxy -> log -> app -> proxy");
}

TEST_CASE("a container that depends on itself is a cycle") {
  // Given app on app, when ordering, then the error is a one-container cycle.
  CHECK(error_of(task_definition({{"app", {"app"}}})) == "dependsOn cycle: app -> app");
}

TEST_CASE("depending on an unknown container is an error naming both") {
  // Given app on db where no container is named db, when ordering, then the error names both.
  const auto td = task_definition({{"app", {"db"}}, {"web", {}}});
  CHECK(error_of(td) == "container \"app\" dependsOn unknown container \"db\"");
}

}  // namespace
}  // namespace sim::ecs
