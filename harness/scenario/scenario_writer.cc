#include "harness/scenario/scenario_writer.h"

#include <string>

#include "sim/observe/outcome.h"

namespace harness::scenario {
namespace {

using Json = nlohmann::ordered_json;
using sim::Millis;

// Seconds as the loader reads them: whole seconds as integers, otherwise exact to the millisecond.
Json seconds(Millis t) {
  if (t.count() % 1000 == 0) return t.count() / 1000;
  return static_cast<double>(t.count()) / 1000.0;
}

Json pair(int low, int high) { return Json::array({low, high}); }

template <typename E>
std::string name_of(E value, std::initializer_list<std::pair<E, const char*>> names) {
  for (const auto& [v, n] : names)
    if (v == value) return n;
  return "";
}

Json breaker_json(const sim::model::CircuitBreakerConfig& b) {
  using sim::model::ThresholdType;
  return {{"enable", b.enable},
          {"rollback", b.rollback},
          {"resetOnHealthyTask", b.reset_on_healthy_task},
          {"thresholdConfiguration",
           {{"type", name_of(b.threshold_type, {{ThresholdType::bounded_percent, "BOUNDED_PERCENT"},
                                                {ThresholdType::unbounded_percent, "UNBOUNDED_PERCENT"},
                                                {ThresholdType::count, "COUNT"}})},
            {"value", b.threshold_value}}}};
}

Json lifecycle_hooks_json(const std::vector<sim::model::LifecycleHook>& hooks) {
  Json array = Json::array();
  for (const sim::model::LifecycleHook& h : hooks) {
    Json stages = Json::array();
    for (const sim::model::LifecycleStage s : h.lifecycle_stages) stages.push_back(std::string(sim::model::to_string(s)));
    Json hook = {{"hookTargetArn", h.hook_target_arn}, {"targetType", "AWS_LAMBDA"}};
    if (!h.role_arn.empty()) hook["roleArn"] = h.role_arn;
    hook["lifecycleStages"] = stages;
    if (!h.hook_details_json.empty()) hook["hookDetails"] = Json::parse(h.hook_details_json);
    hook["timeoutConfiguration"] = {
        {"timeoutInMinutes", static_cast<int>(h.timeout / sim::minutes(1))},
        {"action", h.timeout_action == sim::model::HookTimeoutAction::rollback ? "ROLLBACK" : "CONTINUE"}};
    array.push_back(hook);
  }
  return array;
}

// deploymentConfiguration's strategy, bake, traffic shifts and alarms, as the loader reads them.
void write_strategy_and_alarms(const sim::model::DeploymentConfiguration& d, Json& j) {
  using sim::model::DeploymentStrategy;
  const auto whole_minutes = [](sim::Millis t) { return static_cast<int>(t / sim::minutes(1)); };
  j["strategy"] = name_of(d.strategy, {{DeploymentStrategy::rolling, "ROLLING"},
                                       {DeploymentStrategy::blue_green, "BLUE_GREEN"},
                                       {DeploymentStrategy::linear, "LINEAR"},
                                       {DeploymentStrategy::canary, "CANARY"}});
  // Left out, a rolling bake is computed from the alarms (ecs-rules §2): write it only if given.
  if (d.bake_time_given || d.strategy != DeploymentStrategy::rolling) j["bakeTimeInMinutes"] = whole_minutes(d.bake_time);
  j["canaryConfiguration"] = {{"canaryPercent", d.canary_percent_tenths / 10.0},
                              {"canaryBakeTimeInMinutes", whole_minutes(d.canary_bake_time)}};
  j["linearConfiguration"] = {{"stepPercent", d.linear_step_percent_tenths / 10.0},
                              {"stepBakeTimeInMinutes", whole_minutes(d.linear_step_bake_time)}};
  if (d.alarms.enable || !d.alarms.alarm_names.empty())
    j["alarms"] = {{"alarmNames", d.alarms.alarm_names}, {"enable", d.alarms.enable}, {"rollback", d.alarms.rollback}};
  if (!d.lifecycle_hooks.empty()) j["lifecycleHooks"] = lifecycle_hooks_json(d.lifecycle_hooks);
}

// "p99" from 990000 parts per million, "p99.9" from 999000.
std::string percentile_name(std::int64_t ppm) {
  std::string text = "p" + std::to_string(ppm / 10'000);
  std::string decimals = std::to_string(10'000 + ppm % 10'000).substr(1);
  while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  return decimals.empty() ? text : text + "." + decimals;
}

Json alarm_json(const sim::model::AlarmDefinition& a) {
  using sim::model::AlarmComparison;
  using sim::model::AlarmMetric;
  Json j = {{"AlarmName", a.name},
            {"MetricName", name_of(a.metric, {{AlarmMetric::target_5xx_count, "HTTPCode_Target_5XX_Count"},
                                              {AlarmMetric::elb_5xx_count, "HTTPCode_ELB_5XX_Count"},
                                              {AlarmMetric::target_5xx_percent, "Target5XXPercent"},
                                              {AlarmMetric::target_response_time, "TargetResponseTime"}})}};
  if (a.metric != AlarmMetric::target_response_time)
    j["Statistic"] = "Sum";
  else if (a.percentile_ppm == 0)
    j["Statistic"] = "Average";
  else
    j["ExtendedStatistic"] = percentile_name(a.percentile_ppm);
  j.update(Json{
          {"ComparisonOperator",
           name_of(a.comparison, {{AlarmComparison::greater_than_threshold, "GreaterThanThreshold"},
                                  {AlarmComparison::greater_than_or_equal_to_threshold, "GreaterThanOrEqualToThreshold"}})},
          {"Threshold", static_cast<double>(a.threshold_thousandths) / 1000.0},
          {"Period", seconds(a.period)},
          {"EvaluationPeriods", a.evaluation_periods},
          {"DatapointsToAlarm", a.datapoints_to_alarm}});
  return j;
}

Json deployment_configuration_json(const sim::model::DeploymentConfiguration& d) {
  Json j = {{"minimumHealthyPercent", d.minimum_healthy_percent},
            {"maximumPercent", d.maximum_percent},
            {"deploymentCircuitBreaker", breaker_json(d.circuit_breaker)}};
  write_strategy_and_alarms(d, j);
  return j;
}

Json service_json(const sim::model::ServiceConfig& s) {
  Json j = {{"serviceName", s.name},
            {"cluster", s.cluster},
            {"desiredCount", s.desired_count},
            {"launchType", s.launch_type == sim::model::LaunchType::ec2 ? "EC2" : "FARGATE"},
            {"deploymentConfiguration", deployment_configuration_json(s.deployment)},
            {"healthCheckGracePeriodSeconds", seconds(s.health_check_grace_period)}};
  if (s.load_balancer)
    j["loadBalancers"] = Json::array(
        {{{"containerName", s.container_name_for_lb}, {"containerPort", s.container_port_for_lb}}});
  return j;
}

// Matcher codes as ELBv2 writes them: runs of consecutive codes as "200-299", joined by commas.
std::string http_codes(const std::vector<int>& codes) {
  std::string out;
  for (std::size_t i = 0; i < codes.size();) {
    std::size_t j = i;
    while (j + 1 < codes.size() && codes[j + 1] == codes[j] + 1) ++j;
    if (!out.empty()) out += ",";
    out += std::to_string(codes[i]);
    if (j > i) out += "-" + std::to_string(codes[j]);
    i = j + 1;
  }
  return out;
}

Json target_group_json(const sim::model::TargetGroupHealthCheck& g) {
  return {{"TargetGroupName", g.name},
          {"HealthCheckPath", g.path},
          {"HealthCheckPort", g.port == 0 ? Json("traffic-port") : Json(g.port)},
          {"HealthCheckIntervalSeconds", seconds(g.interval)},
          {"HealthCheckTimeoutSeconds", seconds(g.timeout)},
          {"HealthyThresholdCount", g.healthy_threshold},
          {"UnhealthyThresholdCount", g.unhealthy_threshold},
          {"Matcher", {{"HttpCode", http_codes(g.matcher)}}},
          {"DeregistrationDelaySeconds", seconds(g.deregistration_delay)}};
}

Json container_json(const sim::model::ContainerDefinition& c) {
  using sim::model::DependencyCondition;
  Json j = {{"name", c.name}, {"image", c.image}, {"essential", c.essential}};
  if (c.memory_mib) j["memory"] = *c.memory_mib;
  if (c.memory_reservation_mib) j["memoryReservation"] = *c.memory_reservation_mib;
  if (const auto& h = c.health_check)
    j["healthCheck"] = {{"command", h->command},
                        {"interval", seconds(h->interval)},
                        {"timeout", seconds(h->timeout)},
                        {"retries", h->retries},
                        {"startPeriod", seconds(h->start_period)}};
  for (const auto& d : c.depends_on)
    j["dependsOn"].push_back(
        {{"containerName", d.container_name},
         {"condition", name_of(d.condition, {{DependencyCondition::start, "START"},
                                             {DependencyCondition::complete, "COMPLETE"},
                                             {DependencyCondition::success, "SUCCESS"},
                                             {DependencyCondition::healthy, "HEALTHY"}})}});
  for (const auto& [name, value] : c.environment) j["environment"].push_back({{"name", name}, {"value", value}});
  for (const auto& name : c.secrets) {
    const auto source = c.secret_sources.find(name);
    j["secrets"].push_back({{"name", name}, {"valueFrom", source == c.secret_sources.end() ? name : source->second}});
  }
  for (const auto& p : c.port_mappings)
    j["portMappings"].push_back({{"containerPort", p.container_port}, {"hostPort", p.host_port}});
  if (c.start_timeout) j["startTimeout"] = seconds(*c.start_timeout);
  j["stopTimeout"] = seconds(c.stop_timeout);
  return j;
}

Json task_definition_json(const sim::model::TaskDefinition& td) {
  Json j = {{"family", td.family}, {"revision", td.revision}};
  if (td.cpu_units) j["cpu"] = *td.cpu_units;
  if (td.memory_mib) j["memory"] = *td.memory_mib;
  j["containerDefinitions"] = Json::array();
  for (const auto& c : td.containers) j["containerDefinitions"].push_back(container_json(c));
  return j;
}

Json phase_json(const sim::model::StartupPhase& p) {
  using sim::model::OnUnavailable;
  Json j = {{"name", p.name}, {"seconds", seconds(p.duration)}};
  if (!p.reads.empty()) j["reads"] = p.reads;
  j["onMissing"] = p.on_missing == sim::model::OnMissing::exit ? "exit" : "stall";
  if (!p.connects_to.empty()) j["connectsTo"] = p.connects_to;
  j["onUnavailable"] = name_of(p.on_unavailable, {{OnUnavailable::exit, "exit"},
                                                   {OnUnavailable::wait, "wait"},
                                                   {OnUnavailable::degrade, "degrade"}});
  j["waitTimeoutSeconds"] = seconds(p.wait_timeout);
  if (!p.retry.tight()) {
    j["retry"] = {{"intervalSeconds", seconds(p.retry.interval)}, {"backoff", p.retry.backoff_permille / 1000.0}};
    if (p.retry.max_interval != sim::kNever) j["retry"]["maxIntervalSeconds"] = seconds(p.retry.max_interval);
  }
  j["exitCode"] = p.exit_code;
  return j;
}

Json app_json(const sim::model::AppProfile& a) {
  using sim::model::EndpointKind;
  Json j = {{"phases", Json::array()}};
  for (const auto& p : a.phases) j["phases"].push_back(phase_json(p));
  j["port"] = a.port;
  j["bindAddress"] = a.bind_address;
  j["liveFromPhase"] = a.live_from_phase;
  j["endpoints"] = Json::object();
  for (const auto& [path, e] : a.endpoints) {
    j["endpoints"][path] = {{"kind", name_of(e.kind, {{EndpointKind::live, "live"},
                                                      {EndpointKind::ready, "ready"},
                                                      {EndpointKind::degraded, "degraded"}})}};
    if (!e.checks.empty()) j["endpoints"][path]["checks"] = e.checks;
  }
  if (!a.memory.empty()) {
    j["memory"] = Json::array();
    for (const auto& m : a.memory) j["memory"].push_back({{"atSeconds", seconds(m.at)}, {"mib", m.mib}});
  }
  j["leakMibPerHour"] = a.leak_mib_per_hour;
  if (a.request_error_basis_points != 0) j["requestErrorPercent"] = a.request_error_basis_points / 100.0;
  if (a.cpu_idle_units != 0) j["cpuIdleUnits"] = a.cpu_idle_units;
  if (a.cpu_micros_per_request != 0) j["cpuMsPerRequest"] = static_cast<double>(a.cpu_micros_per_request) / 1000.0;
  if (a.request_latency) j["requestLatencyMs"] = {{"p50", a.request_latency->p50_ms}, {"p99", a.request_latency->p99_ms}};
  j["binaries"] = a.binaries;
  j["responseTimeMs"] = a.response_time.count();
  j["shutdownSeconds"] = seconds(a.shutdown_time);
  j["ignoresSigterm"] = a.ignores_sigterm;
  if (a.runs_for) j["runsForSeconds"] = seconds(*a.runs_for);
  j["exitCodeWhenDone"] = a.exit_code_when_done;
  if (a.crash_after_listening) j["crashAfterListeningSeconds"] = seconds(*a.crash_after_listening);
  j["startupJitter"] = pair(a.startup_jitter_low_permille, a.startup_jitter_high_permille);
  return j;
}

Json dependency_json(const sim::model::DependencyProfile& d) {
  Json j = {{"name", d.name},
            {"readyAfterSeconds", Json::array({seconds(d.ready_after_min), seconds(d.ready_after_max)})},
            {"reachable", d.reachable}};
  if (!d.url_variable.empty()) j["urlVariable"] = d.url_variable;
  if (!d.schemes.empty()) j["schemes"] = d.schemes;
  for (const auto& o : d.outages)
    j["outages"].push_back({{"fromSeconds", seconds(o.from)}, {"toSeconds", seconds(o.to)}});
  return j;
}

Json fault_json(const sim::model::Fault& f) {
  using sim::model::FaultKind;
  const char* kind = f.kind == FaultKind::dependency_outage ? "dependency_outage"
                     : f.kind == FaultKind::az_lost         ? "az_lost"
                                                            : "stop_task";
  Json j = {{"atSeconds", seconds(f.at)}, {"kind", kind}, {"target", f.target}, {"durationSeconds", seconds(f.duration)}};
  if (f.kind == FaultKind::stop_task) j["count"] = f.count;
  return j;
}

Json platform_json(const sim::model::Scenario& s) {
  const sim::model::PlatformTiming& p = s.platform;
  Json j = {{"provisioningSeconds", seconds(p.provisioning)},
            {"pullSeconds", seconds(p.pull)},
            {"activatingSeconds", seconds(p.activating)},
            {"deprovisioningSeconds", seconds(p.deprovisioning)},
            {"jitter", pair(p.jitter_low_permille, p.jitter_high_permille)}};
  if (s.service.cluster_memory_mib) j["clusterMemoryMiB"] = *s.service.cluster_memory_mib;
  if (!s.service.availability_zones.empty()) j["availabilityZones"] = s.service.availability_zones;
  return j;
}

template <typename T, typename Write>
void bounds_json(Json& j, const char* key, const sim::model::Bounds<T>& b, Write write) {
  if (!b.any()) return;
  j[key] = Json::object();
  if (b.min) j[key]["min"] = write(*b.min);
  if (b.max) j[key]["max"] = write(*b.max);
}

Json expect_json(const sim::model::Expectations& e) {
  Json j = {{"outcome", std::string(sim::observe::to_string(e.outcome))}};
  const auto count = [](int n) { return n; };
  bounds_json(j, "timeToOutcomeSeconds", e.time_to_outcome, seconds);
  bounds_json(j, "timeToDetectSeconds", e.time_to_detect, seconds);
  bounds_json(j, "failedTasks", e.failed_tasks, count);
  bounds_json(j, "oomKills", e.oom_kills, count);
  bounds_json(j, "tasksLaunched", e.tasks_launched, count);
  bounds_json(j, "scaleOuts", e.scale_outs, count);
  bounds_json(j, "scaleIns", e.scale_ins, count);
  bounds_json(j, "peakDesiredCount", e.peak_desired_count, count);
  bounds_json(j, "belowDesiredHealthySeconds", e.below_desired_healthy, seconds);
  bounds_json(j, "zeroHealthySeconds", e.zero_healthy, seconds);
  return j;
}

Json traffic_json(const sim::model::TrafficConfig& t) {
  Json j = {{"requestsPerSecond", t.requests_per_second}};
  for (const auto& c : t.changes)
    j["changes"].push_back({{"atSeconds", seconds(c.at)}, {"requestsPerSecond", c.requests_per_second}});
  return j;
}

// The describe-scalable-targets and describe-scaling-policies shapes the loader reads.
Json autoscaling_json(const sim::model::ServiceAutoScaling& a, const sim::model::ServiceConfig& service) {
  using sim::model::ScalingMetric;
  const std::string resource = "service/" + service.cluster + "/" + service.name;
  Json target = {{"ServiceNamespace", "ecs"}, {"ResourceId", resource}, {"ScalableDimension", "ecs:service:DesiredCount"},
                 {"MinCapacity", a.target.min_capacity}, {"MaxCapacity", a.target.max_capacity},
                 {"SuspendedState", {{"DynamicScalingInSuspended", a.target.dynamic_scaling_in_suspended},
                                     {"DynamicScalingOutSuspended", a.target.dynamic_scaling_out_suspended},
                                     {"ScheduledScalingSuspended", a.target.scheduled_scaling_suspended}}}};
  Json j = {{"ScalableTargets", Json::array({target})}, {"ScalingPolicies", Json::array()}};
  for (const auto& p : a.policies) {
    Json metric = {{"PredefinedMetricType", name_of(p.metric, {{ScalingMetric::ecs_cpu, "ECSServiceAverageCPUUtilization"},
                                                               {ScalingMetric::ecs_memory, "ECSServiceAverageMemoryUtilization"},
                                                               {ScalingMetric::alb_requests, "ALBRequestCountPerTarget"}})}};
    if (!p.resource_label.empty()) metric["ResourceLabel"] = p.resource_label;
    j["ScalingPolicies"].push_back(
        {{"PolicyName", p.name}, {"ResourceId", resource}, {"PolicyType", "TargetTrackingScaling"},
         {"TargetTrackingScalingPolicyConfiguration",
          {{"TargetValue", static_cast<double>(p.target_value_thousandths) / 1000.0}, {"PredefinedMetricSpecification", metric},
           {"ScaleOutCooldown", p.scale_out_cooldown.count() / 1000}, {"ScaleInCooldown", p.scale_in_cooldown.count() / 1000},
           {"DisableScaleIn", p.disable_scale_in}}},
         {"Alarms", Json::array({{{"AlarmName", p.alarm_high}}, {{"AlarmName", p.alarm_low}}})}});
  }
  return j;
}

}  // namespace

nlohmann::ordered_json service_to_json(const sim::model::ServiceConfig& service) { return service_json(service); }

nlohmann::ordered_json task_definition_to_json(const sim::model::TaskDefinition& definition) {
  return task_definition_json(definition);
}

nlohmann::ordered_json scenario_to_json(const sim::model::Scenario& s) {
  Json j = {{"name", s.name}};
  if (!s.description.empty()) j["description"] = s.description;
  if (!s.story.empty()) j["story"] = s.story;
  if (!s.provenance.empty()) j["source"] = s.provenance;
  if (s.expect) j["expect"] = expect_json(*s.expect);
  j["seed"] = s.seed;
  j["horizonSeconds"] = seconds(s.horizon);
  j["eventCap"] = s.event_cap;
  j["rules"] = s.rule_set;
  j["probeMode"] = s.probe_mode == sim::model::ProbeMode::per_probe ? "per_probe" : "predictive";
  j["stopAtOutcome"] = s.stop_at_outcome;
  j["service"] = service_json(s.service);
  if (s.service.load_balancer) j["targetGroup"] = target_group_json(*s.service.load_balancer);
  j["taskDefinitions"] = Json::array();
  for (const auto& td : s.task_definitions) j["taskDefinitions"].push_back(task_definition_json(td));
  const auto td_name = [&](int index) { return s.task_definitions.at(static_cast<std::size_t>(index)).arn_name(); };
  j["initialTaskDefinition"] = td_name(s.initial_task_definition);
  if (s.deploy.none)
    j["deploy"] = "none";
  else
    j["deploy"] = {{"taskDefinition", td_name(s.deploy.to_task_definition)}, {"atSeconds", seconds(s.deploy.at)}};
  if (!s.timeline.empty()) {
    j["timeline"] = Json::array();
    for (const sim::model::ServiceUpdate& u : s.timeline) {
      Json request = {{"cluster", s.service.cluster}, {"service", s.service.name}};
      if (u.task_definition) request["taskDefinition"] = td_name(*u.task_definition);
      if (u.desired_count) request["desiredCount"] = *u.desired_count;
      if (u.deployment_configuration) request["deploymentConfiguration"] = deployment_configuration_json(*u.deployment_configuration);
      if (u.health_check_grace_period) request["healthCheckGracePeriodSeconds"] = seconds(*u.health_check_grace_period);
      if (u.force_new_deployment) request["forceNewDeployment"] = true;
      j["timeline"].push_back({{"atSeconds", seconds(u.at)}, {"updateService", request}});
    }
  }
  j["apps"] = Json::object();
  for (const auto& [image, app] : s.apps) j["apps"][image] = app_json(app);
  if (!s.dependencies.empty()) {
    j["dependencies"] = Json::array();
    for (const auto& d : s.dependencies) j["dependencies"].push_back(dependency_json(d));
  }
  if (!s.faults.empty()) {
    j["faults"] = Json::array();
    for (const auto& f : s.faults) j["faults"].push_back(fault_json(f));
  }
  if (!s.unreadable_secrets.empty()) j["unreadableSecrets"] = s.unreadable_secrets;
  if (!s.secret_values.empty()) j["secretValues"] = s.secret_values;
  if (s.traffic) j["traffic"] = traffic_json(*s.traffic);
  if (s.autoscaling) j["autoscaling"] = autoscaling_json(*s.autoscaling, s.service);
  if (!s.alarms.empty()) {
    j["alarms"] = Json::array();
    for (const auto& a : s.alarms) j["alarms"].push_back(alarm_json(a));
  }
  for (const auto& [arn, result] : s.hook_results) {
    j["lifecycleHookResults"][arn] = {{"hookStatus", std::string(sim::model::to_string(result.hook_status))}};
    if (result.hook_status != sim::model::HookStatus::in_progress)
      j["lifecycleHookResults"][arn]["afterSeconds"] = seconds(result.after);
  }
  j["platform"] = platform_json(s);
  return j;
}

}  // namespace harness::scenario
