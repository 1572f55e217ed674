#include "harness/report/event_view.h"

#include <variant>

namespace harness::report {
namespace {

namespace ecs = sim::ecs;
namespace observe = sim::observe;

std::string deployment_name(ecs::DeploymentId d) { return "ecs-svc/" + std::to_string(d); }
std::string task_label(ecs::TaskId task) { return "task " + std::to_string(task); }

// Describes one payload into `v`: one overload per kind, so a new kind without a description
// does not compile. The text is the timeline's line, the fields the JSONL log's.
class Describer {
 public:
  Describer(EventView& v, const sim::model::Scenario& s) : v_(v), f_(v.fields), s_(s) {}

  void operator()(const observe::ServiceEvent& e) {
    f_["message"] = e.message;
    v_.text = e.message;
  }

  void operator()(const observe::DeploymentStateChanged& e) {
    const std::string state(ecs::to_string(e.state));
    const std::string reason = e.rollback ? "rollback" : e.reason;
    f_["deployment"] = deployment_name(e.deployment);
    f_["rolloutState"] = state;
    if (!reason.empty()) f_["reason"] = reason;
    v_.text = "deployment " + deployment_name(e.deployment) + " " + state + (reason.empty() ? "" : " (" + reason + ")");
    if (e.state == ecs::RolloutState::in_progress && e.breaker_threshold > 0) {
      f_["breaker_threshold"] = e.breaker_threshold;
      v_.text += ", circuit breaker threshold " + std::to_string(e.breaker_threshold) + " failed tasks";
    }
  }

  void operator()(const observe::TaskLaunched& e) {
    const auto& td = s_.task_definitions.at(static_cast<std::size_t>(e.task_definition));
    f_["task"] = e.task;
    f_["deployment"] = deployment_name(e.deployment);
    f_["taskDefinition"] = td.arn_name();
    const std::string zone = zone_name(e.availability_zone);
    if (!zone.empty()) f_["availabilityZone"] = zone;
    v_.text = task_label(e.task) + " PROVISIONING (" + td.arn_name() + ", deployment " +
              deployment_name(e.deployment) + (zone.empty() ? "" : ", " + zone) + ")";
  }

  void operator()(const observe::AvailabilityZoneLost& e) {
    const std::string zone = zone_name(e.availability_zone);
    f_["availabilityZone"] = zone;
    f_["tasks"] = e.tasks;
    f_["unavailableUntilSeconds"] = e.unavailable_until.count() / 1000.0;
    std::string tasks;
    for (const ecs::TaskId t : e.tasks) tasks += (tasks.empty() ? "" : ", ") + std::to_string(t);
    v_.text = "Availability Zone " + zone + " lost: " +
              (e.tasks.empty() ? std::string("no task in it")
                               : (e.tasks.size() == 1 ? "task " : "tasks ") + tasks + " stopped with it") +
              (e.unavailable_until.count() > 0 ? "; no placement there until " +
                                                     std::to_string(e.unavailable_until.count() / 1000) + " s"
                                               : "");
  }

  // The zone's name, or "" when the scenario names no zones.
  std::string zone_name(int zone) const {
    const auto& zones = s_.service.availability_zones;
    return zone >= 0 && static_cast<std::size_t>(zone) < zones.size() ? zones[static_cast<std::size_t>(zone)] : "";
  }

  void operator()(const observe::PlacementFailed& e) {
    f_["reason"] = e.reason;
    v_.text = "placement failed: " + e.reason;
  }

  void operator()(const observe::TaskStateChanged& e) {
    const std::string state(ecs::to_string(e.state));
    f_["task"] = e.task;
    f_["lastStatus"] = state;
    v_.text = task_label(e.task) + " " + state;
  }

  void operator()(const observe::TaskStopped& e) {
    const std::string code(ecs::to_string(e.code));
    f_["task"] = e.task;
    f_["stopCode"] = code;
    f_["stoppedReason"] = e.stopped_reason;
    if (e.exit_code) f_["exitCode"] = *e.exit_code;
    if (!e.container_reason.empty()) f_["containerReason"] = e.container_reason;
    v_.text = task_label(e.task) + " STOPPED: " + code + " \"" + e.stopped_reason + "\"" +
              (e.exit_code ? ", exit code " + std::to_string(*e.exit_code) : "") +
              (e.container_reason.empty() ? "" : ", " + e.container_reason);
  }

