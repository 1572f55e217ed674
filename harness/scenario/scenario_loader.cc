#include "harness/scenario/scenario_loader.h"

#include <algorithm>

#include "harness/scenario/document.h"
#include "harness/scenario/json_reader.h"
#include "harness/scenario/section_readers.h"
#include "harness/scenario/spelling_hint.h"
#include "sim/ecs/rule_set.h"

namespace harness::scenario {
namespace {

using sim::model::Scenario;

// Reads the top-level object section by section, in the order their references need: what a
// section names (dependencies, images, task definitions) is read before the section naming it.
class ScenarioReader {
 public:
  ScenarioReader(const Document& document, IgnoredFields& ignored)
      : root_(Node(document, document.root(), "", ignored).as_object(UnknownKeys::reject)) {
    scenario_.source = document.name();
  }

  Scenario read() {
    // A misspelt section ("dependecies") would otherwise surface as the names it defines being
    // unknown to the sections read after it.
    root_.declare({"$schema",
                   "name",
                   "description",
                   "story",
                   "source",
                   "seed",
                   "horizonSeconds",
                   "eventCap",
                   "rules",
                   "probeMode",
                   "stopAtOutcome",
                   "service",
                   "targetGroup",
                   "taskDefinitions",
                   "initialTaskDefinition",
                   "deploy",
                   "timeline",
                   "apps",
                   "dependencies",
                   "faults",
                   "unreadableSecrets",
                   "secretValues",
                   "platform",
                   "traffic",
                   "alarms",
                   "autoscaling",
                   "lifecycleHookResults",
                   "expect",
                   "check"});
    root_.finish();
    read_run_settings();
    read_dependencies_and_apps();
    read_task_definitions();
    read_initial_and_deploy();
    read_service_and_target_group();
    read_timeline();
    read_platform();
    read_faults_and_secrets();
    if (const std::optional<Node> expect = root_.get("expect")) {
      scenario_.expect = read_expectations(*expect);
    }
    if (const std::optional<Node> check = root_.get("check")) {
      // check judges a deployment's outcome against intents; a steady-state run has none (§12.5).
      if (scenario_.deploy.none)
        check->fail("no \"check\" section in a steady-state run (\"deploy\": \"none\"): deploysim check judges "
                    "a deployment's outcome, and there is none; judge its figures with \"expect\"",
                    "a \"check\" section");
      scenario_.check = read_check_spec(*check, dependency_names_);
      const sim::model::FaultEnvelope& envelope = scenario_.check->envelope;
      const char* timeline_key = envelope.max_timeline_shift > sim::Millis{0} ? "timelineShiftSeconds"
                                 : envelope.max_desired_count_change > 0     ? "desiredCountChange"
                                                                             : nullptr;
      if (timeline_key && scenario_.timeline.empty())
        check->child("envelope").child(timeline_key).fail("0 (the scenario has no \"timeline\" to perturb)");
    }
    root_.finish();
    return std::move(scenario_);
  }

 private:
  void read_run_settings() {
    using sim::model::ProbeMode;
    scenario_.name =
        root_.value_or("name", scenario_.name, [](const Node& n) { return n.as_name(); });
    // For editors (which schema the file follows); checked to be text, never read.
    root_.string_or("$schema", "");
    // Free text for people: checked to be text, kept for reports, not simulated.
    scenario_.description = root_.string_or("description", "");
    scenario_.story = root_.string_or("story", "");
    scenario_.provenance = root_.string_or("source", "");
    scenario_.seed =
        root_.value_or("seed", scenario_.seed, [](const Node& n) { return n.as_uint64(); });
    scenario_.horizon = root_.seconds_or("horizonSeconds", scenario_.horizon, {0.001, 1e9});
    scenario_.event_cap = root_.value_or("eventCap", scenario_.event_cap, [](const Node& n) {
      return static_cast<std::uint64_t>(n.as_int({1}));
    });
    if (const std::optional<Node> rules = root_.get("rules")) {
      const std::vector<std::string> names = sim::ecs::rule_set_names();
      scenario_.rule_set = names[rules->as_reference(names, "rule sets")];
    }
    scenario_.probe_mode = root_.choice_or<ProbeMode>(
        "probeMode", scenario_.probe_mode,
        {{"predictive", ProbeMode::predictive}, {"per_probe", ProbeMode::per_probe}});
    scenario_.stop_at_outcome = root_.bool_or("stopAtOutcome", scenario_.stop_at_outcome);
  }

