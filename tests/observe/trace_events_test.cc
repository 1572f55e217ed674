// sim/observe/trace.h and trace_events.h: each kind's payload goes into the trace and comes back
// with its fields; the one decoder (harness/report/event_view) names and describes it as before.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "harness/report/event_view.h"
#include "sim/observe/trace.h"

namespace {

namespace ecs = sim::ecs;
namespace observe = sim::observe;
using sim::Millis;
using sim::model::LifecycleStage;

// One payload of every kind, in TraceKind's order, each field set to something not its default.
std::vector<observe::TracePayload> one_of_each() {
  return {
      observe::ServiceEvent{"service web has reached a steady state.", true},
      observe::DeploymentStateChanged{.deployment = 2,
                                      .state = ecs::RolloutState::failed,
                                      .failed_tasks = 3,
                                      .reason = "tasks failed to start"},
      observe::TaskLaunched{7, 2, 1},
      observe::PlacementFailed{2, "was unable to place a task"},
      observe::TaskStateChanged{7, 2, ecs::TaskState::running},
      observe::TaskStopped{7, 2, ecs::StopCode::essential_container_exited, 137, "Essential container in task exited",
                           "OutOfMemoryError: Container killed due to memory usage"},
      observe::ContainerStarted{7, 2, 1, "sidecar"},
      observe::ContainerExited{7, 2, 1, "sidecar", 137, observe::ContainerExitCause::oom_killed,
                               "OutOfMemoryError: Container killed due to memory usage", "memory reached the limit"},
      observe::ContainerHealthChanged{7, 2, 1, "sidecar", ecs::HealthStatus::unhealthy, "connection refused"},
      observe::TaskCountedHealthy{7, 2, true},
      observe::TargetHealthChanged{7, 2, ecs::TargetState::unhealthy, "Target.Timeout"},
      observe::BreakerCounted{2, 2, 3, "failed ELB health checks"},
      observe::LaunchThrottled{7, 2, sim::seconds(30), 2},
      observe::StopRequested{7, 2, ecs::StopCause::elb_health_check_failed, true, "unhealthy"},
      observe::AppPhaseEntered{7, 2, 1, "load model", true, "OPENAI_API_KEY is not set"},
      observe::DependencyChanged{"redis", true},
      observe::AlarmStateChanged{"orders-5xx", ecs::AlarmState::alarm, 20'500},
      observe::LifecycleStageEntered{2, LifecycleStage::production_traffic_shift, 1},
      observe::LifecycleHookAnswered{2, LifecycleStage::post_scale_up, ecs::HookVerdictStatus::timed_out,
                                     "arn:aws:lambda:us-east-1:1:function:check", sim::minutes(5)},
      observe::ServiceUpdated{"timeline[1]", 6, 1, false, true, 2},
      observe::ScalingActivityStarted{ecs::ScalingDirection::out, 4, 7, "cpu50", "TargetTracking-service/default/web-AlarmHigh",
                                      sim::model::ScalingMetric::ecs_memory, 78'906},
      observe::ScalingHeldBack{ecs::ScalingDirection::in, ecs::ScalingHeld::cooldown},
  };
}

sim::model::Scenario two_revisions() {
  sim::model::Scenario s;
  s.task_definitions.resize(2);
  s.task_definitions[0].family = s.task_definitions[1].family = "web";
  s.task_definitions[1].revision = 2;
  return s;
}

harness::report::EventView described(observe::TracePayload payload) {
  return harness::report::describe({Millis{1500}, std::move(payload)}, two_revisions());
}

}  // namespace

TEST_CASE("every kind goes into the trace and comes back with its kind and fields") {
  // Given one payload of each kind, when added to an enabled trace, then each event reads back
  // as its own payload type, with the kind of its place in TraceKind and every field intact.
  observe::Trace trace(true);
  const auto payloads = one_of_each();
  for (std::size_t i = 0; i < payloads.size(); ++i) trace.add(Millis{static_cast<std::int64_t>(i)}, payloads[i]);
  REQUIRE(trace.events().size() == static_cast<std::size_t>(observe::TraceKind::scaling_held) + 1);
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    const observe::TraceEvent& e = trace.events()[i];
    CHECK(e.at == Millis{static_cast<std::int64_t>(i)});
    CHECK(e.kind() == static_cast<observe::TraceKind>(i));
    CHECK(e.payload == payloads[i]);
  }
  const auto* exited = trace.events()[7].as<observe::ContainerExited>();
  REQUIRE(exited != nullptr);
  CHECK(exited->cause == observe::ContainerExitCause::oom_killed);
  CHECK(exited->exit_code == 137);
  CHECK(trace.events()[7].as<observe::ContainerStarted>() == nullptr);
}

TEST_CASE("a disabled trace keeps nothing") {
  // Given a trace made disabled (benchmarks, sweeps), when a payload is added, then it is not kept.
  observe::Trace trace(false);
  trace.add(Millis{0}, observe::DependencyChanged{"redis", false});
  CHECK_FALSE(trace.enabled());
  CHECK(trace.events().empty());
}

TEST_CASE("an event names its task and deployment when its kind has them") {
  // Given events of task, deployment and service-wide kinds, then task() and deployment() say
  // which task and deployment each is about, and nothing for the others.
  const observe::TraceEvent launched{Millis{0}, observe::TaskLaunched{7, 2, 1}};
  const observe::TraceEvent breaker{Millis{0}, observe::BreakerCounted{2, 1, 3, "why"}};
  const observe::TraceEvent message{Millis{0}, observe::ServiceEvent{"hello", false}};
  CHECK(launched.task() == 7u);
  CHECK(launched.deployment() == 2u);
  CHECK_FALSE(breaker.task().has_value());
  CHECK(breaker.deployment() == 2u);
  CHECK_FALSE(message.task().has_value());
  CHECK_FALSE(message.deployment().has_value());
}

TEST_CASE("the JSONL log names each kind as before") {
  // Given one event of each kind, when described for the log, then "kind" is to_string(TraceKind),
  // the names the event log has always used.
  const std::vector<std::string> names = {
      "service_event",  "deployment_state", "task_launched",        "placement_failed",   "task_state",
      "task_stopped",   "container_started", "container_exited",    "container_health",   "task_counted_healthy",
      "target_health",  "breaker_count",    "throttle",             "stop_requested",     "app_phase",
      "dependency_state", "alarm_state",     "lifecycle_stage",    "lifecycle_hook",     "service_updated",
      "scaling_activity", "scaling_held"};
  const auto payloads = one_of_each();
  REQUIRE(payloads.size() == names.size());
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    const auto v = described(payloads[i]);
    CHECK(v.fields["kind"] == names[i]);
    CHECK(v.fields["t_ms"] == 1500);
    CHECK_FALSE(v.text.empty());
  }
}

