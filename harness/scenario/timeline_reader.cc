// "timeline": UpdateService calls at given times, each the request `aws ecs update-service
// --cli-input-json` takes (so the same JSON can be sent to deploysim serve), with atSeconds
// beside it (ecs-rules §12):
//   {"atSeconds": 240, "updateService": {"service": "web", "taskDefinition": "web:3", "desiredCount": 4}}
#include <algorithm>

#include "harness/scenario/section_readers.h"

namespace harness::scenario {

sim::model::ServiceUpdate read_service_update(const Node& node, const TimelineContext& context,
                                              const sim::model::DeploymentConfiguration& base) {
  ObjectReader entry = node.as_object(UnknownKeys::reject);
  sim::model::ServiceUpdate update;
  update.at = entry.required("atSeconds").as_seconds({0, context.horizon_seconds});
  update.origin = "timeline[" + node.pointer().substr(node.pointer().rfind('/') + 1) + "]";
  // An AWS request: every key the API takes is accepted, the ones not modelled listed as ignored.
  ObjectReader request = entry.required("updateService").as_object(UnknownKeys::ignore);
  const std::string service = request.required("service").as_name();
  const std::string bare = service.substr(service.rfind('/') + 1);  // a service ARN ends in its name
  if (bare != context.service.name) {
    request.required("service").fail("the scenario's service \"" + context.service.name + "\"");
  }
  request.string_or("cluster", context.service.cluster);
  if (const std::optional<Node> td = request.get("taskDefinition")) update.task_definition = context.task_definition(*td);
  if (const std::optional<Node> count = request.get("desiredCount")) update.desired_count = count->as_int32({0, 5000});
  if (const std::optional<Node> deployment = request.get("deploymentConfiguration")) {
    update.deployment_configuration =
        read_deployment_configuration(*deployment, context.alarm_names, context.hook_arns, base);
  }
  if (const std::optional<Node> grace = request.get("healthCheckGracePeriodSeconds")) {
    update.health_check_grace_period = grace->as_seconds({0, 2147483647});
  }
  update.force_new_deployment = request.bool_or("forceNewDeployment", false);
  request.finish();
  entry.finish();
  return update;
}

std::vector<sim::model::ServiceUpdate> read_timeline_section(const Node& node, const TimelineContext& context) {
  std::vector<sim::model::ServiceUpdate> timeline;
  sim::model::DeploymentConfiguration in_force = context.service.deployment;
  for (const Node& element : node.as_array()) {
    timeline.push_back(read_service_update(element, context, in_force));
    if (timeline.back().deployment_configuration) in_force = *timeline.back().deployment_configuration;
    if (timeline.size() > 1 && timeline.back().at < timeline[timeline.size() - 2].at) {
      element.child("atSeconds").fail("a time no earlier than the entry before it (the timeline is in time order)");
    }
  }
  return timeline;
}

}  // namespace harness::scenario
