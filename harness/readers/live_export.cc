#include "harness/readers/live_export.h"

#include <algorithm>
#include <filesystem>

#include "harness/readers/service_choice.h"
#include "harness/scenario/scenario_error.h"

namespace harness::readers {
namespace {

using nlohmann::json;

struct Bundle {
  std::vector<SourcePtr> services, task_definitions, target_groups, attributes, alarms, targets, policies;
};

Bundle sort_files(const std::string& directory) {
  std::vector<std::string> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error))
    if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
  if (error) throw scenario::ScenarioError(directory, "", "a readable directory", error.message());
  std::sort(paths.begin(), paths.end());  // directory order is the file system's: sort for determinism
  Bundle bundle;
  for (const std::string& path : paths) {
    SourcePtr source = SourceText::json(path, [&] {
      scenario::ReadFailure failure;
      std::optional<std::string> text = scenario::read_text_file(path, failure);
      if (!text) throw scenario::ScenarioError(path, "", failure.expected, failure.found);
      return *text;
    }());
    const json& root = source->root();
    if (root.contains("services")) bundle.services.push_back(source);
    else if (root.contains("taskDefinition")) bundle.task_definitions.push_back(source);
    else if (root.contains("TargetGroups")) bundle.target_groups.push_back(source);
    else if (root.contains("Attributes")) bundle.attributes.push_back(source);
    else if (root.contains("MetricAlarms")) bundle.alarms.push_back(source);
    else if (root.contains("ScalableTargets")) bundle.targets.push_back(source);
    else if (root.contains("ScalingPolicies")) bundle.policies.push_back(source);
  }
  return bundle;
}

// "arn:aws:ecs:...:task-definition/web:27" or "web:27" -> "web:27".
std::string family_revision(const std::string& reference) {
  return reference.substr(reference.rfind('/') == std::string::npos ? 0 : reference.rfind('/') + 1);
}

class LiveReader {
 public:
  LiveReader(const std::string& directory, const ReadOptions& options)
      : directory_(directory), options_(options), bundle_(sort_files(directory)) {
    sections_.format = "live export";
    sections_.file = directory;
  }

  ConfigSections read() {
    read_service();
    read_task_definitions();
    read_target_group();
    read_alarms();
    read_autoscaling(bundle_.targets, "ScalableTargets", "/scalableTargets", sections_.scalable_targets);
    read_autoscaling(bundle_.policies, "ScalingPolicies", "/scalingPolicies", sections_.scaling_policies);
    return std::move(sections_);
  }

 private:
  // describe-scalable-targets and describe-scaling-policies answers, as they are: the scenario
  // builder keeps what scales this service (autoscaling_section.h).
  void read_autoscaling(const std::vector<SourcePtr>& files, const char* key, const std::string& to, json& list) {
    for (const SourcePtr& file : files) {
      if (!file->root()[key].is_array()) file->fail("/" + std::string(key), key, "an array", file->root()[key].dump());
      for (std::size_t i = 0; i < file->root()[key].size(); ++i) {
        SectionWriter writer(sections_, file, "");
        list.push_back(writer.as_is(file->root()[key][i], to + "/" + std::to_string(list.size()),
                                    "/" + std::string(key) + "/" + std::to_string(i)));
      }
    }
  }

  void read_service() {
    if (bundle_.services.empty())
      throw scenario::ScenarioError(directory_, "", "a describe-services answer ({\"services\": [...]}) among its .json files",
                                    "none");
    std::vector<ServiceCandidate> candidates;
    std::vector<std::pair<SourcePtr, std::size_t>> where;
    for (const SourcePtr& file : bundle_.services)
      for (std::size_t i = 0; i < file->root()["services"].size(); ++i) {
        const std::string name = file->root()["services"][i].value("serviceName", "");
        candidates.push_back({name, name});
        where.push_back({file, i});
      }
    const std::string chosen =
        choose_service_candidate(*bundle_.services.front(), "/services", "a service in describe-services", candidates,
                                 options_.service);
    for (std::size_t k = 0; k < candidates.size(); ++k)
      if (candidates[k].key == chosen) {
        SectionWriter writer(sections_, where[k].first, chosen);
        const std::string pointer = "/services/" + std::to_string(where[k].second);
        sections_.service = writer.as_is(where[k].first->root()["services"][where[k].second], "/service", pointer);
        return;
      }
  }