TEST_CASE("a rollback's IN_PROGRESS reads as before: reason rollback, no threshold") {
  // Given the rollback flag on an IN_PROGRESS deployment state, then the log says reason
  // "rollback", as the untyped trace did; a new deployment's IN_PROGRESS gives its threshold.
  const auto rollback = described(observe::DeploymentStateChanged{
      .deployment = 0, .state = ecs::RolloutState::in_progress, .rollback = true, .reason = {}});
  CHECK(rollback.text == "deployment ecs-svc/0 IN_PROGRESS (rollback)");
  CHECK(rollback.fields.dump() ==
        R"({"deployment":"ecs-svc/0","kind":"deployment_state","reason":"rollback","rolloutState":"IN_PROGRESS","t_ms":1500})");
  const auto started = described(observe::DeploymentStateChanged{
      .deployment = 1, .state = ecs::RolloutState::in_progress, .breaker_threshold = 3, .reason = {}});
  CHECK(started.text == "deployment ecs-svc/1 IN_PROGRESS, circuit breaker threshold 3 failed tasks");
  CHECK(started.fields["breaker_threshold"] == 3);
}

TEST_CASE("stopped tasks, exits and hooks describe their typed fields in the old words") {
  // Given a stop without an exit code, a container exit and a timed-out hook, then the text and
  // fields are those of the untyped trace: no exitCode, "name: detail", "no answer but IN_PROGRESS".
  const auto stopped = described(observe::TaskStopped{4, 1, ecs::StopCode::task_failed_to_start, std::nullopt,
                                                      "CannotPullContainerError", ""});
  CHECK(stopped.text == "task 4 STOPPED: TaskFailedToStart \"CannotPullContainerError\"");
  CHECK_FALSE(stopped.fields.contains("exitCode"));
  const auto exited = described(observe::ContainerExited{4, 1, 0, "app", 1, observe::ContainerExitCause::by_itself,
                                                         "", "the app crashed after start-up"});
  CHECK(exited.text == "task 4 container exited 1 (app: the app crashed after start-up)");
  CHECK(exited.fields["detail"] == "app: the app crashed after start-up");
  const auto hook = described(observe::LifecycleHookAnswered{1, LifecycleStage::post_scale_up,
                                                             ecs::HookVerdictStatus::timed_out, "arn:x", sim::minutes(5)});
  CHECK(hook.fields["detail"] == "no answer but IN_PROGRESS after 300 s");
  const auto alarm = described(observe::AlarmStateChanged{"latency", ecs::AlarmState::alarm, 746});
  CHECK(alarm.text == "alarm latency -> ALARM (datapoint 0.746)");
}

TEST_CASE("a scaling activity reads as describe-scaling-activities words it") {
  // Given Application Auto Scaling's scale-out from 4 to 7, then the line gives AWS's Description
  // and Cause, and a held scale-in says why.
  const auto activity = described(observe::ScalingActivityStarted{
      ecs::ScalingDirection::out, 4, 7, "cpu50", "web-AlarmHigh", sim::model::ScalingMetric::ecs_cpu, 78'900});
  CHECK(activity.text ==
        "autoscaling: Setting desired count to 7. (was 4; monitor alarm web-AlarmHigh in state ALARM triggered "
        "policy cpu50; ECSServiceAverageCPUUtilization 78.9)");
  CHECK(activity.fields["desiredCount"] == 7);
  CHECK(activity.fields["kind"] == "scaling_activity");
  const auto held = described(observe::ScalingHeldBack{ecs::ScalingDirection::in, ecs::ScalingHeld::scale_in_during_deployment});
  CHECK(held.text == "autoscaling: scale-in held back: a deployment is in progress");
}
