#include "harness/serve/service_shapes.h"

#include <algorithm>
#include <regex>

#include "harness/scenario/scenario_writer.h"
#include "harness/serve/arns.h"

namespace harness::serve {
namespace {

using sim::ecs::Deployment;
using sim::ecs::DeploymentStatus;
using sim::ecs::RolloutState;
using sim::ecs::TaskState;

constexpr std::size_t kEventsShown = 100;  // ECS keeps the latest 100 service events

struct Counts {
  int running = 0;
  int pending = 0;
};

// RUNNING and PENDING as ECS counts them: lastStatus RUNNING, and the states before it.
Counts count_tasks(const ServedService& service, std::optional<sim::ecs::DeploymentId> only) {
  Counts counts;
  for (const sim::ecs::TaskRecord& task : service.controller().tasks().records()) {
    if (only && task.deployment != *only) continue;
    if (task.state == TaskState::running) ++counts.running;
    if (task.state < TaskState::running) ++counts.pending;
  }
  return counts;
}

std::string task_definition_arn_of(const ServedService& service, int index) {
  return task_definition_arn(service.task_definition_name(index));
}

// ECS's sentences (the ECS-over-time reference, section 8.2). ECS words every breaker failure
// "tasks failed to start.", health-check failures included, where the controller says which; an
// alarm's failure has no published wording, so it keeps the controller's.
std::string rollout_reason(const Deployment& d) {
  static const std::string breaker = "ECS deployment circuit breaker:";
  switch (d.rollout) {
    case RolloutState::in_progress:
      return "ECS deployment " + d.name() + " in progress.";
    case RolloutState::completed:
      return "ECS deployment " + d.name() + " completed.";
    case RolloutState::failed:
      if (d.rollout_reason.starts_with(breaker)) return breaker + " tasks failed to start.";
      return d.rollout_reason;
  }
  return "";
}

bool listed(const ServedService& service, const Deployment& d) {
  if (d.status == DeploymentStatus::primary) return true;
  return d.status != DeploymentStatus::inactive && service.controller().tasks().of(d.id).not_stopped > 0;
}

nlohmann::json deployment_json(const EcsState& state, const ServedService& service, const Deployment& d,
                               const std::string& rollback_reason) {
  const Counts counts = count_tasks(service, d.id);
  const bool primary = d.status == DeploymentStatus::primary;
  const sim::Millis updated = service.facts().deployment_updated_at(d.id).value_or(d.created_at);
  return {{"id", d.name()},
          {"status", primary ? "PRIMARY" : "ACTIVE"},
          {"taskDefinition", task_definition_arn_of(service, d.task_definition)},
          // An older deployment is drained to 0 (ecs-rules §12.2).
          {"desiredCount", primary ? service.config().desired_count : 0},
          {"pendingCount", counts.pending},
          {"runningCount", counts.running},
          {"failedTasks", d.breaker.failures()},
          {"createdAt", state.epoch(service.server_time(d.created_at))},
          {"updatedAt", state.epoch(service.server_time(updated))},
          {"launchType", service.config().launch_type == sim::model::LaunchType::ec2 ? "EC2" : "FARGATE"},
          {"rolloutState", std::string(sim::ecs::to_string(d.rollout))},
          {"rolloutStateReason", rollback_reason.empty() ? rollout_reason(d) : rollback_reason}};
}

// "(task 7)" in the simulator's messages becomes "(task <id>)", the id DescribeTasks knows.
std::string with_task_ids(const ServedService& service, const std::string& message) {
  static const std::regex task_number(R"(\(task (\d+)\))");
  std::string out;
  auto last = message.cbegin();
  for (std::sregex_iterator it(message.begin(), message.end(), task_number), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    out += "(task " + task_id_of(service, static_cast<sim::ecs::TaskId>(std::stoul((*it)[1].str()))) + ")";
    last = (*it)[0].second;
  }
  out.append(last, message.cend());
  return out;
}

nlohmann::json events_json(const EcsState& state, const ServedService& service) {
  nlohmann::json events = nlohmann::json::array();
  const auto& all = service.facts().service_events();
  for (auto it = all.rbegin(); it != all.rend() && events.size() < kEventsShown; ++it) {
    events.push_back({{"id", task_id_of(service, static_cast<sim::ecs::TaskId>(1'000'000'000 + it->sequence))},
                      {"createdAt", state.epoch(service.server_time(it->at))},
                      {"message", with_task_ids(service, it->message)}});
  }
  return events;
}

const char* health_of(const sim::ecs::TaskRecord& task) {
  using sim::ecs::HealthStatus;
  const auto& health = task.container_health;
  if (std::find(health.begin(), health.end(), HealthStatus::unhealthy) != health.end()) return "UNHEALTHY";
  if (std::find(health.begin(), health.end(), HealthStatus::healthy) != health.end()) return "HEALTHY";
  return "UNKNOWN";
}

}  // namespace

const char* to_string(ServiceStatus status) {
  switch (status) {
    case ServiceStatus::active: return "ACTIVE";
    case ServiceStatus::draining: return "DRAINING";
    case ServiceStatus::inactive: return "INACTIVE";
  }
  return "?";
}

std::string task_id_of(const ServedService& service, sim::ecs::TaskId task) {
  return task_id(service.cluster(), service.name(), task);
}

nlohmann::json deployments_json(const EcsState& state, const ServedService& service) {
  const auto& deployments = service.controller().deployments();
  std::vector<const Deployment*> shown;
  for (const Deployment& d : deployments)
    if (listed(service, d)) shown.push_back(&d);
  std::stable_sort(shown.begin(), shown.end(), [](const Deployment* a, const Deployment* b) {
    const bool a_primary = a->status == DeploymentStatus::primary;
    const bool b_primary = b->status == DeploymentStatus::primary;
    return a_primary != b_primary ? a_primary : a->created_at > b->created_at;
  });
  nlohmann::json out = nlohmann::json::array();
  for (const Deployment* d : shown) {
    // The deployment the breaker or an alarm brought back names the one it rolls back from's
    // detector, as ECS does: "ECS deployment circuit breaker: rolling back to deploymentId …".
    std::string rollback_reason;
    if (d->is_rollback && d->rollout == RolloutState::in_progress)
      rollback_reason = "ECS deployment circuit breaker: rolling back to deploymentId " + d->name() + ".";
    out.push_back(deployment_json(state, service, *d, rollback_reason));
  }
  return out;
}

nlohmann::json service_json(const EcsState& state, const ServedService& service) {
  const auto& config = service.config();
  const Counts counts = count_tasks(service, std::nullopt);
  const nlohmann::json written = nlohmann::json::parse(scenario::service_to_json(config).dump());
  const auto& controller = service.controller();
  const Deployment* primary = nullptr;
  for (const Deployment& d : controller.deployments())
    if (d.status == DeploymentStatus::primary) primary = &d;
  nlohmann::json out = {
      {"serviceArn", service_arn(service.cluster(), service.name())},
      {"serviceName", service.name()},
      {"clusterArn", cluster_arn(service.cluster())},
      {"status", to_string(service.status())},
      {"desiredCount", config.desired_count},
      {"runningCount", counts.running},
      {"pendingCount", counts.pending},
      {"launchType", written["launchType"]},
      {"deploymentConfiguration", written["deploymentConfiguration"]},
      {"deploymentController", {{"type", "ECS"}}},
      {"schedulingStrategy", "REPLICA"},
      {"healthCheckGracePeriodSeconds", written["healthCheckGracePeriodSeconds"]},
      {"loadBalancers", written.value("loadBalancers", nlohmann::json::array())},
      {"createdAt", state.epoch(service.created_at())},
      {"deployments", deployments_json(state, service)},
      {"events", events_json(state, service)},
  };
  if (primary) out["taskDefinition"] = task_definition_arn_of(service, primary->task_definition);
  return out;
}

nlohmann::json task_json(const EcsState& state, const ServedService& service, sim::ecs::TaskId id) {
  const sim::ecs::TaskRecord& task = service.controller().tasks()[id];
  const TaskFacts& facts = service.facts().task(id);
  const auto& deployments = service.controller().deployments();
  const std::string arn = task_arn(service.cluster(), task_id_of(service, id));
  const auto when = [&](sim::Millis t) { return state.epoch(service.server_time(t)); };
  nlohmann::json out = {
      {"taskArn", arn},
      {"clusterArn", cluster_arn(service.cluster())},
      {"taskDefinitionArn", task_definition_arn_of(service, task.task_definition)},
      {"group", "service:" + service.name()},
      {"startedBy", deployments.at(task.deployment).name()},
      {"lastStatus", std::string(sim::ecs::to_string(task.state))},
      {"desiredStatus", task.live && !task.stop_requested ? "RUNNING" : "STOPPED"},
      {"healthStatus", health_of(task)},
      {"launchType", service.config().launch_type == sim::model::LaunchType::ec2 ? "EC2" : "FARGATE"},
      {"createdAt", when(task.launched_at)},
  };
  if (facts.started_at) out["startedAt"] = when(*facts.started_at);
  if (facts.stopping_at) out["stoppingAt"] = when(*facts.stopping_at);
  if (facts.stopped_at) out["stoppedAt"] = when(*facts.stopped_at);
  if (facts.stop_code != sim::ecs::StopCode::none) out["stopCode"] = std::string(sim::ecs::to_string(facts.stop_code));
  if (!facts.stopped_reason.empty()) out["stoppedReason"] = facts.stopped_reason;
  nlohmann::json containers = nlohmann::json::array();
  const sim::model::TaskDefinition& definition = service.task_definition(task.task_definition);
  for (std::size_t i = 0; i < definition.containers.size(); ++i) {
    const ContainerFacts known = i < facts.containers.size() ? facts.containers[i] : ContainerFacts{};
    nlohmann::json container = {{"taskArn", arn},
                                {"name", definition.containers[i].name},
                                {"image", definition.containers[i].image},
                                {"lastStatus", known.last_status},
                                {"healthStatus", i < task.container_health.size()
                                                     ? std::string(sim::ecs::to_string(task.container_health[i]))
                                                     : "UNKNOWN"}};
    if (known.exit_code) container["exitCode"] = *known.exit_code;
    if (!known.reason.empty()) container["reason"] = known.reason;
    containers.push_back(container);
  }
  out["containers"] = containers;
  return out;
}

}  // namespace harness::serve
