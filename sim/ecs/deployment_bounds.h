// The rolling-update bounds and the pure decision "how many tasks to start and stop now".
// No scheduling, no I/O: a function of counts and configuration, unit- and property-tested alone.
#pragma once

namespace sim::ecs {

struct TaskBounds {
  int min_healthy_tasks = 0;  // ceil(N x minimumHealthyPercent / 100)
  int max_tasks = 0;          // floor(N x maximumPercent / 100)
};

// ECS rounds minimumHealthyPercent up and maximumPercent down (API_DeploymentConfiguration;
// ecs-rules §3.1 derived table: N=1, 50% -> 1; N=3, 125% -> 3).
TaskBounds task_bounds(int desired_count, int minimum_healthy_percent, int maximum_percent);

// What the service looks like to the scheduler at one instant. "Live" tasks are those not yet
// told to stop (PROVISIONING..RUNNING); they are what maximumPercent caps (ecs-rules §3.1:
// RUNNING or PENDING).
struct RollingCounts {
  int desired = 0;              // the service's desiredCount
  int primary_live = 0;         // live tasks of the primary (newest) deployment
  int primary_live_unhealthy = 0;  // of which not (yet) counted healthy: still in flight
  int old_live = 0;             // live tasks of older deployments (to be replaced)
  int old_live_unhealthy = 0;   // of which not (yet) counted healthy: stopped first
  int healthy = 0;              // live tasks counted healthy, all deployments
  // Unhealthy tasks kept running until their replacement is healthy (ecs-rules §6, Oct 2023):
  // no longer live, but still RUNNING, so they count toward maxTasks.
  int lingering = 0;
};

struct RollingStep {
  int start = 0;          // tasks of the primary deployment to launch now
  int stop_old = 0;       // old tasks to stop now (unhealthy ones first)
  int stop_primary = 0;   // primary tasks above desiredCount to stop
  bool blocked = false;   // work remains but nothing may start or stop and no new task is in
                          // flight: the "unable to stop or start tasks" deadlock (ecs-rules §3.1)
};

// One rolling step: launch new tasks up to maxTasks and stop old ones as far as the
// minimum-healthy floor allows (deployment-type-ecs.html). Not-yet-healthy old tasks can always
// be stopped since stopping them does not lower the healthy count.
RollingStep plan_rolling_step(const RollingCounts& counts, const TaskBounds& bounds);

// Whether an unhealthy task may be stopped now when maximumPercent leaves no room to start its
// replacement first. ECS then "will stop an unhealthy task one at a time ... to free up capacity,
// and then start a replacement", and such stops respect minimumHealthyPercent (ecs_services.html,
// deployment-type-ecs.html; ecs-rules §3.1, §6). Our reading: one such stop may always be in
// flight, so the service can make progress even at 100/100; a further one only while the tasks
// left RUNNING (not told to stop; replacements still starting do not count) stay at or above
// minHealthyTasks. `running` counts the candidate; `stops_in_flight` are such stops not yet STOPPED.
bool may_stop_unhealthy_without_room(int running, int stops_in_flight, const TaskBounds& bounds);

}  // namespace sim::ecs