  void read_dependencies_and_apps() {
    if (const std::optional<Node> dependencies = root_.get("dependencies")) {
      for (const Node& element : dependencies->as_array()) {
        scenario_.dependencies.push_back(read_dependency(element));
        if (std::count(dependency_names_.begin(), dependency_names_.end(),
                       scenario_.dependencies.back().name) > 0) {
          element.child("name").fail("a dependency name not used before");
        }
        dependency_names_.push_back(scenario_.dependencies.back().name);
      }
    }
    if (const std::optional<Node> apps = root_.get("apps")) {
      for (const auto& [image, profile] : apps->as_members()) {
        if (image.empty()) profile.fail_key("an image reference as the key");
        scenario_.apps[image] = read_app_profile(profile, image, dependency_names_);
      }
    }
  }

  void read_task_definitions() {
    const Node definitions = root_.required("taskDefinitions");
    for (const Node& element : definitions.as_array()) {
      scenario_.task_definitions.push_back(
          read_task_definition(element, scenario_.apps, scenario_.task_definitions));
      task_definition_names_.push_back(scenario_.task_definitions.back().arn_name());
    }
    if (task_definition_names_.empty()) definitions.fail("at least one task definition");
    check_connections();
  }

  // A phase connects to a dependency, or to a container of its own task (seed 004: Kafka and
  // ZooKeeper in one task); every task definition running the image must have that container.
  void check_connections() {
    const std::optional<Node> apps = root_.get("apps");
    if (!apps) return;
    for (const auto& [image, profile] : apps->as_members()) {
      if (!profile.json().contains("phases")) continue;
      for (const Node& phase : profile.child("phases").as_array()) {
        if (!phase.json().contains("connectsTo")) continue;
        for (const Node& element : phase.child("connectsTo").as_array())
          check_connection(image, element);
      }
    }
  }

  void check_connection(const std::string& image, const Node& element) const {
    const std::string name = element.as_name();
    if (std::count(dependency_names_.begin(), dependency_names_.end(), name) > 0) return;
    std::vector<std::string> known = dependency_names_;
    bool runs_anywhere = false;
    for (const sim::model::TaskDefinition& definition : scenario_.task_definitions) {
      std::vector<std::string> siblings;
      bool runs_here = false;
      for (const sim::model::ContainerDefinition& container : definition.containers) {
        if (container.image == image) runs_here = true;
        else siblings.push_back(container.name);
      }
      if (!runs_here) continue;
      runs_anywhere = true;
      if (std::count(siblings.begin(), siblings.end(), name) > 0) continue;
      known.insert(known.end(), siblings.begin(), siblings.end());
      element.as_reference(known, "dependencies or other containers of task definition " + definition.arn_name());
    }
    if (!runs_anywhere) element.as_reference(known, "dependencies");
  }

  int task_definition_index(const Node& node) const {
    return static_cast<int>(node.as_reference(task_definition_names_, "task definitions"));
  }

