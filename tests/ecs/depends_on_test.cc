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

// A world's container record, as depends_on.h's templates read it.
struct Running {
  const model::ContainerDefinition* def = nullptr;
  bool started = false;
  bool exited = false;
  Millis started_at{0};
};

// app waits for init (SUCCESS, startTimeout 30 s), for sidecar (START, startTimeout 5 s) and for
// db (HEALTHY, startTimeout 60 s); app's own startTimeout is 1 s.
struct WaitingApp {
  WaitingApp() {
    defs.resize(4);
    defs[0].name = "app";
    defs[0].start_timeout = seconds(1);
    defs[0].depends_on = {{"init", model::DependencyCondition::success},
                          {"sidecar", model::DependencyCondition::start},
                          {"db", model::DependencyCondition::healthy}};
    defs[1].name = "init";
    defs[1].start_timeout = seconds(30);
    defs[2].name = "sidecar";
    defs[2].start_timeout = seconds(5);
    defs[3].name = "db";
    defs[3].start_timeout = seconds(60);
    for (const auto& d : defs) containers.push_back({&d});
  }
  Millis deadline() const {
    return dependency_deadline(containers, containers[0], [](const Running& r) { return r.started_at; });
  }
  std::vector<model::ContainerDefinition> defs;
  std::vector<Running> containers;
};

TEST_CASE("startTimeout is the dependency's, counted from the dependency's start, and never for START") {
  // Given app waiting on init (SUCCESS, 30 s), sidecar (START, 5 s) and db (HEALTHY, 60 s), when
  // none has started, then nothing can time out; when sidecar starts at 2 s, still nothing (START
  // never times out, and app's own 1 s is not used); when db starts at 10 s, 70 s; when init
  // starts at 20 s, min(70 s, 50 s) = 50 s.
  // Source: amazon-ecs-agent agent/engine/dependencygraph/graph.go hasDependencyTimedOut
  // (dependOnContainer.GetStartedAt().Add(dependOnContainer.GetStartTimeout()), for SUCCESS,
  // COMPLETE and HEALTHY only); ecs-rules §7.3.
  WaitingApp w;
  CHECK(w.deadline() == kNever);
  w.containers[2].started = true;
  w.containers[2].started_at = seconds(2);
  CHECK(w.deadline() == kNever);
  w.containers[3].started = true;
  w.containers[3].started_at = seconds(10);
  CHECK(w.deadline() == seconds(70));
  w.containers[1].started = true;
  w.containers[1].started_at = seconds(20);
  CHECK(w.deadline() == seconds(50));
}

TEST_CASE("a dependency without startTimeout makes its dependents wait for ever") {
  // Given db without a startTimeout, when it started long ago, then app's deadline is never.
  WaitingApp w;
  w.defs[3].start_timeout.reset();
  w.containers[3].started = true;
  CHECK(w.deadline() == kNever);
}

TEST_CASE("a container stops only after every running container that depends on it has exited") {
  // Given app (running) depending on db, init and sidecar, when the task stops, then db may not
  // stop before app has exited; app itself may stop at once; a dependent that never started does
  // not hold anything back.
  // Source: amazon-ecs-agent graph.go verifyShutdownOrder ("reverse of startup"); ecs-rules §7.3.
  WaitingApp w;
  for (Running& r : w.containers) r.started = true;
  CHECK(dependents_have_exited(w.containers, w.containers[0]));
  CHECK_FALSE(dependents_have_exited(w.containers, w.containers[3]));
  w.containers[0].exited = true;
  CHECK(dependents_have_exited(w.containers, w.containers[3]));
  w.containers[0].exited = false;
  w.containers[0].started = false;
  CHECK(dependents_have_exited(w.containers, w.containers[3]));
}

}  // namespace
}  // namespace sim::ecs