  void read_task_definitions() {
    const std::string running = family_revision(sections_.service.value("taskDefinition", ""));
    const SourcePtr* current = nullptr;
    const SourcePtr* newest = nullptr;
    for (const SourcePtr& file : bundle_.task_definitions) {
      const json& d = file->root()["taskDefinition"];
      const std::string name = d.value("family", "") + ":" + std::to_string(d.value("revision", 0));
      if (name == running) current = &file;
    }
    if (!current)
      throw scenario::ScenarioError(directory_, "", "a describe-task-definition answer for " + running + ", which the service runs",
                                    "none among its .json files");
    const json& runs = (*current)->root()["taskDefinition"];
    for (const SourcePtr& file : bundle_.task_definitions) {
      const json& d = file->root()["taskDefinition"];
      if (d.value("family", "") == runs.value("family", "") && d.value("revision", 0) > runs.value("revision", 0) &&
          (!newest || d.value("revision", 0) > (*newest)->root()["taskDefinition"].value("revision", 0)))
        newest = &file;
    }
    SectionWriter writer(sections_, *current, running);
    if (!newest) {
      sections_.deployed_task_definition = writer.as_is(runs, "/deployed", "/taskDefinition");
      return;
    }
    sections_.running_task_definition = writer.as_is(runs, "/running", "/taskDefinition");
    SectionWriter next(sections_, *newest, family_revision((*newest)->root()["taskDefinition"].value("taskDefinitionArn", "")));
    sections_.deployed_task_definition = next.as_is((*newest)->root()["taskDefinition"], "/deployed", "/taskDefinition");
  }

  void read_target_group() {
    json& service = sections_.service;
    if (!service.contains("loadBalancers") || service["loadBalancers"].empty()) return;
    const std::string arn = service["loadBalancers"][0].value("targetGroupArn", "");
    for (const SourcePtr& file : bundle_.target_groups)
      for (std::size_t i = 0; i < file->root()["TargetGroups"].size(); ++i) {
        const json& group = file->root()["TargetGroups"][i];
        if (group.value("TargetGroupArn", "") != arn) continue;
        SectionWriter writer(sections_, file, group.value("TargetGroupName", arn));
        json copy = writer.as_is(group, "/targetGroup", "/TargetGroups/" + std::to_string(i));
        add_deregistration_delay(copy);
        sections_.target_group = copy;
        return;
      }
    sections_.notes.push_back(directory_ + ": no describe-target-groups answer names " + arn +
                              ": the load balancer is left out");
    service.erase("loadBalancers");
  }

  void add_deregistration_delay(json& group) {
    for (const SourcePtr& file : bundle_.attributes) {
      const json& attributes = file->root()["Attributes"];
      for (std::size_t i = 0; i < attributes.size(); ++i)
        if (attributes[i].value("Key", "") == "deregistration_delay.timeout_seconds") {
          group["DeregistrationDelaySeconds"] = std::atoll(attributes[i].value("Value", "300").c_str());
          SectionWriter(sections_, file, "").origin("/targetGroup/DeregistrationDelaySeconds",
                                                    "/Attributes/" + std::to_string(i) + "/Value");
        }
    }
  }

  void read_alarms() {
    const json watched = sections_.service.value("/deploymentConfiguration/alarms/alarmNames"_json_pointer, json::array());
    for (const SourcePtr& file : bundle_.alarms)
      for (std::size_t i = 0; i < file->root()["MetricAlarms"].size(); ++i) {
        const json& alarm = file->root()["MetricAlarms"][i];
        if (std::find(watched.begin(), watched.end(), alarm.value("AlarmName", json())) == watched.end()) {
          sections_.notes.push_back("alarm " + alarm.value("AlarmName", std::string("?")) +
                                    ": the service's deployment does not watch it: read, not simulated");
          continue;
        }
        SectionWriter writer(sections_, file, alarm.value("AlarmName", ""));
        sections_.alarms.push_back(writer.as_is(alarm, "/alarms/" + std::to_string(sections_.alarms.size()),
                                                "/MetricAlarms/" + std::to_string(i)));
      }
  }

  std::string directory_;
  const ReadOptions& options_;
  Bundle bundle_;
  ConfigSections sections_;
};

}  // namespace

ConfigSections read_live_export(const std::string& directory, const ReadOptions& options) {
  return LiveReader(directory, options).read();
}

}  // namespace harness::readers
