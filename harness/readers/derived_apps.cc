#include "harness/readers/derived_apps.h"

#include <regex>

namespace harness::readers {
namespace {

using nlohmann::json;

// Paths a container health check requests: "curl -f http://localhost:8080/health || exit 1".
std::vector<std::string> probed_paths(const json& container) {
  std::vector<std::string> paths;
  if (!container.contains("healthCheck") || !container["healthCheck"].contains("command")) return paths;
  static const std::regex url("https?://[^/\\s\"']+(/[^\\s\"'|;&]*)");
  for (const json& part : container["healthCheck"]["command"]) {
    if (!part.is_string()) continue;
    const std::string text = part.get<std::string>();
    for (std::sregex_iterator it(text.begin(), text.end(), url), end; it != end; ++it) paths.push_back((*it)[1].str());
  }
  return paths;
}

std::vector<std::string> names_of(const json& container, const char* list) {
  std::vector<std::string> names;
  if (container.contains(list) && container[list].is_array())
    for (const json& item : container[list])
      if (item.contains("name") && item["name"].is_string()) names.push_back(item["name"].get<std::string>());
  return names;
}

long long number_of(const json& value) {
  if (value.is_number()) return value.get<long long>();
  if (value.is_string()) return std::atoll(value.get<std::string>().c_str());
  return 0;
}

// The memory a container may use: its hard limit, else its reservation, else the task's share.
long long limit_mib(const json& container, const json& definition) {
  if (container.contains("memory")) return number_of(container["memory"]);
  if (container.contains("memoryReservation")) return number_of(container["memoryReservation"]);
  const std::size_t containers = definition["containerDefinitions"].size();
  return definition.contains("memory") ? number_of(definition["memory"]) / static_cast<long long>(containers) : 512;
}

json profile_for(const json& container, const json& definition, const json& service, const json* target_group) {
  json app = json::object();
  std::vector<std::string> reads = names_of(container, "environment");
  for (const std::string& name : names_of(container, "secrets")) reads.push_back(name);
  app["phases"] = json::array({{{"name", "start"}, {"seconds", kAssumedStartSeconds}, {"reads", reads}}});
  long long port = 0;
  json endpoints = json::object();
  if (service.contains("loadBalancers") && !service["loadBalancers"].empty() &&
      service["loadBalancers"][0].value("containerName", "") == container.value("name", "")) {
    port = number_of(service["loadBalancers"][0].value("containerPort", json(0)));
    if (target_group) endpoints[target_group->value("HealthCheckPath", "/")] = {{"kind", "ready"}};
  }
  if (port == 0 && container.contains("portMappings") && !container["portMappings"].empty())
    port = number_of(container["portMappings"][0].value("containerPort", json(0)));
  if (port > 0) app["port"] = port;
  for (const std::string& path : probed_paths(container))
    if (!endpoints.contains(path)) endpoints[path] = {{"kind", "live"}};
  if (!endpoints.empty()) app["endpoints"] = endpoints;
  const long long mib = std::max<long long>(limit_mib(container, definition) / 2, 6);
  app["memory"] = json::array({{{"atSeconds", 0}, {"mib", mib}}});
  return app;
}

}  // namespace

json derive_apps(const json& task_definitions, const json& service, const json* target_group,
                 std::vector<std::string>& assumptions) {
  json apps = json::object();
  for (const json& definition : task_definitions)
    for (const json& container : definition["containerDefinitions"]) {
      const std::string image = container.value("image", "");
      if (image.empty() || apps.contains(image)) continue;
      apps[image] = profile_for(container, definition, service, target_group);
    }
  if (apps.empty()) return apps;
  assumptions.push_back("apps: each image starts listening " + std::to_string(static_cast<int>(kAssumedStartSeconds)) +
                        " s after its container starts (measure yours: `deploysim real` or your logs) and reads "
                        "every environment variable and secret its container is given");
  assumptions.push_back("apps: each image holds half its container's memory limit (or of its share of the task's "
                        "memory), flat; set `memory` to what it really uses");
  assumptions.push_back("apps: each image answers the target group's health check path (ready) and the paths its "
                        "container health check requests (live) with 200 once listening, needs no dependency, and "
                        "ships sh, wget and curl");
  return apps;
}

}  // namespace harness::readers
