// The ECS service, as `aws ecs describe-services` prints services[0] (or create-service takes it):
// desired count, launch type, deployment configuration with its circuit breaker, grace period
// and the load balancer's container and port.
#include <algorithm>

#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::ServiceConfig;

// {"services": [...], "failures": []}: the whole describe-services answer, for one service.
Node unwrap(const Node& node) {
  if (!node.json().is_object() || !node.json().contains("services")) return node;
  ObjectReader wrapper = node.as_object(UnknownKeys::ignore);
  const Node services = wrapper.required("services");
  wrapper.finish();
  if (!services.json().is_array() || services.json().size() != 1) {
    services.fail("an array of exactly one service (deploysim simulates one)");
  }
  return services.child(0);
}

// "arn:aws:ecs:us-east-1:123456789012:cluster/prod" -> "prod"; a plain name stays as it is.
std::string cluster_name(const std::string& cluster) {
  const auto slash = cluster.rfind(":cluster/");
  return slash == std::string::npos ? cluster : cluster.substr(slash + 9);
}

// deploymentCircuitBreaker (ecs-rules §1.2): enable and rollback are required by the API; the
// threshold value's range depends on its type.
sim::model::CircuitBreakerConfig read_circuit_breaker(const Node& node) {
  using sim::model::ThresholdType;
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  sim::model::CircuitBreakerConfig breaker;
  breaker.enable = reader.required("enable").as_bool();
  breaker.rollback = reader.required("rollback").as_bool();
  breaker.reset_on_healthy_task =
      reader.bool_or("resetOnHealthyTask", breaker.reset_on_healthy_task);
  if (const std::optional<Node> threshold = reader.get("thresholdConfiguration")) {
    ObjectReader config = threshold->as_object(UnknownKeys::ignore);
    breaker.threshold_type =
        config.choice_or<ThresholdType>("type", breaker.threshold_type,
                                        {{"BOUNDED_PERCENT", ThresholdType::bounded_percent},
                                         {"UNBOUNDED_PERCENT", ThresholdType::unbounded_percent},
                                         {"COUNT", ThresholdType::count}});
    const IntRange range =
        breaker.threshold_type == ThresholdType::count ? IntRange{1} : IntRange{1, 100};
    breaker.threshold_value = config.int_or("value", breaker.threshold_value, range);
    config.finish();
  }
  reader.finish();
  return breaker;
}

// deploymentConfiguration.alarms (API_DeploymentAlarms; ecs-rules §2): all three members are
// required; each name must be an alarm the scenario defines, since only those are simulated.
sim::model::DeploymentAlarmsConfig read_deployment_alarms(const Node& node,
                                                          const std::vector<std::string>& defined) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  sim::model::DeploymentAlarmsConfig alarms;
  const Node names = reader.required("alarmNames");
  alarms.alarm_names = names.as_names();
  for (std::size_t i = 0; i < alarms.alarm_names.size(); ++i) {
    names.child(i).as_reference(defined, "alarms defined in the scenario's \"alarms\" section");
  }
  alarms.enable = reader.required("enable").as_bool();
  alarms.rollback = reader.required("rollback").as_bool();
  if (alarms.enable && alarms.alarm_names.empty()) {
    names.fail("at least one alarm name when \"enable\" is true");
  }
  reader.finish();
  return alarms;
}

// canaryConfiguration or linearConfiguration (API_CanaryConfiguration, API_LinearConfiguration;
// ecs-rules §3.2): a percent in multiples of 0.1, kept in tenths, and a wait of 0-1440 minutes.
void read_shift_configuration(ObjectReader& reader, std::string_view key, std::string_view percent_key,
                              NumberRange percent_range, std::string_view wait_key, int& percent_tenths,
                              sim::Millis& wait) {
  const std::optional<Node> node = reader.get(key);
  if (!node) return;
  ObjectReader config = node->as_object(UnknownKeys::ignore);
  if (const std::optional<Node> percent = config.get(percent_key)) {
    percent_tenths = static_cast<int>(percent->as_scaled(percent_range, 10));
  }
  wait = sim::minutes(config.int_or(wait_key, static_cast<int>(wait / sim::minutes(1)), {0, 1440}));
  config.finish();
}

void read_shift_configurations(ObjectReader& reader, sim::model::DeploymentConfiguration& deployment) {
  read_shift_configuration(reader, "canaryConfiguration", "canaryPercent", {0.1, 100}, "canaryBakeTimeInMinutes",
                           deployment.canary_percent_tenths, deployment.canary_bake_time);
  read_shift_configuration(reader, "linearConfiguration", "stepPercent", {3, 100}, "stepBakeTimeInMinutes",
                           deployment.linear_step_percent_tenths, deployment.linear_step_bake_time);
}

// deploymentConfiguration (ecs-rules §3). maximumPercent is held to 100-200: below 100 a rolling
// replacement cannot start a task first, and 200 is the REPLICA default we model up to.
}  // namespace

