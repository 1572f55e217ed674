#include "sim/world/utilization_sampler.h"

#include <catch2/catch.hpp>

namespace sim::world {
namespace {

// One task definition of 256 CPU units and 512 MiB running an app that idles at 20 units and
// spends 5 ms of CPU per request.
model::Scenario one_app() {
  model::Scenario s;
  model::TaskDefinition td;
  td.family = "web";
  td.cpu_units = 256;
  td.memory_mib = 512;
  model::ContainerDefinition c;
  c.name = "web";
  c.image = "web:1";
  td.containers = {c};
  s.task_definitions = {td, td};
  model::AppProfile app;
  app.cpu_idle_units = 20;
  app.cpu_micros_per_request = 5'000;
  s.apps["web:1"] = app;
  return s;
}

TEST_CASE("a serving task's CPU is idle units plus CPU time for its share of the requests") {
  // Given 5 ms of CPU a request, then 50 requests/s on one task would use 20 + 256 units, capped
  // at its 256-unit task cpu; 20 requests/s over 2 serving tasks use 20 + 51 units each.
  const model::Scenario s = one_app();
  UtilizationSampler sampler(s);
  CHECK(sampler.cpu_units(0, 50'000) == 256);
  CHECK(sampler.cpu_units(0, 10'000) == 20 + 51);
  sampler.sample(20, {{0, 2, 0}}, {{0, 0, true, 300}, {0, 0, true, 100}});
  const ecs::UtilizationSamples& t = sampler.totals();
  CHECK(t.samples == 1);
  CHECK(t.running_tasks == 2);
  CHECK(t.cpu_used_units == 2 * 71);
  CHECK(t.cpu_reserved_units == 512);
  CHECK(t.memory_used_mib == 400);
  CHECK(t.memory_reserved_mib == 1024);
  CHECK(t.healthy_targets == 2);
}

TEST_CASE("a task that is not a healthy target only idles, and the others share its requests") {
  // Given 20 requests/s and one of two RUNNING tasks not yet healthy, then the healthy one takes
  // all 20 (20 + 102 units) and the other uses its idle 20 units.
  const model::Scenario s = one_app();
  UtilizationSampler sampler(s);
  sampler.sample(20, {{0, 1, 0}}, {{0, 0, true, 64}, {0, 0, false, 64}});
  CHECK(sampler.totals().cpu_used_units == (20 + 102) + 20);
  CHECK(sampler.totals().healthy_targets == 1);
}

TEST_CASE("requests split over deployments by their weights, then over each one's tasks") {
  // Given 30 requests/s, old deployment weight 2 with 2 tasks and new weight 1 with 1 task, then
  // every task gets 10 requests/s: 20 + 51 units each.
  const model::Scenario s = one_app();
  UtilizationSampler sampler(s);
  sampler.sample(30, {{0, 2, 0}, {1, 1, 0}}, {{0, 0, true, 64}, {0, 0, true, 64}, {1, 1, true, 64}});
  CHECK(sampler.totals().cpu_used_units == 3 * 71);
}

TEST_CASE("without task-level cpu a task counts for memory but not for CPU") {
  // Given a task definition without cpu, then its CPU is neither used nor reserved.
  model::Scenario s = one_app();
  s.task_definitions[0].cpu_units.reset();
  UtilizationSampler sampler(s);
  sampler.sample(10, {{0, 1, 0}}, {{0, 0, true, 128}});
  CHECK(sampler.totals().cpu_reserved_units == 0);
  CHECK(sampler.totals().cpu_used_units == 0);
  CHECK(sampler.totals().memory_used_mib == 128);
}

}  // namespace
}  // namespace sim::world
