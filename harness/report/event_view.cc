#include "harness/report/event_view.h"

#include "sim/ecs/alarm.h"
#include "sim/ecs/deployment.h"
#include "sim/ecs/health_status.h"
#include "sim/ecs/lifecycle_hooks.h"
#include "sim/ecs/task_state.h"

namespace harness::report {
namespace {

using sim::observe::TraceKind;
namespace ecs = sim::ecs;

std::string task_label(const sim::observe::TraceEvent& e) { return "task " + std::to_string(e.task); }


}  // namespace

EventView describe(const sim::observe::TraceEvent& e, const sim::model::Scenario& s) {
  EventView v;
  auto& f = v.fields;
  f["t_ms"] = e.at.count();
  f["kind"] = sim::observe::to_string(e.kind);
  switch (e.kind) {
    case TraceKind::service_event:
      f["message"] = e.text;
      v.text = e.text;
      break;
    case TraceKind::deployment_state:
      f["deployment"] = "ecs-svc/" + std::to_string(e.deployment);
      f["rolloutState"] = e.text;
      if (!e.detail.empty()) f["reason"] = e.detail;
      v.text = "deployment ecs-svc/" + std::to_string(e.deployment) + " " + e.text +
               (e.detail.empty() ? "" : " (" + e.detail + ")");
      if (e.text == "IN_PROGRESS" && e.b > 0) {
        f["breaker_threshold"] = e.b;
        v.text += ", circuit breaker threshold " + std::to_string(e.b) + " failed tasks";
      }
      break;
    case TraceKind::task_launched: {
      const auto& td = s.task_definitions.at(static_cast<std::size_t>(e.a));
      f["task"] = e.task;
      f["deployment"] = "ecs-svc/" + std::to_string(e.deployment);
      f["taskDefinition"] = td.arn_name();
      v.text = task_label(e) + " PROVISIONING (" + td.arn_name() + ", deployment ecs-svc/" +
               std::to_string(e.deployment) + ")";
      break;
    }
    case TraceKind::placement_failed:
      f["reason"] = e.text;
      v.text = "placement failed: " + e.text;
      break;
    case TraceKind::task_state: {
      const auto state = std::string(ecs::to_string(static_cast<ecs::TaskState>(e.a)));
      f["task"] = e.task;
      f["lastStatus"] = state;
      v.text = task_label(e) + " " + state;
      break;
    }
    case TraceKind::task_stopped: {
      const auto code = std::string(ecs::to_string(static_cast<ecs::StopCode>(e.a)));
      f["task"] = e.task;
      f["stopCode"] = code;
      f["stoppedReason"] = e.text;
      if (e.b >= 0) f["exitCode"] = e.b;
      if (!e.detail.empty()) f["containerReason"] = e.detail;
      v.text = task_label(e) + " STOPPED: " + code + " \"" + e.text + "\"" +
               (e.b >= 0 ? ", exit code " + std::to_string(e.b) : "") + (e.detail.empty() ? "" : ", " + e.detail);
      break;
    }
    case TraceKind::container_started:
      f["task"] = e.task;
      f["container"] = e.text;
      v.text = task_label(e) + " container " + e.text + " started";
      break;
    case TraceKind::container_exited:
      f["task"] = e.task;
      f["exitCode"] = e.b;
      if (!e.text.empty()) f["reason"] = e.text;
      f["detail"] = e.detail;
      v.text = task_label(e) + " container exited " + std::to_string(e.b) +
               (e.text.empty() ? "" : " \"" + e.text + "\"") + " (" + e.detail + ")";
      break;
    case TraceKind::container_health: {
      const auto status = std::string(ecs::to_string(static_cast<ecs::HealthStatus>(e.b)));
      f["task"] = e.task;
      f["container"] = e.text;
      f["healthStatus"] = status;
      if (!e.detail.empty()) f["reason"] = e.detail;
      v.text = task_label(e) + " container " + e.text + " health " + status +
               (e.detail.empty() ? "" : " (" + e.detail + ")");
      break;
    }
    case TraceKind::task_counted_healthy:
      f["task"] = e.task;
      f["healthy"] = e.a != 0;
      v.text = task_label(e) + (e.a ? " counts as healthy" : " no longer counts as healthy");
      break;
    case TraceKind::target_health: {
      const auto state = std::string(ecs::to_string(static_cast<ecs::TargetState>(e.a)));
      f["task"] = e.task;
      f["targetHealth"] = state;
      if (!e.text.empty()) f["reason"] = e.text;
      v.text = task_label(e) + " target " + state + (e.text.empty() ? "" : " (" + e.text + ")");
      break;
    }
    case TraceKind::breaker_count:
      f["deployment"] = "ecs-svc/" + std::to_string(e.deployment);
      f["failedTasks"] = e.a;
      f["threshold"] = e.b;
      f["why"] = e.text;
      v.text = "circuit breaker: " + std::to_string(e.a) + " of " + std::to_string(e.b) + " failed tasks (" +
               e.text + ")";
      break;
    case TraceKind::throttle:
      f["delay_ms"] = e.a;
      f["consecutiveStartFailures"] = e.b;
      v.text = "launch throttle: next attempt in " + sim::format_seconds(sim::Millis{e.a}) + " after " +
               std::to_string(e.b) + " tasks failed to start";
      break;
    case TraceKind::stop_requested:
      f["task"] = e.task;
      f["reason"] = e.text;
      v.text = task_label(e) + " stop requested: " + e.text;
      break;
    case TraceKind::app_phase:
      f["task"] = e.task;
      f["phase"] = e.text;
      if (e.b) f["stalled"] = e.detail;
      v.text = task_label(e) + " app: " + e.text + (e.b ? " — never finishes: " + e.detail : "");
      break;
    case TraceKind::dependency_state:
      f["dependency"] = e.text;
      f["up"] = e.a != 0;
      v.text = "dependency " + e.text + (e.a ? " up" : " DOWN");
      break;
    case TraceKind::invariant_violated:
      f["invariant"] = e.text;
      v.text = "INVARIANT VIOLATED: " + e.text;
      break;
    case TraceKind::alarm_state: {
      const std::string state(ecs::to_string(static_cast<ecs::AlarmState>(e.a)));
      f["alarm"] = e.text;
      f["state"] = state;
      f["datapoint"] = static_cast<double>(e.b) / 1000.0;
      // Thousandths: a count or percent, or TargetResponseTime in seconds (0.746).
      std::string value = std::to_string(e.b / 1000);
      if (e.b % 1000 != 0) value += "." + std::to_string(1000 + e.b % 1000).substr(1);
      v.text = "alarm " + e.text + " -> " + state + " (datapoint " + value + ")";
      break;
    }
    case TraceKind::lifecycle_stage:
      f["deployment"] = "ecs-svc/" + std::to_string(e.deployment);
      f["lifecycleStage"] = e.text;
      if (e.b > 0) f["shiftStep"] = e.b;
      v.text = "deployment ecs-svc/" + std::to_string(e.deployment) + " lifecycle stage " + e.text +
               (e.b > 0 ? " (shift step " + std::to_string(e.b + 1) + ")" : "");
      break;
    case TraceKind::lifecycle_hook: {
      const std::string stage(sim::model::to_string(static_cast<sim::model::LifecycleStage>(e.a)));
      const std::string status(ecs::to_string(static_cast<ecs::HookVerdictStatus>(e.b)));
      f["deployment"] = "ecs-svc/" + std::to_string(e.deployment);
      f["hookTargetArn"] = e.text;
      f["lifecycleStage"] = stage;
      f["status"] = status;
      f["detail"] = e.detail;
      v.text = "lifecycle hook " + e.text + " at " + stage + ": " + status + " (" + e.detail + ")";
      break;
    }
  }
  return v;
}

}  // namespace harness::report
