// RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, DeregisterTaskDefinition.
#include "harness/serve/ecs_operations.h"

namespace harness::serve {

nlohmann::json register_task_definition(EcsState& state, RequestBody& request) {
  const RegisteredTaskDefinition& entry = state.task_definitions().register_definition(request, state.epoch(state.now()));
  return {{"taskDefinition", describe(entry)}, {"tags", request.root().json().value("tags", nlohmann::json::array())}};
}

nlohmann::json describe_task_definition(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string reference = reader.required("taskDefinition").as_name();
  return {{"taskDefinition", describe(state.task_definitions().find(reference))}, {"tags", nlohmann::json::array()}};
}

nlohmann::json list_task_definitions(EcsState& state, RequestBody& request) {
  using scenario::Choice;
  scenario::ObjectReader reader = request.object();
  const std::string prefix = reader.string_or("familyPrefix", "");
  const std::string status = reader.choice_or<std::string>(
      "status", "ACTIVE", {{"ACTIVE", "ACTIVE"}, {"INACTIVE", "INACTIVE"}, {"DELETE_IN_PROGRESS", "NONE"}});
  const bool descending = reader.choice_or<bool>("sort", false, {{"ASC", false}, {"DESC", true}});
  // Every answer fits in one page; maxResults and nextToken are read and have nothing to page.
  reader.int_or("maxResults", 100, {1, 100});
  return {{"taskDefinitionArns", state.task_definitions().list(prefix, status, descending)}};
}

nlohmann::json deregister_task_definition(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string reference = reader.required("taskDefinition").as_name();
  return {{"taskDefinition", describe(state.task_definitions().deregister(reference, state.epoch(state.now())))}};
}

}  // namespace harness::serve
