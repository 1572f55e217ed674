// The run's trace regrouped for pictures: one lane per task (its lifecycle states as segments,
// its health changes and exits as marks) and the step series the charts draw — healthy tasks,
// the breaker's count, memory per container, the share of healthy targets per revision. Built
// from the trace alone, except memory, which the trace does not carry: it is read from the app
// profile's curve (sim/world/container_plan.h, a pure function of time since the container
// started), between the container's start and its exit or its task's stop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/task_state.h"
#include "sim/engine/time.h"
#include "harness/report/run_report.h"

namespace harness::report {

struct StateSegment {
  sim::Millis from{0};
  sim::Millis to{0};
  sim::ecs::TaskState state = sim::ecs::TaskState::provisioning;
};

enum class MarkKind : std::uint8_t {
  container_healthy,
  container_unhealthy,
  target_healthy,
  target_unhealthy,  // also draining / unused: the target stops taking traffic
  counted_healthy,   // the task starts counting toward minimumHealthyPercent
  exited,            // a container exited (label: the exit code)
  oom_killed,        // exit 137 from the kernel's OOM kill
  not_placed,        // a task ECS could not place on any container instance
};

struct Mark {
  sim::Millis at{0};
  MarkKind kind = MarkKind::exited;
  std::string label;  // what a tooltip says: "container web health UNHEALTHY (exit 127)"
  std::string tag = {};  // drawn beside exits: "OOM 137", "exit 1"; empty for other marks
};

struct TaskLane {
  std::uint32_t task = 0;
  std::uint32_t deployment = 0;
  int task_definition = 0;  // index into the scenario's task definitions
  bool deployed_revision = false;  // true: the revision being deployed; false: an older one
  std::vector<StateSegment> segments;
  std::vector<Mark> marks;
  std::string stop_summary;  // "EssentialContainerExited, exit code 137 (OutOfMemoryError ...)"
};

// A step function: the value holds from a point's time until the next point's.
struct StepPoint {
  sim::Millis at{0};
  double value = 0;
};

struct Series {
  std::string name;  // legend text
  std::vector<StepPoint> points;
};

// Resident memory of one container of one task against its hard limit.
struct MemoryTrack {
  std::uint32_t task = 0;
  std::string container;
  bool deployed_revision = false;
  int limit_mib = 0;  // 0: no hard limit
  std::vector<StepPoint> points;  // sampled along the profile's curve (linear between points)
};

// A deployment the lanes are grouped under (ecs-rules §12): which UpdateService started it and
// how it ended. "ecs-svc/1 · alia-bot:27 · started by timeline[0] at 0 s · last FAILED at 120 s".
struct DeploymentGroup {
  std::uint32_t deployment = 0;
  std::string label;
  bool under_test = false;  // the deployment whose outcome the run reports
};

struct TimelineModel {
  sim::Millis end{0};  // the run's end: every lane and series stops here
  std::vector<TaskLane> lanes;
  std::vector<DeploymentGroup> deployments;  // in id order; every lane's deployment has one
  std::vector<Mark> placement_failures;  // tasks ECS could not place: they never get a lane
  Series healthy;      // tasks counting as healthy
  int desired_count = 0;
  int minimum_healthy_tasks = 0;  // the floor minimumHealthyPercent sets
  Series breaker;      // failures counted for the deployment being rolled out
  int breaker_threshold = 0;
  std::vector<MemoryTrack> memory;
  // With a load balancer: the share (0-100 %) of healthy targets each revision holds.
  std::vector<Series> traffic_share;
  Series no_healthy_target;  // 1 while the target group has no healthy target (requests fail)
};

// The task definitions a run can serve, in the order they come into play: the initial one, the
// timeline's deployments, the deployment under test (one traffic-share series each).
std::vector<int> revisions_in_play(const sim::model::Scenario& scenario);

TimelineModel build_timeline(const RunReportInput& in);

}  // namespace harness::report
