#include "harness/readers/terraform_plan.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "harness/readers/service_choice.h"
#include "harness/readers/terraform_autoscaling.h"
#include "harness/readers/terraform_resource.h"
#include "harness/scenario/position_index.h"

namespace harness::readers {
namespace {

using nlohmann::json;

class PlanReader {
 public:
  PlanReader(const SourcePtr& source, const ReadOptions& options) : source_(source), options_(options) {
    sections_.format = "Terraform plan";
    sections_.file = source->name();
    collect();
  }

  ConfigSections read() {
    const TfResource& service = choose_service();
    read_service(service);
    read_task_definitions(service);
    read_target_group(service);
    read_alarms();
    read_terraform_autoscaling(of_type("aws_appautoscaling_target"), of_type("aws_appautoscaling_policy"), sections_,
                               copier_);
    return std::move(sections_);
  }

 private:
  void collect() {
    const json& root = source_->root();
    if (root.contains("resource_changes") && root["resource_changes"].is_array() && !root["resource_changes"].empty()) {
      const json& changes = root["resource_changes"];
      for (std::size_t i = 0; i < changes.size(); ++i) {
        const json& c = changes[i];
        if (!c.is_object() || c.value("mode", "managed") != "managed" || !c.contains("change") || !c["change"].is_object())
          continue;
        const json& change = c["change"];
        const std::string base = "/resource_changes/" + std::to_string(i) + "/change";
        if (!change.contains("after") || !change["after"].is_object()) continue;  // a delete
        TfResource r{c.value("address", ""), c.value("type", ""), &change["after"], base + "/after",
                     change.contains("after_unknown") ? &change["after_unknown"] : nullptr, nullptr, ""};
        if (change.contains("before") && change["before"].is_object()) {
          r.before = &change["before"];
          r.before_pointer = base + "/before";
        }
        resources_.push_back(r);
      }
      return;
    }
    for (const char* top : {"planned_values", "values"})
      if (root.contains(top) && root[top].contains("root_module"))
        collect_module(root[top]["root_module"], std::string("/") + top + "/root_module");
  }

  void collect_module(const json& module, const std::string& pointer) {
    if (module.contains("resources") && module["resources"].is_array())
      for (std::size_t i = 0; i < module["resources"].size(); ++i) {
        const json& r = module["resources"][i];
        if (!r.is_object() || r.value("mode", "managed") != "managed" || !r.contains("values") || !r["values"].is_object())
          continue;
        resources_.push_back({r.value("address", ""), r.value("type", ""), &r["values"],
                              pointer + "/resources/" + std::to_string(i) + "/values", nullptr, nullptr, ""});
      }
    if (module.contains("child_modules") && module["child_modules"].is_array())
      for (std::size_t i = 0; i < module["child_modules"].size(); ++i)
        collect_module(module["child_modules"][i], pointer + "/child_modules/" + std::to_string(i));
  }

  // The resource an attribute of `resource` refers to in the plan's `configuration` (its
  // expression's "references", e.g. ["aws_lb_target_group.green.arn", ...]), as a full address;
  // how a plan says which target group a service uses while the ARN is still unknown.
  std::string configured_reference(const TfResource& resource, const std::vector<std::string>& attribute_path) const {
    const json& root = source_->root();
    if (!root.contains("configuration") || !root["configuration"].contains("root_module")) return "";
    const json* module = &root["configuration"]["root_module"];
    std::string prefix;
    std::string local = resource.address;
    // "module.api.aws_ecs_service.this[0]": walk module_calls, keep "aws_ecs_service.this".
    while (local.rfind("module.", 0) == 0) {
      const std::size_t end = local.find('.', 7);
      std::string call = local.substr(7, end - 7);
      call = call.substr(0, call.find('['));
      if (!module->contains("module_calls") || !(*module)["module_calls"].contains(call)) return "";
      module = &(*module)["module_calls"][call]["module"];
      prefix += "module." + call + ".";
      local = local.substr(end + 1);
    }
    local = local.substr(0, local.find('['));
    if (!module->contains("resources")) return "";
    for (const json& configured : (*module)["resources"]) {
      if (configured.value("address", "") != local || !configured.contains("expressions")) continue;
      const json* expression = &configured["expressions"];
      for (const std::string& step : attribute_path) {
        if (expression->is_array() && !expression->empty()) expression = &(*expression)[0];
        if (!expression->is_object() || !expression->contains(step)) return "";
        expression = &(*expression)[step];
      }
      if (!expression->contains("references") || (*expression)["references"].empty()) return "";
      std::string target = (*expression)["references"][0].get<std::string>();
      if (target.size() > 4 && target.compare(target.size() - 4, 4, ".arn") == 0) target.resize(target.size() - 4);
      return prefix + target;
    }
    return "";
  }

