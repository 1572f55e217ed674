// ListServiceDeployments and DescribeServiceDeployments (the ServiceDeployment API of Oct 2024):
// one ServiceDeployment per deployment of the simulation. ECS publishes no table from rolloutState
// to ServiceDeployment.status; ours follows the ECS-over-time reference (section 1.7) [DER]: COMPLETED is SUCCESSFUL;
// FAILED with rollback is ROLLBACK_IN_PROGRESS until the deployment rolled back to completes, then
// ROLLBACK_SUCCESSFUL; FAILED without rollback is STOPPED; IN_PROGRESS is IN_PROGRESS.
#include <cstdio>

#include "harness/serve/arns.h"
#include "harness/serve/ecs_operations.h"
#include "harness/serve/service_shapes.h"

namespace harness::serve {
namespace {

using sim::ecs::Deployment;
using sim::ecs::RolloutState;

// The part of "ecs-svc/12" after the slash names the ServiceDeployment and its target revision.
std::string suffix(const Deployment& d) { return d.name().substr(d.name().find('/') + 1); }

std::string service_deployment_arn(const ServedService& service, const Deployment& d) {
  return std::string("arn:aws:ecs:") + kRegion + ":" + kAccount + ":service-deployment/" + service.cluster() + "/" +
         service.name() + "/" + suffix(d);
}

std::string service_revision_arn(const ServedService& service, const Deployment& d) {
  char digits[20];
  std::snprintf(digits, sizeof digits, "%019u", static_cast<unsigned>(d.id) + 1);
  return std::string("arn:aws:ecs:") + kRegion + ":" + kAccount + ":service-revision/" + service.cluster() + "/" +
         service.name() + "/" + digits;
}

const char* service_deployment_status(const ServedService& service, const Deployment& d) {
  switch (d.rollout) {
    case RolloutState::in_progress: return "IN_PROGRESS";
    case RolloutState::completed: return "SUCCESSFUL";
    case RolloutState::failed: break;
  }
  if (!service.config().deployment.circuit_breaker.rollback && !service.config().deployment.alarms.rollback)
    return "STOPPED";
  for (const Deployment& other : service.controller().deployments())
    if (other.is_rollback && other.rollout == RolloutState::in_progress) return "ROLLBACK_IN_PROGRESS";
  return "ROLLBACK_SUCCESSFUL";
}

nlohmann::json brief_json(const EcsState& state, const ServedService& service, const Deployment& d) {
  const double created = state.epoch(service.server_time(d.created_at));
  nlohmann::json out = {{"serviceDeploymentArn", service_deployment_arn(service, d)},
                        {"serviceArn", service_arn(service.cluster(), service.name())},
                        {"clusterArn", cluster_arn(service.cluster())},
                        {"createdAt", created},
                        {"startedAt", created},
                        {"targetServiceRevisionArn", service_revision_arn(service, d)},
                        {"status", service_deployment_status(service, d)}};
  if (d.rollout == RolloutState::failed) out["statusReason"] = d.rollout_reason;
  if (d.rollout != RolloutState::in_progress) {
    if (const auto finished = service.facts().deployment_updated_at(d.id))
      out["finishedAt"] = state.epoch(service.server_time(*finished));
  }
  return out;
}

nlohmann::json full_json(const EcsState& state, const ServedService& service, const Deployment& d) {
  nlohmann::json out = brief_json(state, service, d);
  out.erase("targetServiceRevisionArn");
  out["targetServiceRevision"] = {{"arn", service_revision_arn(service, d)},
                                  {"requestedTaskCount", service.config().desired_count},
                                  {"runningTaskCount", service.controller().tasks().of(d.id).live},
                                  {"pendingTaskCount", 0}};
  const bool breaker_on = service.config().deployment.circuit_breaker.enable;
  out["deploymentCircuitBreaker"] = {
      {"status", !breaker_on ? "DISABLED"
                 : d.rollout == RolloutState::failed ? "TRIGGERED"
                 : d.rollout == RolloutState::completed ? "MONITORING_COMPLETE"
                                                         : "MONITORING"},
      {"failureCount", d.breaker.failures()},
      {"threshold", d.breaker.threshold(service.config().desired_count)}};
  return out;
}

}  // namespace

nlohmann::json list_service_deployments(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  const ServedService* service = state.find_service(cluster, reader.required("service").as_name());
  if (!service) throw service_not_found();
  const std::vector<std::string> statuses = reader.names_or_empty("status");
  reader.int_or("maxResults", 20, {1, 100});
  nlohmann::json out = nlohmann::json::array();
  const auto& deployments = service->controller().deployments();
  for (auto it = deployments.rbegin(); it != deployments.rend(); ++it) {  // newest first
    nlohmann::json brief = brief_json(state, *service, *it);
    if (statuses.empty() || std::find(statuses.begin(), statuses.end(), brief["status"]) != statuses.end())
      out.push_back(std::move(brief));
  }
  return {{"serviceDeployments", out}};
}

nlohmann::json describe_service_deployments(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const scenario::Node arns_node = reader.required("serviceDeploymentArns");
  const std::vector<std::string> arns = arns_node.as_names();
  if (arns.empty() || arns.size() > 20) arns_node.fail("an array of 1-20 service deployment ARNs");
  nlohmann::json found = nlohmann::json::array();
  nlohmann::json failures = nlohmann::json::array();
  for (const std::string& arn : arns) {
    bool matched = false;
    for (const std::string& cluster : state.clusters())
      for (const ServedService* service : state.services(cluster))
        for (const Deployment& d : service->controller().deployments())
          if (service_deployment_arn(*service, d) == arn) {
            found.push_back(full_json(state, *service, d));
            matched = true;
          }
    if (!matched) failures.push_back({{"arn", arn}, {"reason", "MISSING"}});
  }
  return {{"serviceDeployments", found}, {"failures", failures}};
}

}  // namespace harness::serve