  void operator()(const observe::ContainerStarted& e) {
    f_["task"] = e.task;
    f_["container"] = e.container;
    v_.text = task_label(e.task) + " container " + e.container + " started";
  }

  void operator()(const observe::ContainerExited& e) {
    const std::string detail = e.container + ": " + e.detail;
    f_["task"] = e.task;
    f_["exitCode"] = e.exit_code;
    if (!e.reason.empty()) f_["reason"] = e.reason;
    f_["detail"] = detail;
    v_.text = task_label(e.task) + " container exited " + std::to_string(e.exit_code) +
              (e.reason.empty() ? "" : " \"" + e.reason + "\"") + " (" + detail + ")";
  }

  void operator()(const observe::ContainerHealthChanged& e) {
    const std::string status(ecs::to_string(e.status));
    f_["task"] = e.task;
    f_["container"] = e.container;
    f_["healthStatus"] = status;
    if (!e.reason.empty()) f_["reason"] = e.reason;
    v_.text = task_label(e.task) + " container " + e.container + " health " + status +
              (e.reason.empty() ? "" : " (" + e.reason + ")");
  }

  void operator()(const observe::TaskCountedHealthy& e) {
    f_["task"] = e.task;
    f_["healthy"] = e.healthy;
    v_.text = task_label(e.task) + (e.healthy ? " counts as healthy" : " no longer counts as healthy");
  }

  void operator()(const observe::TargetHealthChanged& e) {
    const std::string state(ecs::to_string(e.state));
    f_["task"] = e.task;
    f_["targetHealth"] = state;
    if (!e.reason.empty()) f_["reason"] = e.reason;
    v_.text = task_label(e.task) + " target " + state + (e.reason.empty() ? "" : " (" + e.reason + ")");
  }

  void operator()(const observe::BreakerCounted& e) {
    f_["deployment"] = deployment_name(e.deployment);
    f_["failedTasks"] = e.failed_tasks;
    f_["threshold"] = e.threshold;
    f_["why"] = e.why;
    v_.text = "circuit breaker: " + std::to_string(e.failed_tasks) + " of " + std::to_string(e.threshold) +
              " failed tasks (" + e.why + ")";
  }

  void operator()(const observe::LaunchThrottled& e) {
    f_["delay_ms"] = e.delay.count();
    f_["consecutiveStartFailures"] = e.consecutive_start_failures;
    v_.text = "launch throttle: next attempt in " + sim::format_seconds(e.delay) + " after " +
              std::to_string(e.consecutive_start_failures) + " tasks failed to start";
  }

  void operator()(const observe::StopRequested& e) {
    f_["task"] = e.task;
    f_["reason"] = e.reason;
    v_.text = task_label(e.task) + " stop requested: " + e.reason;
  }

  void operator()(const observe::AppPhaseEntered& e) {
    f_["task"] = e.task;
    f_["phase"] = e.phase;
    if (e.stalls_here) f_["stalled"] = e.stall_reason;
    v_.text = task_label(e.task) + " app: " + e.phase + (e.stalls_here ? " — never finishes: " + e.stall_reason : "");
  }

  void operator()(const observe::DependencyChanged& e) {
    f_["dependency"] = e.dependency;
    f_["up"] = e.up;
    v_.text = "dependency " + e.dependency + (e.up ? " up" : " DOWN");
  }

  void operator()(const observe::AlarmStateChanged& e) {
    const std::string state(ecs::to_string(e.state));
    const std::int64_t x = e.datapoint_thousandths;
    f_["alarm"] = e.alarm;
    f_["state"] = state;
    f_["datapoint"] = static_cast<double>(x) / 1000.0;
    // Thousandths: a count or percent, or TargetResponseTime in seconds (0.746).
    std::string value = std::to_string(x / 1000);
    if (x % 1000 != 0) value += "." + std::to_string(1000 + x % 1000).substr(1);
    v_.text = "alarm " + e.alarm + " -> " + state + " (datapoint " + value + ")";
  }

  void operator()(const observe::LifecycleStageEntered& e) {
    const std::string stage(sim::model::to_string(e.stage));
    f_["deployment"] = deployment_name(e.deployment);
    f_["lifecycleStage"] = stage;
    if (e.shift_step > 0) f_["shiftStep"] = e.shift_step;
    v_.text = "deployment " + deployment_name(e.deployment) + " lifecycle stage " + stage +
              (e.shift_step > 0 ? " (shift step " + std::to_string(e.shift_step + 1) + ")" : "");
  }

