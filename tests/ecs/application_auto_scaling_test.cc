// Application Auto Scaling in front of a controller driven by hand (tests/support): the test
// plays the world's traffic reports with their utilisation samples and reads the desiredCount
// it set, the launches that follow and the trace.
#include "sim/ecs/application_auto_scaling.h"

#include <catch2/catch.hpp>

#include "tests/support/controller_harness.h"
#include "tests/support/two_revisions.h"

using sim::Millis;
using sim::seconds;
using testsupport::Harness;

namespace {

sim::model::ServiceAutoScaling cpu50(int min, int max) {
  sim::model::ServiceAutoScaling a;
  a.target.min_capacity = min;
  a.target.max_capacity = max;
  sim::model::TargetTrackingPolicy p;
  p.name = "cpu50";
  p.target_value_thousandths = 50'000;
  p.alarm_high = "TargetTracking-service/default/web-AlarmHigh";
  p.alarm_low = "TargetTracking-service/default/web-AlarmLow";
  a.policies = {p};
  return a;
}

// Plays `minutes` of traffic reports every 10 s, each 20-s sample seeing `tasks` RUNNING tasks
// at `percent` of 256 CPU units, from `from` on.
void play(sim::ecs::ApplicationAutoScaling& aas, Harness& h, sim::ecs::TrafficReport& r, Millis from, int minutes,
          int tasks, int percent) {
  for (Millis t = from + seconds(10); t <= from + sim::minutes(minutes); t += seconds(10)) {
    h.settle(t);
    if (t % seconds(20) == Millis{0}) {
      ++r.utilization.samples;
      r.utilization.running_tasks += tasks;
      r.utilization.cpu_used_units += tasks * 256 * percent / 100;
      r.utilization.cpu_reserved_units += tasks * 256;
    }
    aas.on_traffic_period(r);
  }
}

}  // namespace

TEST_CASE("a CPU breach sets the controller's desiredCount and it launches the tasks") {
  // Given 4 RUNNING tasks at 80 % CPU against a 50 % target, when three minutes of datapoints
  // arrive, then desiredCount becomes 7, the controller launches 3 tasks, and the trace has the
  // scaling activity in AWS's words.
  Harness h(testsupport::two_revisions(4));
  const sim::model::ServiceAutoScaling config = cpu50(1, 10);
  sim::ecs::ApplicationAutoScaling aas(config, h.controller, h.clock, h.trace, h.metrics);
  h.start_service();
  sim::ecs::TrafficReport report;
  play(aas, h, report, Millis{0}, 2, 4, 80);
  CHECK(h.controller.service().desired_count == 4);
  play(aas, h, report, sim::minutes(2), 1, 4, 80);
  CHECK(h.controller.service().desired_count == 7);
  h.settle(sim::minutes(3) + seconds(1));
  CHECK(h.runtime.launched.size() == 3);  // the 4 warm tasks were never launched through it
  CHECK(h.metrics.scale_outs == 1);
  CHECK(h.metrics.peak_desired_count == 7);
  const sim::observe::ScalingActivityStarted* activity = nullptr;
  for (const sim::observe::TraceEvent& e : h.trace.events())
    if (const auto* a = e.as<sim::observe::ScalingActivityStarted>()) activity = a;
  REQUIRE(activity != nullptr);
  CHECK(activity->from == 4);
  CHECK(activity->to == 7);
  CHECK(activity->alarm == "TargetTracking-service/default/web-AlarmHigh");
}

TEST_CASE("scale-in waits for the deployment in progress and the trace says why") {
  // Given a deployment of web:2 in progress, when CPU reads 10 % for 15 minutes, then the
  // desiredCount stays 4 and a scaling_held event names the deployment.
  Harness h(testsupport::two_revisions(4));
  const sim::model::ServiceAutoScaling config = cpu50(1, 10);
  sim::ecs::ApplicationAutoScaling aas(config, h.controller, h.clock, h.trace, h.metrics);
  h.start_service();
  h.controller.deploy(1);
  sim::ecs::TrafficReport report;
  play(aas, h, report, Millis{0}, 16, 4, 10);
  CHECK(h.controller.service().desired_count == 4);
  bool held = false;
  for (const sim::observe::TraceEvent& e : h.trace.events())
    if (const auto* b = e.as<sim::observe::ScalingHeldBack>())
      held = b->reason == sim::ecs::ScalingHeld::scale_in_during_deployment;
  CHECK(held);
  CHECK(h.metrics.scale_ins == 0);
}
