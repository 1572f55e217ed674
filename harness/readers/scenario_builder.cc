#include "harness/readers/scenario_builder.h"

#include "harness/readers/autoscaling_section.h"
#include "harness/readers/derived_apps.h"
#include "harness/readers/run_images.h"

namespace harness::readers {
namespace {

using nlohmann::json;

// The metrics deploysim's alarms can watch (scenarios/README.md, "Traffic and alarms").
bool simulated_metric(const json& alarm) {
  const std::string metric = alarm.value("MetricName", "");
  return metric == "HTTPCode_Target_5XX_Count" || metric == "HTTPCode_ELB_5XX_Count" ||
         metric == "Target5XXPercent" || metric == "TargetResponseTime";
}

std::string arn_name(const json& definition) {
  return definition.value("family", "") + ":" + std::to_string(definition.value("revision", 1));
}

void add_traffic(json& scenario, std::vector<std::string>& story, const std::string& so_that);

// Alarms deploysim cannot simulate leave the service's alarm list, said so; the rest need traffic.
void keep_simulated_alarms(ConfigSections& head, json& scenario, std::vector<std::string>& story) {
  json kept = json::array();
  std::vector<std::string> dropped;
  for (const json& alarm : head.alarms) {
    if (simulated_metric(alarm)) kept.push_back(alarm);
    else dropped.push_back(alarm.value("AlarmName", ""));
  }
  if (!dropped.empty() && head.service.contains("deploymentConfiguration") &&
      head.service["deploymentConfiguration"].contains("alarms")) {
    json& configuration = head.service["deploymentConfiguration"];
    json names = json::array();
    for (const json& name : configuration["alarms"].value("alarmNames", json::array()))
      if (std::find(dropped.begin(), dropped.end(), name.get<std::string>()) == dropped.end()) names.push_back(name);
    configuration["alarms"]["alarmNames"] = names;
    if (names.empty()) configuration["alarms"]["enable"] = false;
  }
  for (const std::string& name : dropped)
    story.push_back("alarm " + name + " watches a metric deploysim does not simulate: read, left out of the run");
  if (kept.empty()) return;
  scenario["alarms"] = kept;
  add_traffic(scenario, story, "the deployment's alarms have something to watch");
}

// A configuration says nothing of its traffic; alarms and ALBRequestCountPerTarget need some.
void add_traffic(json& scenario, std::vector<std::string>& story, const std::string& so_that) {
  if (scenario.contains("traffic")) return;
  scenario["traffic"] = {{"requestsPerSecond", 10}};
  story.push_back("traffic: 10 requests per second reach the load balancer, so " + so_that + "; set your own rate");
}

bool counts_requests(const json& autoscaling) {
  for (const json& policy : autoscaling["ScalingPolicies"])
    if (policy.value("/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification/PredefinedMetricType"_json_pointer,
                     std::string()) == "ALBRequestCountPerTarget")
      return true;
  return false;
}

// What `deploysim check` explores when the user has said nothing yet: the intents every team
// holds (a good deploy completes, a bad one is stopped) over the breaking faults that apply.
json default_check(const json& scenario, std::vector<std::string>& story) {
  json breaking = json::array({"oom", "crash_loop", "bad_config"});
  if (scenario.contains("targetGroup")) breaking.push_back("bind_localhost");
  story.push_back("check: a good deploy (starts up to 30 s slower) completes within 30 min, and a bad one (" +
                  std::to_string(breaking.size()) + " kinds of breakage) rolls back or fails within 30 min; "
                  "state your own intents in `check`");
  return {{"runs", 100},
          {"envelope", {{"slowStartSeconds", 30}, {"breaking", breaking}}},
          {"intents", json::array({{{"name", "a good deploy completes"}, {"deploys", "good"}, {"outcome", "COMPLETED"},
                                    {"withinSeconds", 1800}},
                                   {{"name", "a bad deploy is stopped"}, {"deploys", "bad"},
                                    {"outcome", json::array({"ROLLED_BACK", "FAILED"})}, {"withinSeconds", 1800}}})}};
}

}  // namespace

BuiltScenario build_scenario(std::vector<ConfigSections> sources, const json& ours,
                             const std::vector<std::string>& run_images) {
  BuiltScenario built;
  ConfigSections& head = sources.back();
  std::optional<json> running = head.running_task_definition;
  std::string running_prefix = "/running";
  const ConfigSections* running_source = &head;
  if (sources.size() > 1) {
    running = sources.front().deployed_task_definition;
    running_prefix = "/deployed";
    running_source = &sources.front();
  }
  json deployed = head.deployed_task_definition;
  if (running && *running == deployed) running.reset();
  json scenario = json::object();
  const std::string service_name = head.service.value("serviceName", "service");
  scenario["name"] = service_name;
  scenario["description"] = "Written by `deploysim init` from " + head.format + " " + head.file +
                            (sources.size() > 1 ? " (what runs: " + sources.front().file + ")" : "") + ".";
  json definitions = json::array();
  if (running) {
    if (running->value("family", "") == deployed.value("family", "") &&
        running->value("revision", 1) >= deployed.value("revision", 1))
      deployed["revision"] = running->value("revision", 1) + 1;
    definitions.push_back(*running);
    built.origins.add_moved(running_source->origins, running_prefix, "/taskDefinitions/0");
  } else {
    built.story.push_back("deploy: the configuration gives one revision, so the run is a forced new deployment of " +
                          arn_name(deployed) + " over itself");
  }
  definitions.push_back(deployed);
  built.origins.add_moved(head.origins, "/deployed", "/taskDefinitions/" + std::to_string(definitions.size() - 1));
  for (const char* section : {"/service", "/targetGroup", "/alarms"}) built.origins.add_moved(head.origins, section, section);
  scenario["service"] = head.service;
  if (head.target_group) scenario["targetGroup"] = *head.target_group;
  scenario["taskDefinitions"] = definitions;
  scenario["initialTaskDefinition"] = arn_name(definitions.front());
  scenario["deploy"] = {{"taskDefinition", arn_name(deployed)}, {"atSeconds", 0}};
  keep_simulated_alarms(head, scenario, built.story);
  scenario["service"] = head.service;
  scenario["apps"] = derive_apps(definitions, head.service, head.target_group ? &*head.target_group : nullptr, built.story);
  if (std::optional<json> autoscaling = autoscaling_section(head, built.origins, built.story)) {
    if (counts_requests(*autoscaling)) add_traffic(scenario, built.story, "ALBRequestCountPerTarget has requests to count");
    scenario["autoscaling"] = std::move(*autoscaling);
  }
  scenario["check"] = default_check(scenario, built.story);
  for (const ConfigSections& source : sources)
    for (const std::string& note : source.notes) built.story.push_back(note);
  if (ours.is_object()) {
    for (const auto& [key, value] : ours.items()) scenario[key] = value;
    built.story.push_back("our own sections (" + std::to_string(ours.size()) + ") come from --with, not derived");
  }
  mark_run_images(scenario, run_images, head.file, built.story);
  std::string story = "deploysim init: what this scenario assumes and what it could not read. Refine them:\n";
  for (const std::string& line : built.story) story += "- " + line + "\n";
  if (!scenario.contains("story")) scenario["story"] = story;
  built.scenario = std::move(scenario);
  return built;
}

}  // namespace harness::readers