  std::vector<const TfResource*> of_type(const std::string& type) const {
    std::vector<const TfResource*> out;
    for (const TfResource& r : resources_)
      if (r.type == type) out.push_back(&r);
    return out;
  }

  const TfResource& choose_service() {
    std::vector<ServiceCandidate> candidates;
    for (const TfResource* r : of_type("aws_ecs_service"))
      candidates.push_back({r->after->value("name", r->address), r->address});
    const std::string address = choose_service_candidate(
        *source_, "", "a plan or state with an aws_ecs_service resource", candidates, options_.service);
    for (const TfResource& r : resources_)
      if (r.address == address) return r;
    return resources_.front();
  }

  void read_service(const TfResource& r) {
    SectionWriter writer(sections_, source_, r.address);
    const json& v = *r.after;
    const std::string& p = r.after_pointer;
    json service = json::object();
    writer.origin("/service", p);
    copier_.put(writer, service, "/service", r, v, p, "name", "/serviceName");
    copier_.put(writer, service, "/service", r, v, p, "cluster", "/cluster");
    copier_.put(writer, service, "/service", r, v, p, "desired_count", "/desiredCount");
    copier_.put(writer, service, "/service", r, v, p, "launch_type", "/launchType");
    copier_.put(writer, service, "/service", r, v, p, "scheduling_strategy", "/schedulingStrategy");
    copier_.put(writer, service, "/service", r, v, p, "health_check_grace_period_seconds", "/healthCheckGracePeriodSeconds");
    copier_.put(writer, service, "/service", r, v, p, "deployment_minimum_healthy_percent",
        "/deploymentConfiguration/minimumHealthyPercent");
    copier_.put(writer, service, "/service", r, v, p, "deployment_maximum_percent", "/deploymentConfiguration/maximumPercent");
    if (const json* breaker = block(v, "deployment_circuit_breaker")) {
      const std::string bp = p + "/deployment_circuit_breaker/0";
      copier_.put(writer, service, "/service", r, *breaker, bp, "enable", "/deploymentConfiguration/deploymentCircuitBreaker/enable");
      copier_.put(writer, service, "/service", r, *breaker, bp, "rollback", "/deploymentConfiguration/deploymentCircuitBreaker/rollback");
      writer.origin("/service/deploymentConfiguration/deploymentCircuitBreaker", bp);
    }
    if (const json* alarms = block(v, "alarms")) {
      const std::string ap = p + "/alarms/0";
      copier_.put(writer, service, "/service", r, *alarms, ap, "alarm_names", "/deploymentConfiguration/alarms/alarmNames");
      copier_.put(writer, service, "/service", r, *alarms, ap, "enable", "/deploymentConfiguration/alarms/enable");
      copier_.put(writer, service, "/service", r, *alarms, ap, "rollback", "/deploymentConfiguration/alarms/rollback");
    }
    if (const json* configuration = block(v, "deployment_configuration")) {
      const std::string cp = p + "/deployment_configuration/0";
      copier_.put(writer, service, "/service", r, *configuration, cp, "strategy", "/deploymentConfiguration/strategy");
      copier_.put(writer, service, "/service", r, *configuration, cp, "bake_time_in_minutes",
          "/deploymentConfiguration/bakeTimeInMinutes");
      if (block(*configuration, "lifecycle_hook"))
        sections_.notes.push_back(r.address + ": deployment_configuration.lifecycle_hook is read, not simulated");
    }
    if (const json* controller = block(v, "deployment_controller"))
      copier_.put(writer, service, "/service", r, *controller, p + "/deployment_controller/0", "type", "/deploymentController/type");
    if (const json* lb = block(v, "load_balancer")) {
      const std::string lp = p + "/load_balancer/0";
      copier_.put(writer, service, "/service", r, *lb, lp, "container_name", "/loadBalancers/0/containerName");
      copier_.put(writer, service, "/service", r, *lb, lp, "container_port", "/loadBalancers/0/containerPort");
      copier_.put(writer, service, "/service", r, *lb, lp, "target_group_arn", "/loadBalancers/0/targetGroupArn");
    }
    if (block(v, "capacity_provider_strategy"))
      sections_.notes.push_back(r.address + ": capacity_provider_strategy is not simulated; the tasks run as FARGATE");
    sections_.service = std::move(service);
  }

