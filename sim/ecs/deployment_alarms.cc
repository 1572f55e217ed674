// ServiceController: the traffic routes it gives the load balancer, and the CloudWatch alarms
// that watch what the world reports it served, failing the deployment under test when one it
// names is in ALARM (deploymentConfiguration.alarms; ecs-rules §2).
#include "sim/ecs/service_controller.h"

namespace sim::ecs {

// Every deployment's share of the requests from now on: its healthy tasks under ROLLING, the
// listener's weights during a traffic shift (ecs-rules §3.1, §3.2). Called after every change of
// those, so each stretch is served by the routes that held, and wherever the controller brings its
// metrics up to date: the world's meter rounds per stretch, and cutting the stretches where they
// were always cut keeps every traffic count as it was (the golden logs).
void ServiceController::route_traffic() {
  if (!scenario_.traffic) return;
  routes_.clear();
  for (const Deployment& d : deployments_) routes_.push_back({d.id, d.task_definition, traffic_weight(d)});
  if (has_lb_) fail_open_empty_target_groups();
  runtime_.route_traffic(routes_);
}

const TrafficReport* ServiceController::traffic_served() {
  return scenario_.traffic ? &runtime_.traffic_served() : nullptr;
}

void ServiceController::on_traffic_period(const TrafficReport& report) {
  for (const AlarmWatch::Change& change : alarms_.on_traffic(clock_.now(), report)) {
    const CloudWatchAlarm& alarm = alarms_.alarms()[change.alarm];
    if (trace_.enabled())
      trace_.add(clock_.now(),
                 observe::AlarmStateChanged{alarm.definition().name, change.state, alarm.last_value_thousandths()});
  }
  check_deployment_alarms();
}

// A period's report matters only when an alarm takes a datapoint, or when an alarm in ALARM may
// fail the deployment under test (check_deployment_alarms); alarm states change only at datapoints.
bool ServiceController::acts_on_traffic_period(Millis end) const {
  return alarms_.datapoint_due(end) || (service_.deployment.alarms.enable && alarms_.any_in_alarm());
}

void ServiceController::check_deployment_alarms() {
  if (!deployed_) return;
  Deployment& d = deployments_[*deployed_];
  const model::DeploymentAlarmsConfig& config = service_.deployment.alarms;
  // Monitoring starts once a task of the new deployment runs, and covers the bake (ecs-rules §2).
  if (!config.enable || d.alarms_ignored || !d.has_running_task || d.rollout != RolloutState::in_progress) return;
  std::vector<std::string> in_alarm = alarms_.in_alarm(config.alarm_names);
  if (in_alarm.empty()) return;
  std::string names;
  for (const std::string& n : in_alarm) names += (names.empty() ? "" : ", ") + n;
  metrics_.alarms_triggered(std::move(in_alarm));
  fail_deployment(d, "ECS deployment alarms", "alarm " + names + " in ALARM", config.rollback);
}

// At deploy start an alarm already in ALARM makes ECS ignore the alarms for this whole
// deployment, so a fix can be deployed (ecs-rules §2).
void ServiceController::watch_new_deployment(Deployment& d) {
  const model::DeploymentAlarmsConfig& config = service_.deployment.alarms;
  if (!scenario_.traffic || !config.enable) return;
  const std::vector<std::string> in_alarm = alarms_.in_alarm(config.alarm_names);
  if (in_alarm.empty()) return;
  d.alarms_ignored = true;
  service_event([&] { return event_text::alarm_ignored(service_name_, d.name(), in_alarm.front()); });
}

}  // namespace sim::ecs
