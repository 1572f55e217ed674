// A task definition as `aws ecs describe-task-definition` prints it (or registers it): family,
// revision, task-level cpu and memory, and its containers with their start order.
#include <algorithm>
#include <memory>

#include "harness/scenario/file_reference.h"
#include "harness/scenario/section_readers.h"
#include "sim/ecs/depends_on.h"

namespace harness::scenario {
namespace {

using sim::model::DependencyCondition;
using sim::model::TaskDefinition;

// describe-task-definition wraps the definition: {"taskDefinition": {...}, "tags": [...]}.
Node unwrap(const Node& node) {
  if (!node.json().is_object() || !node.json().contains("taskDefinition")) return node;
  ObjectReader wrapper = node.as_object(UnknownKeys::ignore);
  const Node definition = wrapper.required("taskDefinition");
  wrapper.finish();
  return definition;
}

// Without "revision" a definition is numbered as if registered in file order: the next revision
// of its family. Two definitions with one family:revision would make references ambiguous.
void number_revision(ObjectReader& reader, TaskDefinition& definition,
                     const std::vector<TaskDefinition>& earlier) {
  int next = 1;
  for (const TaskDefinition& other : earlier) {
    if (other.family == definition.family) next = std::max(next, other.revision + 1);
  }
  const std::optional<Node> revision = reader.get("revision");
  definition.revision = revision ? revision->as_int32({1}) : next;
  for (const TaskDefinition& other : earlier) {
    if (other.arn_name() != definition.arn_name()) continue;
    const Node at = revision ? *revision : reader.required("family");
    at.fail("a family:revision no earlier task definition has",
            nlohmann::json(definition.arn_name()).dump());
  }
}

// dependsOn must name another container of the same definition; COMPLETE and SUCCESS wait for a
// container to exit, which ECS refuses on an essential one (API_ContainerDependency); HEALTHY
// waits for a health check, which the container must have.
void check_dependency_names(const Node& containers, const TaskDefinition& definition) {
  std::vector<std::string> names;
  for (const auto& container : definition.containers) names.push_back(container.name);
  for (std::size_t i = 0; i < definition.containers.size(); ++i) {
    const auto& depends_on = definition.containers[i].depends_on;
    for (std::size_t j = 0; j < depends_on.size(); ++j) {
      const Node entry = containers.child(i).child("dependsOn").child(j);
      const std::size_t target = entry.child("containerName")
                                     .as_reference(names, "containers of " + definition.arn_name());
      const bool waits_for_exit = depends_on[j].condition == DependencyCondition::complete ||
                                  depends_on[j].condition == DependencyCondition::success;
      if (waits_for_exit && definition.containers[target].essential) {
        entry.child("condition")
            .fail("\"START\" or \"HEALTHY\" (container \"" + names[target] +
                  "\" is essential, so it cannot be waited on to exit)");
      }
      // The ECS agent cannot resolve HEALTHY on a container without a health check and stops the
      // task before it starts (TaskDependencyError), every time (ecs-rules §7.3).
      if (depends_on[j].condition == DependencyCondition::healthy && !definition.containers[target].health_check) {
        entry.child("condition")
            .fail("\"START\", \"COMPLETE\" or \"SUCCESS\" (container \"" + names[target] +
                  "\" has no healthCheck, so it never reports HEALTHY)");
      }
    }
  }
}

// A dependsOn cycle would leave every container in it waiting forever; ECS rejects it. The
// start order (and so the cycle) comes from sim/ecs/depends_on.h, computed with Boost.Graph.
void check_start_order(const Node& containers, const TaskDefinition& definition) {
  const auto order = sim::ecs::container_start_order(definition);
  if (const auto* error = std::get_if<sim::ecs::DependsOnError>(&order))
    containers.fail("a dependsOn without cycles", error->message);
}

TaskDefinition read_body(const Node& node,
                         const std::map<std::string, sim::model::AppProfile>& apps,
                         const std::vector<TaskDefinition>& earlier) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  TaskDefinition definition;
  definition.family = reader.required("family").as_name();
  number_revision(reader, definition, earlier);
  // AWS prints task cpu and memory as strings ("256", "512"); EC2's task cpu range is
  // 128-196608 units (ecs-rules §8).
  if (const std::optional<Node> cpu = reader.get("cpu")) {
    definition.cpu_units = cpu->as_int_or_digits({128, 196608});
  }
  if (const std::optional<Node> memory = reader.get("memory")) {
    definition.memory_mib = memory->as_int_or_digits({6});
  }
  const Node containers = reader.required("containerDefinitions");
  for (const Node& container : containers.as_array()) {
    definition.containers.push_back(read_container_definition(container, apps));
    const auto& names = definition.containers;
    if (std::count_if(names.begin(), names.end(),
                      [&](const auto& c) { return c.name == names.back().name; }) > 1) {
      container.child("name").fail("a container name not used before in this task definition");
    }
  }
  if (definition.containers.empty()) containers.fail("at least one container definition");
  reader.finish();
  check_dependency_names(containers, definition);
  check_start_order(containers, definition);
  return definition;
}

}  // namespace

TaskDefinition read_task_definition(const Node& node,
                                    const std::map<std::string, sim::model::AppProfile>& apps,
                                    const std::vector<TaskDefinition>& earlier) {
  if (!is_file_reference(node)) return read_body(unwrap(node), apps, earlier);
  // The included document must live while its nodes are read.
  const std::unique_ptr<Document> included = load_file_reference(node);
  const Node root(*included, included->root(), "", node.ignored());
  return read_body(unwrap(root), apps, earlier);
}

}  // namespace harness::scenario