  // By default the first definition runs at t=0 and the second is deployed at once.
  void read_initial_and_deploy() {
    scenario_.initial_task_definition = root_.value_or(
        "initialTaskDefinition", 0, [&](const Node& n) { return task_definition_index(n); });
    const std::optional<Node> deploy = root_.get("deploy");
    const bool has_second = task_definition_names_.size() > 1;
    note_timeline_task_definitions();
    // A timeline that starts deployments names the one under test itself (read_timeline).
    if (!deploy && timeline_deploys_) return;
    if (!deploy && !has_second) {
      root_.required("deploy").fail(
          "an object naming the task definition to deploy (only one task definition is given)");
    }
    if (!deploy) return;
    // "none": a steady-state run, no deployment under test (ecs-rules §12.5).
    if (deploy->json().is_string()) {
      deploy->as_choice<bool>({{"none", true}});
      if (timeline_deploys_) {
        deploy->fail("an object naming the deployment under test (the timeline starts a deployment; \"none\" is for "
                     "a steady-state run)");
      }
      scenario_.deploy.none = true;
      scenario_.deploy.to_task_definition = scenario_.initial_task_definition;
      return;
    }
    ObjectReader reader = deploy->as_object(UnknownKeys::reject);
    const std::optional<Node> target = reader.get("taskDefinition");
    if (!target && !has_second) {
      reader.required("taskDefinition")
          .fail("a task definition reference such as \"" + task_definition_names_[0] + "\"");
    }
    scenario_.deploy.to_task_definition = target ? task_definition_index(*target) : 1;
    const double horizon_seconds = static_cast<double>(scenario_.horizon.count()) / 1000.0;
    scenario_.deploy.at = reader.seconds_or("atSeconds", scenario_.deploy.at, {0, horizon_seconds});
    reader.finish();
  }

  // The task definitions the timeline deploys, noted before the service is read: its load
  // balancer must find its container in each of them.
  void note_timeline_task_definitions() {
    const std::optional<Node> timeline = root_.get("timeline");
    if (!timeline) return;
    for (const Node& element : timeline->as_array()) {
      if (!element.json().is_object() || !element.json().contains("updateService")) continue;
      const Node request = element.child("updateService");
      if (request.json().is_object() && request.json().contains("taskDefinition")) {
        timeline_task_definitions_.push_back(task_definition_index(request.child("taskDefinition")));
      }
      if (request.json().is_object() && (request.json().contains("taskDefinition") ||
                                         request.json().value("forceNewDeployment", false) == true)) {
        timeline_deploys_ = true;
      }
    }
  }

  void read_service_and_target_group() {
    std::vector<int> used = {scenario_.initial_task_definition};
    if (!timeline_deploys_ || root_.has("deploy")) used.push_back(scenario_.deploy.to_task_definition);
    used.insert(used.end(), timeline_task_definitions_.begin(), timeline_task_definitions_.end());
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    std::vector<const sim::model::TaskDefinition*> in_use;
    for (const int index : used) in_use.push_back(&scenario_.task_definitions[static_cast<std::size_t>(index)]);
    const Node service = root_.required("service");
    read_traffic_and_alarms();
    std::vector<std::string> alarm_names;
    for (const sim::model::AlarmDefinition& alarm : scenario_.alarms) alarm_names.push_back(alarm.name);
    hook_arns_ = read_hook_results_section();
    const std::vector<std::string>& hook_arns = hook_arns_;
    scenario_.service = read_service(service, in_use, alarm_names, hook_arns);
    check_hook_results_used();
    // Target group and loadBalancers describe one attachment from two sides; one without the
    // other is a scenario that forgot half of it.
    const bool has_load_balancer = !scenario_.service.container_name_for_lb.empty();
    const std::optional<Node> target_group = root_.get("targetGroup");
    if (target_group && !has_load_balancer) {
      service.fail(
          "a service whose loadBalancers name the container and port \"targetGroup\" "
          "routes to",
          "no loadBalancers");
    }
    if (!target_group && has_load_balancer) {
      root_.required("targetGroup")
          .fail("an object with the target group's health check (service.loadBalancers names one)");
    }
    if (target_group) scenario_.service.load_balancer = read_target_group(*target_group);
    read_autoscaling_section();
  }

  // Autoscaling names the service; ALBRequestCountPerTarget needs its load balancer's traffic.
  void read_autoscaling_section() {
    const std::optional<Node> autoscaling = root_.get("autoscaling");
    if (!autoscaling) return;
    scenario_.autoscaling = read_autoscaling(*autoscaling, scenario_.service);
    for (const sim::model::TargetTrackingPolicy& p : scenario_.autoscaling->policies) {
      if (p.metric == sim::model::ScalingMetric::alb_requests && !scenario_.traffic) {
        autoscaling->fail("a \"traffic\" section with it (ALBRequestCountPerTarget counts its requests)",
                          "no \"traffic\"");
      }
    }
  }

