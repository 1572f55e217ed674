// The runtime seam, both ways: how the control plane acts on a world (Runtime), and how a world
// reports back what happened (RuntimeListener). The simulated world (sim/world) and real mode
// (harness/docker) implement Runtime; the service controller implements RuntimeListener; tests
// use small fakes of either (tests/support). Neither side knows the other's concrete class.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/ecs/health_status.h"
#include "sim/ecs/task_state.h"
#include "sim/model/app_profile.h"

namespace sim::ecs {

struct LaunchRequest {
  TaskId task = 0;
  DeploymentId deployment = 0;
  int task_definition = 0;  // index into the scenario's task definitions
};

struct Placement {
  bool placed = true;
  std::string reason;  // when not placed: "has insufficient memory available" ...
  // The Availability Zone it went to (index into ServiceConfig::availability_zones); -1 when the
  // scenario names no zones, or the world does not model them (real mode).
  int availability_zone = -1;
};

// How the load balancer's listener sends requests to one deployment's tasks from now on.
struct TrafficRoute {
  DeploymentId deployment = 0;
  int task_definition = 0;
  // Its share of the requests relative to the other routes: its healthy targets under round robin
  // over one target group, or its listener rule weight during a traffic shift (blue/green,
  // canary, linear). 0: it gets no request.
  int weight = 0;
  // The target group has no healthy target, so the load balancer fails open: the route's requests
  // go to all its registered targets (ecs-rules §6), and this share of them (x 10000) reaches
  // none that answers (nothing listens, or no answer in time): the load balancer's own 5xx.
  bool failing_open = false;
  int unreachable_basis_points = 0;
};

// What the world's targets served, cumulative since time 0 (whole requests).
struct RevisionTraffic {
  DeploymentId deployment = 0;
  std::int64_t requests = 0;  // requests a target of this deployment answered
  std::int64_t errors = 0;    // of which with a 5xx (HTTPCode_Target_5XX)
  model::RequestLatency latency;  // how its app answers (p50, p99); zeros when not measured
};

// The service's resource use as ECS samples it, every 20 s (ecs-rules §13.2): sums over every
// sample since time 0 of the tasks RUNNING at it. A one-minute datapoint is the difference of
// two reports (sim/ecs/scaling_metrics.h). All zeros when the scenario has no autoscaling.
struct UtilizationSamples {
  std::int64_t samples = 0;              // 20-s samples taken
  std::int64_t running_tasks = 0;        // tasks RUNNING at a sample
  std::int64_t cpu_used_units = 0;       // CPU units they used (1024 = one vCPU), task-level cpu only
  std::int64_t cpu_reserved_units = 0;   // their task definitions' cpu
  std::int64_t memory_used_mib = 0;      // resident memory of their containers
  std::int64_t memory_reserved_mib = 0;  // task memory, else memoryReservation, else memory
  std::int64_t healthy_targets = 0;      // healthy registered targets at a sample
};

struct TrafficReport {
  std::vector<RevisionTraffic> revisions;  // indexed by deployment id; may be shorter
  // Over every revision; counted in the world's own precision, so they may exceed the sums of
  // the whole per-revision counts.
  std::int64_t target_requests = 0;
  std::int64_t target_5xx = 0;
  // 5xx from the load balancer itself: 503 with no target to send to, 502 or 504 from a target
  // that cannot answer when the target group fails open (ecs-rules §6).
  std::int64_t elb_5xx = 0;
  UtilizationSamples utilization;

  // The revision's traffic, or zeros for a deployment that never served.
  RevisionTraffic revision(DeploymentId d) const {
    if (d < revisions.size()) return revisions[d];
    RevisionTraffic none;
    none.deployment = d;
    return none;
  }
};

class Runtime {
 public:
  virtual ~Runtime() = default;

  // Places and starts a task (it goes PROVISIONING at once). If it cannot be placed no task
  // exists and the reason says why, in the words of ECS's service event.
  virtual Placement launch_task(const LaunchRequest& request) = 0;

  // Stops a task: deregister its target and drain (DEACTIVATING), SIGTERM then SIGKILL after
  // stopTimeout (STOPPING), then DEPROVISIONING and STOPPED. Idempotent.
  virtual void stop_task(TaskId task, StopCode code, const std::string& reason) = 0;

  // The load balancer routes requests by `routes` from now on; the traffic up to now was served
  // by the routes given before.
  virtual void route_traffic(const std::vector<TrafficRoute>& routes) = 0;

  // What every target has served up to now. A world without request traffic reports nothing.
  virtual const TrafficReport& traffic_served() = 0;
};

// What a world reports to the control plane, as it happens.
class RuntimeListener {
 public:
  virtual ~RuntimeListener() = default;

  // A task reached `state`; from DEACTIVATING on, `stop` says why it is stopping.
  virtual void on_task_state(TaskId task, TaskState state, const TaskStopInfo* stop) = 0;
  // Docker's health status of one container (container index in its task definition).
  virtual void on_container_health(TaskId task, int container, HealthStatus status) = 0;
  // The load balancer's view of the task's target.
  virtual void on_target_health(TaskId task, TargetState state, ProbeFailure reason) = 0;
  // A traffic period ended (every kTrafficBucket): what the targets served so far, for alarms.
  virtual void on_traffic_period(const TrafficReport& report) = 0;
  // Whether on_traffic_period for the period ending at `end` would do anything; when not, a world
  // may skip building the report and the call (most periods of a sweep's run: the report is
  // dozens of times the cost of the period's other work). The default: always.
  virtual bool acts_on_traffic_period(Millis end) const {
    (void)end;
    return true;
  }
};

}  // namespace sim::ecs
