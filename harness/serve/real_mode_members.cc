#include "harness/serve/real_mode_members.h"

namespace harness::serve {
namespace {

using json = nlohmann::ordered_json;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const json* container_named(const json& definition, const json& name) {
  const json* containers = member(definition, "containerDefinitions");
  if (containers == nullptr || !containers->is_array()) return nullptr;
  for (const json& c : *containers)
    if (const json* n = member(c, "name"); n != nullptr && *n == name) return &c;
  return nullptr;
}

void copy_port_protocols(const json& from, json& to) {
  const json* ports = member(from, "portMappings");
  if (ports == nullptr || !ports->is_array() || !to.contains("portMappings")) return;
  for (json& mapping : to["portMappings"])
    for (const json& registered : *ports)
      if (const json* protocol = member(registered, "protocol");
          protocol != nullptr && member(registered, "containerPort") != nullptr &&
          registered["containerPort"] == mapping["containerPort"])
        mapping["protocol"] = *protocol;
}

}  // namespace

void copy_real_mode_members(const json& from, json& to) {
  if (const json* mode = member(from, "networkMode")) to["networkMode"] = *mode;
  if (!to.contains("containerDefinitions")) return;
  for (json& container : to["containerDefinitions"]) {
    const json* registered = container_named(from, container["name"]);
    if (registered == nullptr) continue;
    for (const char* key : {"entryPoint", "command", "ulimits", "cpu"})
      if (const json* value = member(*registered, key)) container[key] = *value;
    copy_port_protocols(*registered, container);
  }
}

}  // namespace harness::serve