  // What each lifecycle hook answers; returns the hook ARNs it covers.
  std::vector<std::string> read_hook_results_section() {
    std::vector<std::string> arns;
    if (const std::optional<Node> results = root_.get("lifecycleHookResults")) {
      scenario_.hook_results = read_hook_results(*results);
    }
    for (const auto& [arn, result] : scenario_.hook_results) arns.push_back(arn);
    return arns;
  }

  // A result no hook uses is most likely a misspelt ARN.
  void check_hook_results_used() {
    const std::optional<Node> results = root_.get("lifecycleHookResults");
    if (!results) return;
    const std::vector<sim::model::LifecycleHook>& hooks = scenario_.service.deployment.lifecycle_hooks;
    for (const auto& member : results->as_members()) {
      const std::string& arn = member.first;  // a named variable: clang 14 cannot capture a binding
      const bool used = std::any_of(hooks.begin(), hooks.end(),
                                    [&](const sim::model::LifecycleHook& h) { return h.hook_target_arn == arn; });
      if (!used) member.second.fail_key("the hookTargetArn of a hook in service.deploymentConfiguration.lifecycleHooks");
    }
  }

  // Alarms watch the traffic, so there are none without it.
  // The timeline's UpdateService calls (timeline_reader.cc). The deployment under test is the
  // last one the timeline starts: the "deploy" section when there is one (no timeline entry may
  // then start a deployment at or after it), else the timeline's last deployment, taken out of it.
  void read_timeline() {
    const std::optional<Node> timeline = root_.get("timeline");
    if (!timeline) return;
    std::vector<std::string> alarm_names;
    for (const sim::model::AlarmDefinition& alarm : scenario_.alarms) alarm_names.push_back(alarm.name);
    const TimelineContext context{scenario_.service, [&](const Node& n) { return task_definition_index(n); },
                                  alarm_names, hook_arns_, static_cast<double>(scenario_.horizon.count()) / 1000.0};
    std::vector<sim::model::ServiceUpdate> updates = read_timeline_section(*timeline, context);
    const std::vector<Node> elements = timeline->as_array();
    const auto last_deploy = std::find_if(updates.rbegin(), updates.rend(),
                                          [](const sim::model::ServiceUpdate& u) { return u.starts_deployment(); });
    if (root_.has("deploy")) {
      for (std::size_t i = 0; i < updates.size(); ++i) {
        if (updates[i].starts_deployment() && updates[i].at >= scenario_.deploy.at) {
          elements[i].child("atSeconds").fail(
              "a time before deploy.atSeconds: \"deploy\" is the deployment under test and must be the last one "
              "started (or leave \"deploy\" out and the timeline's last deployment is the one under test)");
        }
      }
    } else if (last_deploy != updates.rend()) {
      // forceNewDeployment without a task definition redeploys the one in force at that time.
      int in_force = scenario_.initial_task_definition;
      for (auto u = updates.begin(); u != last_deploy.base(); ++u)
        if (u->task_definition) in_force = *u->task_definition;
      scenario_.deploy.to_task_definition = in_force;
      scenario_.deploy.at = last_deploy->at;
      // The rest of that call (desiredCount, configuration) stays in the timeline just before it.
      last_deploy->task_definition.reset();
      last_deploy->force_new_deployment = false;
      last_deploy->origin += " (deploy under test)";
      if (!last_deploy->desired_count && !last_deploy->deployment_configuration && !last_deploy->health_check_grace_period)
        updates.erase(std::next(last_deploy).base());
    }
    scenario_.timeline = std::move(updates);
  }