  // container_definitions is a JSON string: its containers are the ECS API's camelCase.
  json task_definition(const TfResource& r, const json& values, const std::string& pointer, const std::string& to) {
    SectionWriter writer(sections_, source_, r.address);
    if (!values.contains("container_definitions") || !values["container_definitions"].is_string()) {
      if (&values == r.after && unknown(r, "container_definitions"))
        source_->fail(pointer, r.address + " container_definitions",
                      "container definitions known at plan time (deploysim simulates the containers)",
                      "a value unknown until apply (after_unknown)");
      source_->fail(pointer, r.address, "container_definitions as a JSON string", "none");
    }
    json containers;
    try {
      containers = json::parse(values["container_definitions"].get<std::string>());
    } catch (const json::parse_error&) {
      source_->fail(pointer + "/container_definitions", r.address + " container_definitions",
                    "a JSON array of container definitions", "broken JSON in the string");
    }
    const bool objects = containers.is_array() && std::all_of(containers.begin(), containers.end(),
                                                              [](const json& c) { return c.is_object(); });
    if (!objects)
      source_->fail(pointer + "/container_definitions", r.address + " container_definitions",
                    "a JSON array of container definitions (objects)", containers.dump());
    json definition = json::object();
    writer.origin(to, pointer);
    definition["family"] = values.value("family", r.address);
    writer.origin(to + "/family", pointer + "/family");
    for (const char* size : {"cpu", "memory"})
      if (values.contains(size) && !values[size].is_null()) {
        definition[size] = values[size];
        writer.origin(to + "/" + size, pointer + "/" + size);
      }
    // Inside the string the plan keeps no positions: each container points at the string.
    definition["containerDefinitions"] = containers;
    writer.origin(to + "/containerDefinitions", pointer + "/container_definitions");
    if (values.contains("revision") && values["revision"].is_number_integer()) definition["revision"] = values["revision"];
    return definition;
  }

  const TfResource& deployed_task_definition(const TfResource& service) {
    const std::vector<const TfResource*> definitions = of_type("aws_ecs_task_definition");
    const json& v = *service.after;
    std::string family;
    if (v.contains("task_definition") && v["task_definition"].is_string()) {
      const std::string ref = v["task_definition"].get<std::string>();
      family = ref.substr(ref.rfind('/') == std::string::npos ? 0 : ref.rfind('/') + 1);
      family = family.substr(0, family.find(':'));
    }
    for (const TfResource* d : definitions)
      if (!family.empty() && d->after->value("family", "") == family) return *d;
    const std::string configured = configured_reference(service, {"task_definition"});
    for (const TfResource* d : definitions)
      if (!configured.empty() && d->address.substr(0, d->address.find('[')) == configured) return *d;
    if (definitions.size() == 1) return *definitions.front();
    source_->fail(service.after_pointer + "/task_definition", service.address + " task_definition",
                  "the aws_ecs_task_definition of this plan it runs (one, or one whose family it names)",
                  std::to_string(definitions.size()) + " task definitions" + (family.empty() ? "" : " and family " + family));
  }

  void read_task_definitions(const TfResource& service) {
    const TfResource& r = deployed_task_definition(service);
    json deployed = task_definition(r, *r.after, r.after_pointer, "/deployed");
    if (r.before) {
      json running = task_definition(r, *r.before, r.before_pointer, "/running");
      if (!running.contains("revision")) running["revision"] = options_.revision;
      if (!deployed.contains("revision")) {
        deployed["revision"] = running["revision"].get<int>() + 1;
        copier_.note_unknown(r, "revision", "taken as the next revision, " + std::to_string(deployed["revision"].get<int>()));
      }
      sections_.running_task_definition = running;
    } else if (!deployed.contains("revision")) {
      deployed["revision"] = options_.revision;
      copier_.note_unknown(r, "revision", "taken as " + std::to_string(options_.revision) + " (--revision)");
    }
    sections_.deployed_task_definition = deployed;
  }

