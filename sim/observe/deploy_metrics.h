// The figures of the deploy under test (observe::Metrics), computed here from what the control
// plane tells as it happens — the controller decides, this observer counts. It integrates time
// below desired healthy capacity and task lifetimes, times detection, rollback and outcome from
// the deploy's start, and turns the cumulative traffic a world reports into the deploy's share.
//
// Everything before deploy_started() is the service's history and is not counted; once the
// outcome is reached the time integrals stop (what happens after is reported, not charged). With
// a timeline of several deployments, the figures run from the first deployment's start to the
// outcome of the last (the deployment under test).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sim/ecs/runtime.h"
#include "sim/observe/outcome.h"

namespace sim::observe {

class DeployMetrics {
 public:
  DeployMetrics(Metrics& metrics, int desired_count) : m_(metrics), desired_(desired_count) {}

  bool deploy_started() const { return started_; }

  // UpdateService: the deploy under test starts now; `traffic` is what was served so far.
  void start_deploy(Millis now, int breaker_threshold, const ecs::TrafficReport* traffic);

  // Time passes with `healthy` tasks counted healthy since the last call: integrates the time
  // below desiredCount and with none at all.
  void advance(Millis now, int healthy);
  void outcome_reached() { outcome_reached_ = true; }
  void desired_count(int n) { desired_ = n; }

  void task_launched();
  // A task of the deploy under test failed (Deployment.failedTasks).
  void failure_counted(Millis now);
  // A deployment's breaker counted a failure: its count now.
  void breaker_counted(int failures) { m_.breaker_max_count = std::max(m_.breaker_max_count, failures); }
  // The deploy under test failed (breaker, alarm or hook).
  void deployment_failed(Millis now, const ecs::TrafficReport* traffic);
  void outcome_at(Millis now) { m_.time_to_outcome = now - m_.deploy_started_at; }
  void alarms_triggered(std::vector<std::string> names) { m_.alarms_triggered = std::move(names); }
  void lifecycle_stage(std::string stage) { m_.lifecycle_stage = std::move(stage); }
  void hook_answered(std::string arn, std::string stage, std::string status, Millis now);
  // A task stopped, or is still up at the end of the run: its lifetime since the deploy counts.
  void task_lifetime(Millis now, Millis launched_at);

  // The run ends: the deploy's share of the traffic, per revision, and its latency.
  void finish_traffic(const ecs::TrafficReport& traffic, const std::vector<int>& task_definition_of_deployment);

 private:
  Metrics& m_;
  int desired_;
  bool started_ = false;
  bool outcome_reached_ = false;
  Millis last_advanced_{0};
  ecs::TrafficReport traffic_at_deploy_;
};

}  // namespace sim::observe