sim::model::DeploymentConfiguration read_deployment_configuration(
    const Node& node, const std::vector<std::string>& defined_alarms, const std::vector<std::string>& simulated_hooks,
    const sim::model::DeploymentConfiguration& base) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  sim::model::DeploymentConfiguration deployment = base;
  deployment.minimum_healthy_percent =
      reader.int_or("minimumHealthyPercent", deployment.minimum_healthy_percent, {0, 100});
  deployment.maximum_percent =
      reader.int_or("maximumPercent", deployment.maximum_percent, {100, 200});
  if (const std::optional<Node> breaker = reader.get("deploymentCircuitBreaker")) {
    deployment.circuit_breaker = read_circuit_breaker(*breaker);
  }
  if (const std::optional<Node> alarms = reader.get("alarms")) {
    deployment.alarms = read_deployment_alarms(*alarms, defined_alarms);
  }
  // bakeTimeInMinutes: 0-1440 (Terraform/Pulumi ranges; ecs-rules §3.2).
  deployment.bake_time = reader.value_or("bakeTimeInMinutes", deployment.bake_time,
                                         [](const Node& n) { return sim::minutes(n.as_int32({0, 1440})); });
  deployment.bake_time_given = deployment.bake_time_given || reader.has("bakeTimeInMinutes");
  using sim::model::DeploymentStrategy;
  deployment.strategy = reader.choice_or<DeploymentStrategy>(
      "strategy", deployment.strategy,
      {{"ROLLING", DeploymentStrategy::rolling},
       {"BLUE_GREEN", DeploymentStrategy::blue_green},
       {"LINEAR", DeploymentStrategy::linear},
       {"CANARY", DeploymentStrategy::canary}});
  read_shift_configurations(reader, deployment);
  if (const std::optional<Node> hooks = reader.get("lifecycleHooks")) {
    deployment.lifecycle_hooks = read_lifecycle_hooks(*hooks, deployment.strategy, simulated_hooks);
  }
  // bakeTimeInMinutes is required for BLUE_GREEN (API_DeploymentConfiguration; ecs-rules §3.2).
  if (deployment.strategy == DeploymentStrategy::blue_green && !reader.has("bakeTimeInMinutes")) {
    reader.required("bakeTimeInMinutes").as_int32({0, 1440});
  }
  if (deployment.strategy != DeploymentStrategy::rolling) {
    // Green runs at 100 % beside blue: deploysim needs the room (our limit, not a documented one).
    if (deployment.maximum_percent != 200) {
      reader.required("maximumPercent")
          .fail("200 with a BLUE_GREEN, LINEAR or CANARY strategy (deploysim runs green at 100 % beside "
                "blue)");
    }
  }
  reader.finish();
  return deployment;
}

namespace {

// ECS checks at create-service that the load balancer's container and port exist in the task
// definition; we check every definition the run will launch.
void check_load_balancer_target(ObjectReader& balancer, const ServiceConfig& service,
                                const std::vector<const sim::model::TaskDefinition*>& in_use) {
  for (const sim::model::TaskDefinition* definition : in_use) {
    std::vector<std::string> names;
    for (const auto& container : definition->containers) names.push_back(container.name);
    const std::size_t index = balancer.required("containerName")
                                  .as_reference(names, "containers of " + definition->arn_name());
    const auto& ports = definition->containers[index].port_mappings;
    if (std::none_of(ports.begin(), ports.end(), [&](const auto& mapping) {
          return mapping.container_port == service.container_port_for_lb;
        })) {
      balancer.required("containerPort")
          .fail("a containerPort in the portMappings of container \"" + names[index] + "\" of " +
                definition->arn_name());
    }
  }
}

void read_load_balancers(const Node& node, ServiceConfig& service,
                         const std::vector<const sim::model::TaskDefinition*>& in_use) {
  const std::vector<Node> balancers = node.as_array();
  if (balancers.empty()) return;
  if (balancers.size() > 1) {
    balancers[1].fail("at most one load balancer (deploysim models one target group)");
  }
  ObjectReader balancer = balancers[0].as_object(UnknownKeys::ignore);
  balancer.string_or("targetGroupArn", "");  // the target group itself is "targetGroup"
  service.container_name_for_lb = balancer.required("containerName").as_name();
  service.container_port_for_lb = balancer.required("containerPort").as_int32(kPortRange);
  check_load_balancer_target(balancer, service, in_use);
  balancer.finish();
}

}  // namespace

ServiceConfig read_service(const Node& node,
                           const std::vector<const sim::model::TaskDefinition*>& in_use,
                           const std::vector<std::string>& defined_alarms,
                           const std::vector<std::string>& simulated_hooks) {
  using sim::model::LaunchType;
  ObjectReader reader = unwrap(node).as_object(UnknownKeys::ignore);
  ServiceConfig service;
  service.name = reader.required("serviceName").as_name();
  // create-service takes "cluster" (a name or an ARN); describe-services prints "clusterArn".
  const std::string arn = reader.string_or("clusterArn", service.cluster);
  service.cluster = cluster_name(reader.string_or("cluster", arn));
  // 5,000 is ECS's default quota of tasks per service.
  service.desired_count = reader.required("desiredCount").as_int32({0, 5000});
  service.launch_type =
      reader.choice_or<LaunchType>("launchType", service.launch_type,
                                   {{"FARGATE", LaunchType::fargate}, {"EC2", LaunchType::ec2}});
  reader.choice_or<int>("schedulingStrategy", 0, {{"REPLICA", 0}});
  if (const std::optional<Node> controller = reader.get("deploymentController")) {
    ObjectReader type = controller->as_object(UnknownKeys::ignore);
    type.choice_or<int>("type", 0, {{"ECS", 0}});
    type.finish();
  }
  if (const std::optional<Node> deployment = reader.get("deploymentConfiguration")) {
    service.deployment = read_deployment_configuration(*deployment, defined_alarms, simulated_hooks);
  }
  service.health_check_grace_period = reader.seconds_or(
      "healthCheckGracePeriodSeconds", service.health_check_grace_period, {0, 2147483647});
  if (const std::optional<Node> balancers = reader.get("loadBalancers")) {
    read_load_balancers(*balancers, service, in_use);
  }
  reader.finish();
  return service;
}

}  // namespace harness::scenario
