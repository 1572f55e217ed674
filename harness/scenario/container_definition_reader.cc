// One container definition, as `aws ecs describe-task-definition` prints it: what runs (the image,
// which selects the app profile), its limits, health check, start order, environment and stop
// grace.
#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::ContainerDefinition;

// Docker 20.10 and later reserve 6 MiB per container; ECS says not to go below (ecs-rules §8).
constexpr IntRange kContainerMemoryRange{6};

// healthCheck (API_HealthCheck): ranges and defaults of ecs-rules §5.
sim::model::ContainerHealthCheck read_health_check(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  sim::model::ContainerHealthCheck check;
  check.command = reader.required("command").as_names();
  if (check.command.empty()) reader.required("command").fail("a non-empty array of strings");
  check.interval = reader.seconds_or("interval", check.interval, {5, 300});
  check.timeout = reader.seconds_or("timeout", check.timeout, {2, 60});
  check.retries = reader.int_or("retries", check.retries, {1, 10});
  check.start_period = reader.seconds_or("startPeriod", check.start_period, {0, 300});
  reader.finish();
  return check;
}

sim::model::ContainerDependency read_dependency_entry(const Node& node) {
  using sim::model::DependencyCondition;
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  sim::model::ContainerDependency dependency;
  dependency.container_name = reader.required("containerName").as_name();
  dependency.condition =
      reader.required("condition")
          .as_choice<DependencyCondition>({{"START", DependencyCondition::start},
                                           {"COMPLETE", DependencyCondition::complete},
                                           {"SUCCESS", DependencyCondition::success},
                                           {"HEALTHY", DependencyCondition::healthy}});
  reader.finish();
  return dependency;
}

// memory is the hard limit (an OOM kill past it), memoryReservation the soft one; ECS requires
// memory > memoryReservation when both are set (ecs-rules §8).
void read_memory_limits(ObjectReader& reader, ContainerDefinition& container) {
  if (const std::optional<Node> memory = reader.get("memory")) {
    container.memory_mib = memory->as_int32(kContainerMemoryRange);
  }
  if (const std::optional<Node> reservation = reader.get("memoryReservation")) {
    IntRange range = kContainerMemoryRange;
    if (container.memory_mib) range.max = *container.memory_mib - 1;
    container.memory_reservation_mib = reservation->as_int32(range);
  }
}

// environment [{name, value}] and secrets [{name, valueFrom}]: an app reads them by name; a
// secret's valueFrom is where ECS fetches it, which "unreadableSecrets" can make fail and
// "secretValues" can give a value for.
void read_environment(ObjectReader& reader, ContainerDefinition& container) {
  if (const std::optional<Node> environment = reader.get("environment")) {
    for (const Node& element : environment->as_array()) {
      ObjectReader variable = element.as_object(UnknownKeys::ignore);
      const std::string name = variable.required("name").as_name();
      container.environment[name] = variable.required("value").as_string();
      variable.finish();
    }
  }
  if (const std::optional<Node> secrets = reader.get("secrets")) {
    for (const Node& element : secrets->as_array()) {
      ObjectReader secret = element.as_object(UnknownKeys::ignore);
      const std::string name = secret.required("name").as_name();
      container.secrets.push_back(name);
      container.secret_sources[name] = secret.required("valueFrom").as_name();
      secret.finish();
    }
  }
}

std::vector<sim::model::PortMapping> read_port_mappings(const Node& node) {
  std::vector<sim::model::PortMapping> mappings;
  for (const Node& element : node.as_array()) {
    ObjectReader reader = element.as_object(UnknownKeys::ignore);
    sim::model::PortMapping mapping;
    mapping.container_port = reader.required("containerPort").as_int32(kPortRange);
    mapping.host_port = reader.int_or("hostPort", mapping.host_port, {0, 65535});
    reader.finish();
    mappings.push_back(mapping);
  }
  return mappings;
}

}  // namespace

ContainerDefinition read_container_definition(
    const Node& node, const std::map<std::string, sim::model::AppProfile>& apps) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  ContainerDefinition container;
  container.name = reader.required("name").as_name();
  std::vector<std::string> images;
  for (const auto& [image, profile] : apps) images.push_back(image);
  container.image =
      images[reader.required("image").as_reference(images, "images with an app profile")];
  container.essential = reader.bool_or("essential", container.essential);
  read_memory_limits(reader, container);
  if (const std::optional<Node> check = reader.get("healthCheck")) {
    container.health_check = read_health_check(*check);
  }
  if (const std::optional<Node> depends_on = reader.get("dependsOn")) {
    for (const Node& entry : depends_on->as_array()) {
      container.depends_on.push_back(read_dependency_entry(entry));
    }
  }
  read_environment(reader, container);
  if (const std::optional<Node> ports = reader.get("portMappings")) {
    container.port_mappings = read_port_mappings(*ports);
  }
  // Fargate's ranges (API_ContainerDefinition); we apply them to EC2 too.
  if (const std::optional<Node> start = reader.get("startTimeout")) {
    container.start_timeout = start->as_seconds({2, 120});
  }
  container.stop_timeout = reader.seconds_or("stopTimeout", container.stop_timeout, {0, 120});
  reader.finish();
  return container;
}

}  // namespace harness::scenario
