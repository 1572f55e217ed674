// ListTasks and DescribeTasks, over the tasks of every service's simulation.
#include <map>

#include "harness/serve/arns.h"
#include "harness/serve/ecs_operations.h"
#include "harness/serve/service_shapes.h"

namespace harness::serve {
namespace {

struct TaskRef {
  const ServedService* service;
  sim::ecs::TaskId task;
};

// Every task of the cluster's services, by task id; a few thousand at most, built per request.
std::map<std::string, TaskRef> tasks_by_id(const EcsState& state, const std::string& cluster) {
  std::map<std::string, TaskRef> out;
  for (const ServedService* service : state.services(cluster)) {
    const std::size_t count = service->controller().tasks().size();
    for (std::size_t i = 0; i < count; ++i) {
      const auto id = static_cast<sim::ecs::TaskId>(i);
      out[task_id_of(*service, id)] = {service, id};
    }
  }
  return out;
}

bool desired_running(const sim::ecs::TaskRecord& task) { return task.live && !task.stop_requested; }

}  // namespace

nlohmann::json list_tasks(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  std::vector<const ServedService*> services = state.services(cluster);
  if (const std::optional<scenario::Node> name = reader.get("serviceName"))
    services = {&state.active_service(cluster, name->as_name())};
  const bool want_running = reader.choice_or<bool>("desiredStatus", true, {{"RUNNING", true}, {"STOPPED", false}, {"PENDING", true}});
  const std::string started_by = reader.string_or("startedBy", "");
  const std::string family = reader.string_or("family", "");
  reader.int_or("maxResults", 100, {1, 100});  // one page holds every task
  nlohmann::json arns = nlohmann::json::array();
  for (const ServedService* service : services) {
    const auto& controller = service->controller();
    const auto& records = controller.tasks().records();
    for (std::size_t i = 0; i < records.size(); ++i) {
      const sim::ecs::TaskRecord& task = records[i];
      if (desired_running(task) != want_running) continue;
      if (!started_by.empty() && controller.deployments().at(task.deployment).name() != started_by) continue;
      if (!family.empty() && service->task_definition(task.task_definition).family != family) continue;
      arns.push_back(task_arn(cluster, task_id_of(*service, static_cast<sim::ecs::TaskId>(i))));
    }
  }
  return {{"taskArns", arns}};
}

nlohmann::json describe_tasks(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  const scenario::Node names = reader.required("tasks");
  const std::vector<std::string> wanted = names.as_names();
  if (wanted.empty() || wanted.size() > 100) names.fail("an array of 1-100 task ids or ARNs");
  const std::map<std::string, TaskRef> known = tasks_by_id(state, cluster);
  nlohmann::json tasks = nlohmann::json::array();
  nlohmann::json failures = nlohmann::json::array();
  for (const std::string& name : wanted) {
    const std::string id = name_from_arn(name, "task");
    const auto found = known.find(id);
    if (found == known.end()) failures.push_back({{"arn", task_arn(cluster, id)}, {"reason", "MISSING"}});
    else tasks.push_back(task_json(state, *found->second.service, found->second.task));
  }
  return {{"tasks", tasks}, {"failures", failures}};
}

}  // namespace harness::serve