  void operator()(const observe::LifecycleHookAnswered& e) {
    const std::string stage(sim::model::to_string(e.stage));
    const std::string status(ecs::to_string(e.status));
    // A hook that never answered was still IN_PROGRESS at its timeout (HookStatus).
    const std::string detail = (e.status == ecs::HookVerdictStatus::timed_out ? "no answer but IN_PROGRESS after "
                                                                                : "after ") +
                               sim::format_seconds(e.after);
    f_["deployment"] = deployment_name(e.deployment);
    f_["hookTargetArn"] = e.hook_target_arn;
    f_["lifecycleStage"] = stage;
    f_["status"] = status;
    f_["detail"] = detail;
    v_.text = "lifecycle hook " + e.hook_target_arn + " at " + stage + ": " + status + " (" + detail + ")";
  }

  void operator()(const observe::ServiceUpdated& e) {
    f_["origin"] = e.origin;
    std::string what;
    const auto add = [&](const std::string& part) { what += (what.empty() ? "" : ", ") + part; };
    if (e.task_definition) {
      const std::string td = s_.task_definitions.at(static_cast<std::size_t>(*e.task_definition)).arn_name();
      f_["taskDefinition"] = td;
      add("taskDefinition " + td);
    }
    if (e.desired_count) {
      f_["desiredCount"] = *e.desired_count;
      add("desiredCount " + std::to_string(*e.desired_count));
    }
    if (e.configuration_changed) {
      f_["configurationChanged"] = true;
      add("deploymentConfiguration");
    }
    if (e.force_new_deployment) {
      f_["forceNewDeployment"] = true;
      add("forceNewDeployment");
    }
    if (e.started) f_["startedDeployment"] = deployment_name(*e.started);
    v_.text = "UpdateService (" + e.origin + "): " + (what.empty() ? "no change" : what) +
              (e.started ? " -> deployment " + deployment_name(*e.started) : "");
  }

  void operator()(const observe::ScalingActivityStarted& e) {
    const std::string metric = metric_name(e.metric);
    const std::string value = thousandths_text(e.metric_thousandths);
    const std::string cause = "monitor alarm " + e.alarm + " in state ALARM triggered policy " + e.policy;
    f_["direction"] = std::string(ecs::to_string(e.direction));
    f_["fromDesiredCount"] = e.from;
    f_["desiredCount"] = e.to;
    f_["policy"] = e.policy;
    f_["cause"] = cause;
    f_["metric"] = metric;
    f_["datapoint"] = static_cast<double>(e.metric_thousandths) / 1000.0;
    // describe-scaling-activities' Description and Cause (aws-cli's example).
    v_.text = "autoscaling: Setting desired count to " + std::to_string(e.to) + ". (was " + std::to_string(e.from) +
              "; " + cause + "; " + metric + " " + value + ")";
  }

  void operator()(const observe::ScalingHeldBack& e) {
    const std::string direction = e.direction == ecs::ScalingDirection::out ? "scale-out" : "scale-in";
    f_["direction"] = std::string(ecs::to_string(e.direction));
    f_["reason"] = std::string(ecs::to_string(e.reason));
    v_.text = "autoscaling: " + direction + " held back: " + std::string(ecs::to_string(e.reason));
  }

 private:
  static std::string metric_name(sim::model::ScalingMetric m) {
    switch (m) {
      case sim::model::ScalingMetric::ecs_cpu: return "ECSServiceAverageCPUUtilization";
      case sim::model::ScalingMetric::ecs_memory: return "ECSServiceAverageMemoryUtilization";
      case sim::model::ScalingMetric::alb_requests: return "ALBRequestCountPerTarget";
    }
    return "?";
  }
  // 80500 -> "80.5", 80000 -> "80".
  static std::string thousandths_text(std::int64_t x) {
    std::string text = std::to_string(x / 1000);
    if (x % 1000 != 0) {
      std::string fraction = std::to_string(1000 + x % 1000).substr(1);
      while (fraction.back() == '0') fraction.pop_back();
      text += "." + fraction;
    }
    return text;
  }

  EventView& v_;
  nlohmann::json& f_;
  const sim::model::Scenario& s_;
};

}  // namespace

EventView describe(const sim::observe::TraceEvent& e, const sim::model::Scenario& s) {
  EventView v;
  v.fields["t_ms"] = e.at.count();
  v.fields["kind"] = sim::observe::to_string(e.kind());
  std::visit(Describer(v, s), e.payload);
  return v;
}

}  // namespace harness::report
