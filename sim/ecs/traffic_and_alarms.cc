// ServiceController: the request traffic its healthy tasks serve, and the CloudWatch alarms that
// watch it and fail the deployment (deploymentConfiguration.alarms; reference §2).
#include <algorithm>

#include "sim/ecs/service_controller.h"
#include "sim/ecs/task_record.h"

namespace sim::ecs {

void ServiceController::start_traffic() {
  if (!scenario_.traffic) return;
  traffic_.emplace(scenario_.traffic->requests_per_second);
  for (const model::AlarmDefinition& a : scenario_.alarms) alarms_.emplace_back(a);
  alarm_totals_at_last_datapoint_.assign(alarms_.size(), PeriodTraffic{});
  alarm_revision_requests_.assign(alarms_.size(), {});
  clock_.call_at(clock_.now() + model::kTrafficBucket, traffic_bucket_timer, 0, 0);
}

// Accounts traffic up to now with the serving set as it was since the last change: a task serves
// while it counts healthy (with a load balancer that includes a healthy target; reference §3.1).
void ServiceController::advance_traffic() {
  if (!traffic_) return;
  std::vector<world::ServingRevision> serving;
  for (const Deployment& d : deployments_)
    serving.push_back({static_cast<int>(d.id), traffic_weight(d),
                       td_error_basis_points_[static_cast<std::size_t>(d.task_definition)]});
  traffic_->advance(clock_.now(), serving);
}

PeriodTraffic ServiceController::traffic_totals() const {
  const world::RevisionCounts targets = traffic_->all_targets();
  return {targets.requests, targets.errors, traffic_->elb_5xx()};
}

void ServiceController::on_traffic_bucket() {
  advance_traffic();
  evaluate_alarms();
  // Traffic flows until the run ends; the next bucket is always due.
  clock_.call_at(clock_.now() + model::kTrafficBucket, traffic_bucket_timer, 0, 0);
}

void ServiceController::evaluate_alarms() {
  const PeriodTraffic now = traffic_totals();
  std::vector<std::string> in_alarm;
  for (std::size_t i = 0; i < alarms_.size(); ++i) {
    CloudWatchAlarm& alarm = alarms_[i];
    // One datapoint per period, at period boundaries counted from time 0.
    if (clock_.now().count() % alarm.definition().period.count() != 0) continue;
    PeriodTraffic& last = alarm_totals_at_last_datapoint_[i];
    PeriodTraffic period{now.requests - last.requests, now.target_5xx - last.target_5xx,
                               now.elb_5xx - last.elb_5xx};
    last = now;
    if (alarm.definition().metric == model::AlarmMetric::target_response_time)
      period.response_time_micros = period_response_time_micros(i);
    const AlarmState before = alarm.state();
    const AlarmState after = alarm.on_period(period);
    if (after != before && trace_.enabled())
      trace_.add(clock_.now(),
                 observe::AlarmStateChanged{alarm.definition().name, after, alarm.last_value_thousandths()});
  }
  if (!deployed_) return;
  Deployment& d = deployments_[*deployed_];
  const model::DeploymentAlarmsConfig& config = scenario_.service.deployment.alarms;
  // Monitoring starts once a task of the new deployment runs, and covers the bake (reference §2).
  if (!config.enable || d.alarms_ignored || !d.has_running_task || d.rollout != RolloutState::in_progress) return;
  for (const CloudWatchAlarm& alarm : alarms_) {
    const std::string& name = alarm.definition().name;
    if (alarm.state() == AlarmState::alarm &&
        std::find(config.alarm_names.begin(), config.alarm_names.end(), name) != config.alarm_names.end())
      in_alarm.push_back(name);
  }
  if (in_alarm.empty()) return;
  metrics_.alarms_triggered = in_alarm;
  std::string names;
  for (const std::string& n : in_alarm) names += (names.empty() ? "" : ", ") + n;
  fail_deployment(d, "ECS deployment alarms", "alarm " + names + " in ALARM", config.rollback);
}

// The requests each revision served since `requests_before` (indexed by deployment), with its
// served app's latency.
std::vector<world::LatencyShare> ServiceController::latency_mix(const std::vector<std::int64_t>& requests_before) const {
  std::vector<world::LatencyShare> mix;
  for (const Deployment& d : deployments_) {
    const std::int64_t before = d.id < requests_before.size() ? requests_before[d.id] : 0;
    mix.push_back({traffic_->revision(static_cast<int>(d.id)).requests - before,
                   td_latency_[static_cast<std::size_t>(d.task_definition)]});
  }
  return mix;
}

// TargetResponseTime over the alarm's last period, in its statistic (Average or pNN), over every
// revision's requests (sim/world/request_latency.h).
std::int64_t ServiceController::period_response_time_micros(std::size_t alarm) {
  std::vector<std::int64_t>& before = alarm_revision_requests_[alarm];
  const std::vector<world::LatencyShare> mix = latency_mix(before);
  before.clear();
  for (const Deployment& d : deployments_) before.push_back(traffic_->revision(static_cast<int>(d.id)).requests);
  const std::int64_t percentile = alarms_[alarm].definition().percentile_ppm;
  return percentile == 0 ? world::mixed_mean_micros(mix) : world::mixed_percentile_micros(mix, percentile);
}

// At deploy start: the traffic figures count from here, and an alarm already in ALARM makes ECS
// ignore the alarms for this whole deployment, so a fix can be deployed (reference §2).
void ServiceController::watch_new_deployment(Deployment& d) {
  if (!traffic_) return;
  traffic_at_deploy_ = traffic_totals();
  revision_at_deploy_.clear();
  for (int i = 0; i < traffic_->revisions(); ++i) revision_at_deploy_.push_back(traffic_->revision(i));
  const model::DeploymentAlarmsConfig& config = scenario_.service.deployment.alarms;
  if (!config.enable) return;
  for (const CloudWatchAlarm& alarm : alarms_) {
    const std::string& name = alarm.definition().name;
    if (alarm.state() != AlarmState::alarm ||
        std::find(config.alarm_names.begin(), config.alarm_names.end(), name) == config.alarm_names.end())
      continue;
    d.alarms_ignored = true;
    service_event(service_ + " (deployment " + d.name() + ") alarm " + name +
                  " was already in ALARM at the start: alarms are ignored for this deployment.");
    return;
  }
}

void ServiceController::close_traffic_metrics() {
  if (!traffic_ || !deployed_) return;
  const PeriodTraffic now = traffic_totals();
  metrics_.requests = now.requests - traffic_at_deploy_.requests + now.elb_5xx - traffic_at_deploy_.elb_5xx;
  metrics_.target_5xx = now.target_5xx - traffic_at_deploy_.target_5xx;
  metrics_.elb_5xx = now.elb_5xx - traffic_at_deploy_.elb_5xx;
  metrics_.traffic_by_revision.clear();
  for (const Deployment& d : deployments_) {
    const world::RevisionCounts total = traffic_->revision(static_cast<int>(d.id));
    const world::RevisionCounts before = d.id < revision_at_deploy_.size() ? revision_at_deploy_[d.id]
                                                                            : world::RevisionCounts{};
    const model::RequestLatency& latency = td_latency_[static_cast<std::size_t>(d.task_definition)];
    metrics_.traffic_by_revision.push_back({static_cast<int>(d.id), d.task_definition, total.requests - before.requests,
                                            total.errors - before.errors, latency.p50_ms, latency.p99_ms});
  }
  // Latency of every request served since the deploy, over the revisions that served them.
  std::vector<std::int64_t> at_deploy;
  for (const world::RevisionCounts& c : revision_at_deploy_) at_deploy.push_back(c.requests);
  const std::vector<world::LatencyShare> mix = latency_mix(at_deploy);
  metrics_.latency_p50_micros = world::mixed_percentile_micros(mix, 500'000);
  metrics_.latency_p99_micros = world::mixed_percentile_micros(mix, 990'000);
}

}  // namespace sim::ecs
