// shallow-health-path and deep-health-check-on-shared-dependency: a health check is only as good
// as the endpoint it asks (sim/model/app_profile.h EndpointKind). Too shallow, it passes a broken
// task: a `live` endpoint answers 200 as long as the process runs, whether or not it finished
// starting (seed 001's /health/live, green for nine hours); a `degraded` one answers 200 while
// its dependencies are down, and a 200 is healthy to a target group (seed 002). Too deep, it
// fails a good fleet: a `ready` endpoint that checks a dependency answers 503 whenever that
// dependency is down, and every task shares it, so one blip fails every task at once and ECS
// replaces them all. The endpoint both rules leave alone is a `ready` one that checks no
// dependency: 200 once start-up has finished.
#include "harness/lint/rules.h"

namespace harness::lint {
namespace {

constexpr const char* kLiveWhy =
    "seed 001: /health/live stayed green for 9+ hours while the app never finished starting";
constexpr const char* kDegradedWhy =
    "seed 002: /health answered 200 \"degraded\" while Redis was unreachable; a 200 is healthy to "
    "a target group, so nothing caught it";
constexpr const char* kDeepWhy =
    "seed 002: a /health that answers 503 while Redis is unusable fails every task together "
    "(002-redis-no-scheme-strict-503); beyond the seeds (incident 101) a 20 s Redis blip behind "
    "such a check failed the whole fleet at once and rolled a good revision back";

// The endpoint `path` reaches in `profile`, or nullptr for a path the app answers 404.
const sim::model::Endpoint* endpoint_at(const sim::model::AppProfile& profile,
                                        const std::string& path) {
  const auto it = profile.endpoints.find(path);
  return it == profile.endpoints.end() ? nullptr : &it->second;
}

bool shallow(const sim::model::Endpoint* endpoint) {
  return endpoint != nullptr && endpoint->kind != sim::model::EndpointKind::ready;
}

void add_shallow(Findings& out, const Location& where, const std::string& check,
                 const std::string& path, const sim::model::Endpoint& endpoint) {
  const bool live = endpoint.kind == sim::model::EndpointKind::live;
  out.add(Severity::warning, "shallow-health-path", where,
          check + " asks " + path + ", a " + (live ? "live" : "degraded") + " endpoint: " +
              (live ? "it answers 200 while the process runs, started or not"
                    : "it answers 200 even while its dependencies are down"),
          live ? kLiveWhy : kDegradedWhy);
}

// A `ready` endpoint that answers 503 while one of its dependencies is down.
bool deep(const sim::model::Endpoint* endpoint) {
  return endpoint != nullptr && endpoint->kind == sim::model::EndpointKind::ready &&
         !endpoint->checks.empty();
}

void add_deep(Findings& out, const Location& where, const std::string& check,
              const std::string& path, const sim::model::Endpoint& endpoint) {
  std::string dependencies;
  for (const std::string& name : endpoint.checks)
    dependencies += (dependencies.empty() ? "" : " or ") + name;
  out.add(Severity::warning, "deep-health-check-on-shared-dependency", where,
          check + " asks " + path + ", which answers 503 while " + dependencies +
              " is down: every task shares it, so one blip fails every task at once and ECS "
              "replaces the whole fleet; check start-up only and watch " + dependencies +
              " through metrics",
          kDeepWhy);
}

// The load balancer's container in the deployed definition, or nullptr without a load balancer.
const sim::model::ContainerDefinition* balanced_container(const LintContext& context) {
  const sim::model::ServiceConfig& service = context.scenario.service;
  if (!service.load_balancer) return nullptr;
  for (const auto& container : context.deployed().containers)
    if (container.name == service.container_name_for_lb) return &container;
  return nullptr;
}

}  // namespace

void check_shallow_health_path(const LintContext& context, Findings& out) {
  // A target group asking a `ready` endpoint is the deep signal; a shallow container check next
  // to it is the recommended pairing (liveness in the container, readiness at the balancer).
  bool deep_target_check = false;
  if (const auto* container = balanced_container(context)) {
    const std::string& path = context.scenario.service.load_balancer->path;
    const sim::model::AppProfile* profile = context.profile(*container);
    const sim::model::Endpoint* endpoint = profile ? endpoint_at(*profile, path) : nullptr;
    deep_target_check = endpoint != nullptr && !shallow(endpoint);
    if (shallow(endpoint))
      add_shallow(out, context.source.target_group("/HealthCheckPath"), "the target group", path,
                  *endpoint);
  }
  if (deep_target_check) return;
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const sim::model::AppProfile* profile = context.profile(containers[i]);
    if (profile == nullptr || !containers[i].health_check) continue;
    const std::string path =
        sim::model::parse_probe_command(containers[i].health_check->command).path;
    const sim::model::Endpoint* endpoint = endpoint_at(*profile, path);
    if (shallow(endpoint))
      add_shallow(out, context.container(i, "/healthCheck/command"),
                  "the container check of \"" + containers[i].name + "\"", path, *endpoint);
  }
}

void check_deep_health_path(const LintContext& context, Findings& out) {
  if (const auto* container = balanced_container(context)) {
    const std::string& path = context.scenario.service.load_balancer->path;
    const sim::model::AppProfile* profile = context.profile(*container);
    const sim::model::Endpoint* endpoint = profile ? endpoint_at(*profile, path) : nullptr;
    if (deep(endpoint))
      add_deep(out, context.source.target_group("/HealthCheckPath"), "the target group", path,
               *endpoint);
  }
  // A container check condemns the task only through task health, which essential containers
  // decide (ecs-rules §5).
  const auto& containers = context.deployed().containers;
  for (std::size_t i = 0; i < containers.size(); ++i) {
    const sim::model::AppProfile* profile = context.profile(containers[i]);
    if (profile == nullptr || !containers[i].health_check || !containers[i].essential) continue;
    const std::string path =
        sim::model::parse_probe_command(containers[i].health_check->command).path;
    const sim::model::Endpoint* endpoint = endpoint_at(*profile, path);
    if (deep(endpoint))
      add_deep(out, context.container(i, "/healthCheck/command"),
               "the container check of \"" + containers[i].name + "\"", path, *endpoint);
  }
}

}  // namespace harness::lint
