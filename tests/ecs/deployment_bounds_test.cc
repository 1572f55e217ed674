#include "sim/ecs/deployment_bounds.h"

#include <catch2/catch.hpp>
#include <rapidcheck.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>

namespace sim::ecs {
namespace {

// rc::check draws a new seed on every run unless RC_PARAMS says otherwise; a fixed seed keeps the
// test reproducible, and on failure the report (with the shrunk counterexample) is printed.
template <typename Property>
void check_property(const std::string& description, Property&& property) {
  rc::detail::TestParams params;
  params.seed = 20260807;
  params.maxSuccess = 2000;
  rc::detail::TestMetadata metadata;
  metadata.id = description;
  metadata.description = description;
  const auto result = rc::detail::checkTestable(std::forward<Property>(property), metadata, params);
  std::ostringstream report;
  rc::detail::printResultMessage(result, report);
  INFO(report.str());
  CHECK(result.template is<rc::detail::SuccessResult>());
}

// The first step of a rolling update from N healthy old tasks to a new revision.
RollingStep first_step(int n, int min_percent, int max_percent) {
  RollingCounts c;
  c.desired = n;
  c.old_live = n;
  c.healthy = n;
  return plan_rolling_step(c, task_bounds(n, min_percent, max_percent));
}

// Source for every case below: ecs-rules §3.1 derived bounds table
// (API_DeploymentConfiguration.html, deployment-type-ecs.html).

TEST_CASE("one task at 100 and 200 percent starts the new task before stopping the old one") {
  // Given N=1 min 100 max 200, when the update starts, then bounds are 1..2 and it starts one new
  // task and stops none; once the new task is healthy it stops the old one.
  CHECK(task_bounds(1, 100, 200).min_healthy_tasks == 1);
  CHECK(task_bounds(1, 100, 200).max_tasks == 2);
  const RollingStep step = first_step(1, 100, 200);
  CHECK(step.start == 1);
  CHECK(step.stop_old == 0);
  CHECK_FALSE(step.blocked);

  RollingCounts after{.desired = 1, .primary_live = 1, .old_live = 1, .healthy = 2};
  const RollingStep next = plan_rolling_step(after, task_bounds(1, 100, 200));
  CHECK(next.start == 0);
  CHECK(next.stop_old == 1);
}

TEST_CASE("one task at 50 percent minimum still keeps one task because ECS rounds up") {
  // Given N=1 min 50 max 200, when the bounds are computed, then minTasks is 1 (0.5 rounds up)
  // and the first step is the same as at 100/200.
  CHECK(task_bounds(1, 50, 200).min_healthy_tasks == 1);
  CHECK(task_bounds(1, 50, 200).max_tasks == 2);
  CHECK(first_step(1, 50, 200).start == 1);
  CHECK(first_step(1, 50, 200).stop_old == 0);
}

TEST_CASE("one task at 0 and 100 percent stops the old task first") {
  // Given N=1 min 0 max 100, when the update starts, then no new task fits (maxTasks 1) and the
  // old task is stopped first: an outage window with 0 running.
  CHECK(task_bounds(1, 0, 100).min_healthy_tasks == 0);
  CHECK(task_bounds(1, 0, 100).max_tasks == 1);
  const RollingStep step = first_step(1, 0, 100);
  CHECK(step.start == 0);
  CHECK(step.stop_old == 1);
  CHECK_FALSE(step.blocked);
}

TEST_CASE("one task at 100 and 100 percent can neither start nor stop and is blocked") {
  // Given N=1 min 100 max 100, when the update starts, then nothing may start or stop: the
  // "unable to stop or start tasks" deadlock.
  CHECK(task_bounds(1, 100, 100).min_healthy_tasks == 1);
  CHECK(task_bounds(1, 100, 100).max_tasks == 1);
  const RollingStep step = first_step(1, 100, 100);
  CHECK(step.start == 0);
  CHECK(step.stop_old == 0);
  CHECK(step.blocked);
}

TEST_CASE("two tasks at 75 and 200 percent cannot stop any old task first") {
  // Given N=2 min 75 max 200, when the update starts, then minTasks is 2 (1.5 rounds up), both
  // new tasks start and no old task is stopped.
  CHECK(task_bounds(2, 75, 200).min_healthy_tasks == 2);
  CHECK(task_bounds(2, 75, 200).max_tasks == 4);
  const RollingStep step = first_step(2, 75, 200);
  CHECK(step.start == 2);
  CHECK(step.stop_old == 0);
}

TEST_CASE("three tasks at 100 and 125 percent cannot start any task and are blocked") {
  // Given N=3 min 100 max 125, when the update starts, then maxTasks is 3 (3.75 rounds down), no
  // task may start or stop, and the step is blocked.
  CHECK(task_bounds(3, 100, 125).min_healthy_tasks == 3);
  CHECK(task_bounds(3, 100, 125).max_tasks == 3);
  const RollingStep step = first_step(3, 100, 125);
  CHECK(step.start == 0);
  CHECK(step.stop_old == 0);
  CHECK(step.blocked);
}

TEST_CASE("four tasks at 50 and 200 percent may stop two old tasks right away") {
  // Given N=4 min 50 max 200, when the update starts, then bounds are 2..8 and two old tasks may
  // stop without waiting for new ones, while all four new tasks start.
  CHECK(task_bounds(4, 50, 200).min_healthy_tasks == 2);
  CHECK(task_bounds(4, 50, 200).max_tasks == 8);
  const RollingStep step = first_step(4, 50, 200);
  CHECK(step.stop_old == 2);
  CHECK(step.start == 4);
}

TEST_CASE("with no room for a replacement, unhealthy tasks are stopped one at a time at 100 percent minimum") {
  // Given 4 tasks at 100/100 (ECS: "stop an unhealthy task one at a time ... to free up capacity";
  // ecs-rules §3.1, §6), when one unhealthy task is being stopped already, then no second one is.
  const TaskBounds b = task_bounds(4, 100, 100);
  CHECK(may_stop_unhealthy_without_room(4, 0, b));
  CHECK_FALSE(may_stop_unhealthy_without_room(4, 1, b));
  CHECK_FALSE(may_stop_unhealthy_without_room(3, 1, b));
}

TEST_CASE("with no room for a replacement, minimumHealthyPercent decides how many more stop at once") {
  // Given 4 tasks at 50/100 (minTasks 2), when stops are in flight, then more may stop while at
  // least 2 tasks stay live, and none once that floor is reached.
  const TaskBounds b = task_bounds(4, 50, 100);
  CHECK(may_stop_unhealthy_without_room(4, 1, b));
  CHECK(may_stop_unhealthy_without_room(3, 1, b));
  CHECK_FALSE(may_stop_unhealthy_without_room(2, 2, b));
  // One stop can always go, even below the floor, so the service makes progress.
  CHECK(may_stop_unhealthy_without_room(1, 0, b));
}

TEST_CASE("a rolling step never exceeds maxTasks nor stops healthy tasks below the floor") {
  // Given any consistent counts and any min 0..100 and max 100..200 percent, when one step is
  // planned, then started tasks fit under maxTasks, and healthy tasks stopped (unhealthy ones
  // going first) leave at least minTasks healthy, or none are stopped when already below it.
  check_property("rolling step respects maximumPercent and minimumHealthyPercent", [] {
    const int desired = *rc::gen::inRange(0, 60);
    const int min_percent = *rc::gen::inRange(0, 101);
    const int max_percent = *rc::gen::inRange(100, 201);
    RollingCounts c;
    c.desired = desired;
    c.primary_live = *rc::gen::inRange(0, 2 * desired + 2);
    c.primary_live_unhealthy = *rc::gen::inRange(0, c.primary_live + 1);
    c.old_live = *rc::gen::inRange(0, 2 * desired + 2);
    c.old_live_unhealthy = *rc::gen::inRange(0, c.old_live + 1);
    c.healthy = (c.primary_live - c.primary_live_unhealthy) + (c.old_live - c.old_live_unhealthy);
    const TaskBounds b = task_bounds(desired, min_percent, max_percent);
    const RollingStep step = plan_rolling_step(c, b);

    RC_ASSERT(step.start >= 0);
    RC_ASSERT(step.stop_old >= 0);
    RC_ASSERT(step.stop_old <= c.old_live);
    RC_ASSERT(step.stop_primary <= c.primary_live);
    RC_ASSERT(step.start == 0 || c.primary_live + c.old_live + step.start <= b.max_tasks);

    const int healthy_old_stopped = std::max(step.stop_old - c.old_live_unhealthy, 0);
    const int healthy_primary_stopped = std::max(step.stop_primary - c.primary_live_unhealthy, 0);
    const int healthy_after = c.healthy - healthy_old_stopped - healthy_primary_stopped;
    RC_ASSERT(healthy_after >= std::min(c.healthy, b.min_healthy_tasks));
  });
}

}  // namespace
}  // namespace sim::ecs
