#include "harness/docker/own_image.h"

#include "harness/scenario/document.h"
#include "harness/scenario/json_reader.h"

namespace harness::docker {
namespace {

using scenario::Node;
using scenario::ObjectReader;
using scenario::UnknownKeys;

// ulimits [{name, softLimit, hardLimit}] (API_Ulimit): softLimit <= hardLimit.
std::vector<Ulimit> read_ulimits(const Node& node) {
  std::vector<Ulimit> ulimits;
  for (const Node& element : node.as_array()) {
    ObjectReader reader = element.as_object(UnknownKeys::ignore);
    Ulimit u;
    u.name = reader.required("name").as_name();
    u.hard = reader.required("hardLimit").as_int({0});
    u.soft = reader.required("softLimit").as_int({0, u.hard});
    reader.finish();
    ulimits.push_back(u);
  }
  return ulimits;
}

ContainerProcess read_process(const Node& container) {
  ObjectReader reader = container.as_object(UnknownKeys::ignore);
  ContainerProcess p;
  if (const std::optional<Node> entry_point = reader.get("entryPoint")) p.entry_point = entry_point->as_names();
  if (const std::optional<Node> command = reader.get("command")) p.command = command->as_names();
  if (const std::optional<Node> ulimits = reader.get("ulimits")) p.ulimits = read_ulimits(*ulimits);
  if (const std::optional<Node> cpu = reader.get("cpu")) p.cpu_units = cpu->as_int32({0, 10240});
  return p;  // other keys are the scenario loader's
}

// portMappings [{containerPort, hostPort, protocol}] (API_PortMapping) of a bridge-mode container.
std::vector<PublishedPort> read_published_ports(const Node& container) {
  std::vector<PublishedPort> ports;
  if (!container.json().contains("portMappings")) return ports;
  for (const Node& element : container.child("portMappings").as_array()) {
    ObjectReader reader = element.as_object(UnknownKeys::ignore);
    PublishedPort p;
    p.container_port = reader.required("containerPort").as_int32({1, 65535});
    p.host_port = reader.int_or("hostPort", 0, {0, 65535});
    if (const std::optional<Node> protocol = reader.get("protocol"))
      p.protocol = protocol->as_choice<std::string>({{"tcp", "tcp"}, {"udp", "udp"}});
    reader.finish();
    ports.push_back(p);
  }
  return ports;
}

}  // namespace

const ContainerProcess* OwnImages::process(std::size_t task_definition, std::size_t container) const {
  const auto it = processes.find({task_definition, container});
  return it == processes.end() ? nullptr : &it->second;
}

OwnImages read_own_images(const std::string& path) {
  const scenario::Document document = scenario::Document::from_file(path);
  scenario::IgnoredFields ignored;
  const Node root(document, document.root(), "", ignored);
  OwnImages own;
  const nlohmann::json& json = document.root();
  if (json.contains("apps") && json["apps"].is_object())
    for (const auto& [image, app] : root.child("apps").as_members()) {
      ObjectReader reader = app.as_object(UnknownKeys::ignore);
      if (reader.bool_or("runImage", false)) own.images.insert(image);
    }
  if (json.contains("traffic") && json["traffic"].is_object() && json["traffic"].contains("path"))
    own.traffic_path = root.child("traffic").child("path").as_name();
  if (json.contains("taskDefinitions") && json["taskDefinitions"].is_array()) {
    const std::vector<Node> tds = root.child("taskDefinitions").as_array();
    for (std::size_t i = 0; i < tds.size(); ++i) {
      const std::string mode = tds[i].json().is_object() && tds[i].json().contains("networkMode")
                                   ? tds[i].child("networkMode").as_choice<std::string>(
                                         {{"awsvpc", "awsvpc"}, {"host", "awsvpc"}, {"bridge", "bridge"}, {"none", "none"}})
                                   : "";
      if (mode == "awsvpc") own.awsvpc_task_definitions.insert(i);
      if (!tds[i].json().contains("containerDefinitions")) continue;
      const std::vector<Node> containers = tds[i].child("containerDefinitions").as_array();
      for (std::size_t j = 0; j < containers.size(); ++j) {
        own.processes[{i, j}] = read_process(containers[j]);
        if (mode == "bridge") own.bridge_ports[{i, j}] = read_published_ports(containers[j]);
      }
    }
  }
  return own;
}

}  // namespace harness::docker
