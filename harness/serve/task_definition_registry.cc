#include "harness/serve/task_definition_registry.h"

#include <algorithm>

#include "harness/scenario/section_readers.h"
#include "harness/serve/arns.h"
#include "harness/serve/default_app.h"

namespace harness::serve {
namespace {

// "arn:aws:ecs:…:task-definition/web:3" -> "web:3"; "web:3" and "web" stay as they are.
std::string strip_arn(const std::string& reference) {
  const auto at = reference.find(":task-definition/");
  return at == std::string::npos ? reference : reference.substr(at + 17);
}

int first_container_port(const nlohmann::json& container) {
  const auto mappings = container.find("portMappings");
  if (mappings == container.end() || !mappings->is_array() || mappings->empty()) return 0;
  const auto port = (*mappings)[0].find("containerPort");
  return port != (*mappings)[0].end() && port->is_number_integer() ? port->get<int>() : 0;
}

}  // namespace

TaskDefinitionRegistry::TaskDefinitionRegistry(std::map<std::string, sim::model::AppProfile> apps)
    : apps_(std::move(apps)) {}

void TaskDefinitionRegistry::preload(const sim::model::TaskDefinition& definition, nlohmann::json registered,
                                     double now_epoch) {
  entries_.push_back({definition, std::move(registered), true, now_epoch});
}

std::map<std::string, sim::model::AppProfile> TaskDefinitionRegistry::with_default_apps(
    const scenario::Node& definition) const {
  std::map<std::string, sim::model::AppProfile> apps = apps_;
  const auto containers = definition.json().find("containerDefinitions");
  if (containers == definition.json().end() || !containers->is_array()) return apps;  // the reader says what is wrong
  for (const nlohmann::json& container : *containers) {
    if (!container.is_object() || !container.contains("image") || !container["image"].is_string()) continue;
    const std::string image = container["image"].get<std::string>();
    if (!apps.count(image) && !image.empty()) apps[image] = default_app(image, first_container_port(container));
  }
  return apps;
}

const RegisteredTaskDefinition& TaskDefinitionRegistry::register_definition(RequestBody& body, double now_epoch) {
  const scenario::Node& root = body.root();
  if (root.json().contains("revision"))
    throw client_error("RegisterTaskDefinition takes no \"revision\": ECS gives the family its next one");
  // The default apps are kept only if the definition is: a refused request changes nothing.
  std::map<std::string, sim::model::AppProfile> apps = with_default_apps(root);
  std::vector<sim::model::TaskDefinition> earlier;
  for (const RegisteredTaskDefinition& entry : entries_) earlier.push_back(entry.definition);
  RegisteredTaskDefinition entry;
  try {
    entry.definition = scenario::read_task_definition(root, apps, earlier);
  } catch (const scenario::ScenarioError& e) {
    throw client_error(ecs_message(e));
  }
  entry.registered = root.json();
  entry.registered.erase("tags");
  entry.registered_at = now_epoch;
  entries_.push_back(std::move(entry));
  apps_ = std::move(apps);
  return entries_.back();
}

std::optional<std::size_t> TaskDefinitionRegistry::index_of(const std::string& reference) const {
  const std::string name = strip_arn(reference);
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const RegisteredTaskDefinition& entry = entries_[i];
    if (entry.definition.arn_name() == name) return i;
    // A bare family names its latest ACTIVE revision.
    if (entry.definition.family == name && entry.active &&
        (!found || entry.definition.revision > entries_[*found].definition.revision))
      found = i;
  }
  return found;
}

const RegisteredTaskDefinition& TaskDefinitionRegistry::find(const std::string& reference) const {
  const std::optional<std::size_t> index = index_of(reference);
  if (!index) throw client_error("Unable to describe task definition.");
  return entries_[*index];
}

const RegisteredTaskDefinition& TaskDefinitionRegistry::find_active(const std::string& reference) const {
  const std::optional<std::size_t> index = index_of(reference);
  if (!index) throw client_error("TaskDefinition not found.");
  if (!entries_[*index].active) throw invalid_parameter("TaskDefinition is inactive");
  return entries_[*index];
}

const RegisteredTaskDefinition& TaskDefinitionRegistry::deregister(const std::string& reference, double now_epoch) {
  if (strip_arn(reference).find(':') == std::string::npos)
    throw invalid_parameter("expected a task definition family:revision or its full ARN, found \"" + reference + "\"");
  const std::optional<std::size_t> index = index_of(reference);
  if (!index) throw client_error("The specified task definition does not exist.");
  RegisteredTaskDefinition& entry = entries_[*index];
  if (entry.active) entry.deregistered_at = now_epoch;
  entry.active = false;
  return entry;
}

std::vector<std::string> TaskDefinitionRegistry::list(const std::string& family_prefix, const std::string& status,
                                                      bool descending) const {
  std::vector<const RegisteredTaskDefinition*> chosen;
  for (const RegisteredTaskDefinition& entry : entries_) {
    const bool status_matches = (status == "ACTIVE" && entry.active) || (status == "INACTIVE" && !entry.active);
    if (status_matches && entry.definition.family.rfind(family_prefix, 0) == 0) chosen.push_back(&entry);
  }
  std::sort(chosen.begin(), chosen.end(), [](const auto* a, const auto* b) {
    return std::tie(a->definition.family, a->definition.revision) < std::tie(b->definition.family, b->definition.revision);
  });
  if (descending) std::reverse(chosen.begin(), chosen.end());
  std::vector<std::string> arns;
  for (const auto* entry : chosen) arns.push_back(task_definition_arn(entry->definition.arn_name()));
  return arns;
}

nlohmann::json describe(const RegisteredTaskDefinition& entry) {
  nlohmann::json out = entry.registered;
  out["taskDefinitionArn"] = task_definition_arn(entry.definition.arn_name());
  out["family"] = entry.definition.family;
  out["revision"] = entry.definition.revision;
  out["status"] = entry.active ? "ACTIVE" : "INACTIVE";
  out["registeredAt"] = entry.registered_at;
  out["compatibilities"] = {"EC2", "FARGATE"};
  if (!entry.active) out["deregisteredAt"] = entry.deregistered_at;
  return out;
}

}  // namespace harness::serve