  void read_traffic_and_alarms() {
    if (const std::optional<Node> traffic = root_.get("traffic")) {
      scenario_.traffic = read_traffic(*traffic);
    }
    if (const std::optional<Node> alarms = root_.get("alarms")) {
      if (!scenario_.traffic) {
        alarms->fail("a \"traffic\" section with it (the alarms watch its requests)", "no \"traffic\"");
      }
      scenario_.alarms = read_alarms(*alarms);
    }
  }

  void read_faults_and_secrets() {
    if (const std::optional<Node> faults = root_.get("faults")) {
      for (const Node& element : faults->as_array()) {
        scenario_.faults.push_back(
            read_fault(element, dependency_names_, scenario_.service.availability_zones));
      }
    }
    // A secret ECS cannot fetch only matters if a container asks for it; a name no container
    // asks for is most likely a typo.
    std::vector<std::string> secrets;
    for (const auto& definition : scenario_.task_definitions) {
      for (const auto& container : definition.containers) {
        secrets.insert(secrets.end(), container.secrets.begin(), container.secrets.end());
      }
    }
    if (const std::optional<Node> unreadable = root_.get("unreadableSecrets")) {
      for (const Node& element : unreadable->as_array()) {
        scenario_.unreadable_secrets.push_back(
            secrets[element.as_reference(secrets, "secrets the containers read")]);
      }
    }
    read_secret_values();
  }

  // "secretValues": {valueFrom: value}, what the user read from Secrets Manager or SSM, so a
  // value can be checked (seed 002's REDIS_URL without its scheme). Keyed by valueFrom, as two
  // containers may name different secrets alike; a key no container uses is most likely a typo.
  void read_secret_values() {
    const std::optional<Node> values = root_.get("secretValues");
    if (!values) return;
    std::vector<std::string> sources;
    for (const auto& definition : scenario_.task_definitions)
      for (const auto& container : definition.containers)
        for (const auto& [name, source] : container.secret_sources) sources.push_back(source);
    for (const auto& [source, value] : values->as_members()) {
      if (std::count(sources.begin(), sources.end(), source) == 0) {
        const std::optional<std::string> hint = closest_match(source, sources);
        value.fail_key("the valueFrom of a secret some container reads" +
                           (hint ? " (did you mean " + nlohmann::json(*hint).dump() + "?)" : std::string()),
                       "unknown valueFrom ");
      }
      scenario_.secret_values[source] = value.as_string();
    }
  }

  void read_platform() {
    const std::optional<Node> platform = root_.get("platform");
    if (!platform) return;
    const PlatformSection section = harness::scenario::read_platform(*platform);
    scenario_.platform = section.timing;
    if (section.cluster_memory_mib &&
        scenario_.service.launch_type != sim::model::LaunchType::ec2) {
      platform->child("clusterMemoryMiB")
          .fail("no clusterMemoryMiB unless the service's launchType is \"EC2\"");
    }
    scenario_.service.cluster_memory_mib = section.cluster_memory_mib;
    scenario_.service.availability_zones = section.availability_zones;
  }

  ObjectReader root_;
  Scenario scenario_;
  std::vector<std::string> dependency_names_;
  std::vector<std::string> hook_arns_;
  std::vector<int> timeline_task_definitions_;  // deployed by the timeline
  bool timeline_deploys_ = false;               // the timeline starts a deployment
  std::vector<std::string> task_definition_names_;
};

Loaded load(const Document& document) {
  Loaded loaded;
  IgnoredFields ignored;
  loaded.scenario = ScenarioReader(document, ignored).read();
  loaded.ignored = ignored.list();
  return loaded;
}

}  // namespace

Loaded load_scenario_file(const std::string& path) {
  const Document document = Document::from_file(path);
  return load(document);
}

Loaded load_scenario_text(std::string_view json_text, const std::string& display_name) {
  const Document document(display_name, std::string(json_text), "");
  return load(document);
}

Loaded load_scenario_text(std::string_view json_text, const std::string& display_name,
                          const std::filesystem::path& base_dir) {
  const Document document(display_name, std::string(json_text), base_dir);
  return load(document);
}

}  // namespace harness::scenario
