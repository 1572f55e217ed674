#include "harness/docker/port_bindings.h"

namespace harness::docker {

void publish_ports(const std::vector<PublishedPort>& ports, nlohmann::json& config) {
  for (const PublishedPort& p : ports) {
    const std::string key = std::to_string(p.container_port) + "/" + p.protocol;
    config["ExposedPorts"][key] = nlohmann::json::object();
    // HostPort "" asks the engine for a free port of its ephemeral range.
    config["HostConfig"]["PortBindings"][key].push_back(
        {{"HostIp", kPublishedHostIp}, {"HostPort", p.host_port != 0 ? std::to_string(p.host_port) : ""}});
  }
}

int published_host_port(const nlohmann::json& inspect, int container_port) {
  const nlohmann::json ports = inspect.value("NetworkSettings", nlohmann::json::object()).value("Ports", nlohmann::json::object());
  const auto it = ports.find(std::to_string(container_port) + "/tcp");
  if (it == ports.end() || !it->is_array()) return 0;  // null: exposed but not published
  for (const nlohmann::json& binding : *it)
    if (binding.value("HostIp", "") == kPublishedHostIp) return std::stoi(binding.value("HostPort", "0"));
  return 0;
}

}  // namespace harness::docker