  void read_target_group(const TfResource& service) {
    json& svc = sections_.service;
    if (!svc.contains("loadBalancers")) return;
    const std::vector<const TfResource*> groups = of_type("aws_lb_target_group");
    const std::string arn = svc["loadBalancers"][0].value("targetGroupArn", "");
    const TfResource* match = nullptr;
    for (const TfResource* g : groups)
      if (!arn.empty() && g->after->value("arn", "") == arn) match = g;
    const std::string configured = configured_reference(service, {"load_balancer", "target_group_arn"});
    for (const TfResource* g : groups)
      if (!match && !configured.empty() && g->address.substr(0, g->address.find('[')) == configured) match = g;
    if (!match && groups.size() == 1) match = groups.front();
    if (!match) {
      sections_.notes.push_back(service.address + ": the load balancer's target group is not in this plan (by its ARN, "
                                "the configuration's reference, or as the only one): the load balancer is left out");
      svc.erase("loadBalancers");
      return;
    }
    const TfResource& r = *match;
    SectionWriter writer(sections_, source_, r.address);
    json group = json::object();
    writer.origin("/targetGroup", r.after_pointer);
    copier_.put(writer, group, "/targetGroup", r, *r.after, r.after_pointer, "name", "/TargetGroupName");
    if (const json* check = block(*r.after, "health_check")) {
      const std::string hp = r.after_pointer + "/health_check/0";
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "path", "/HealthCheckPath");
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "port", "/HealthCheckPort");
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "interval", "/HealthCheckIntervalSeconds");
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "timeout", "/HealthCheckTimeoutSeconds");
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "healthy_threshold", "/HealthyThresholdCount");
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "unhealthy_threshold", "/UnhealthyThresholdCount");
      copier_.put(writer, group, "/targetGroup", r, *check, hp, "matcher", "/Matcher/HttpCode");
    }
    // The provider keeps deregistration_delay as a string of seconds ("300").
    if (r.after->contains("deregistration_delay") && (*r.after)["deregistration_delay"].is_string()) {
      group["DeregistrationDelaySeconds"] = std::atoll((*r.after)["deregistration_delay"].get<std::string>().c_str());
      writer.origin("/targetGroup/DeregistrationDelaySeconds", r.after_pointer + "/deregistration_delay");
    } else {
      copier_.put(writer, group, "/targetGroup", r, *r.after, r.after_pointer, "deregistration_delay", "/DeregistrationDelaySeconds");
    }
    if (!group.contains("TargetGroupName")) group["TargetGroupName"] = r.address;
    svc["loadBalancers"][0]["targetGroupArn"] = group["TargetGroupName"];
    sections_.target_group = std::move(group);
  }

  void read_alarms() {
    for (const TfResource* r : of_type("aws_cloudwatch_metric_alarm")) {
      SectionWriter writer(sections_, source_, r->address);
      const std::string to = "/alarms/" + std::to_string(sections_.alarms.size());
      json alarm = json::object();
      writer.origin(to, r->after_pointer);
      const std::pair<const char*, const char*> fields[] = {
          {"alarm_name", "/AlarmName"},         {"metric_name", "/MetricName"},
          {"statistic", "/Statistic"},          {"extended_statistic", "/ExtendedStatistic"},
          {"comparison_operator", "/ComparisonOperator"}, {"threshold", "/Threshold"},
          {"period", "/Period"},                {"evaluation_periods", "/EvaluationPeriods"},
          {"datapoints_to_alarm", "/DatapointsToAlarm"}};
      for (const auto& [from, field] : fields) copier_.put(writer, alarm, to, *r, *r->after, r->after_pointer, from, field);
      sections_.alarms.push_back(std::move(alarm));
    }
    // Only the alarms the deployment watches matter; the others are reported.
    json watched = sections_.service.value("/deploymentConfiguration/alarms/alarmNames"_json_pointer, json::array());
    json kept = json::array();
    for (const json& alarm : sections_.alarms) {
      if (std::find(watched.begin(), watched.end(), alarm.value("AlarmName", json())) != watched.end()) kept.push_back(alarm);
      else sections_.notes.push_back("alarm " + alarm.value("AlarmName", std::string("?")) +
                                     ": the service's deployment does not watch it: read, not simulated");
    }
    sections_.alarms = kept;
  }

  SourcePtr source_;
  const ReadOptions& options_;
  std::vector<TfResource> resources_;
  ConfigSections sections_;
  AttributeCopier copier_{sections_, source_};
};

}  // namespace

bool looks_like_terraform(const json& root) {
  return root.is_object() && root.contains("format_version") &&
         (root.contains("planned_values") || root.contains("resource_changes") || root.contains("values"));
}

ConfigSections read_terraform(const SourcePtr& source, const ReadOptions& options) {
  return PlanReader(source, options).read();
}

}  // namespace harness::readers
