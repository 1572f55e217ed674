// The traffic a simulated load balancer serves: routed by the control plane's weights, answered
// as each revision's app profile says.
#include <catch2/catch.hpp>

#include "sim/world/served_traffic.h"
#include "tests/support/two_revisions.h"

using sim::Millis;
using sim::seconds;
using sim::ecs::TrafficRoute;

namespace {

// Two revisions; revision 2's app fails 20 % of its requests.
sim::model::Scenario scenario_with_traffic(int requests_per_second) {
  sim::model::Scenario s = testsupport::two_revisions(1);
  s.traffic = sim::model::TrafficConfig{requests_per_second};
  s.apps["app:2"].request_error_basis_points = 2000;
  return s;
}

}  // namespace

TEST_CASE("each stretch of time is served by the routes given before it") {
  // Given 10 requests/s all routed to deployment 0 for 10 s, then split 1:1 with deployment 1 for
  // 10 s, when the report is read, then deployment 0 served 150 and deployment 1 served 50, of
  // which 10 failed (its app's 20 %).
  const auto s = scenario_with_traffic(10);
  sim::world::ServedTraffic traffic(s);
  REQUIRE(traffic.enabled());
  traffic.route(Millis{0}, {TrafficRoute{0, 0, 1}, TrafficRoute{1, 1, 0}});
  traffic.route(seconds(10), {TrafficRoute{0, 0, 1}, TrafficRoute{1, 1, 1}});
  const sim::ecs::TrafficReport& r = traffic.advance(seconds(20));
  CHECK(r.revision(0).requests == 150);
  CHECK(r.revision(0).errors == 0);
  CHECK(r.revision(1).requests == 50);
  CHECK(r.revision(1).errors == 10);
  CHECK(r.target_requests == 200);
  CHECK(r.target_5xx == 10);
  CHECK(r.elb_5xx == 0);
}

TEST_CASE("with no weight anywhere (no registered target) every request is a 503 from the load balancer") {
  // Given routes that all weigh 0 (no healthy target), when 5 s pass at 10 requests/s, then 50 ELB 5xx.
  const auto s = scenario_with_traffic(10);
  sim::world::ServedTraffic traffic(s);
  traffic.route(Millis{0}, {TrafficRoute{0, 0, 0}});
  const sim::ecs::TrafficReport& r = traffic.advance(seconds(5));
  CHECK(r.elb_5xx == 50);
  CHECK(r.target_requests == 0);
  CHECK(r.revisions.size() == 1);  // a routed deployment has a row even before it served
}

TEST_CASE("a scenario without a traffic section serves nothing") {
  // Given no traffic section, when routes come, then the report stays empty.
  sim::model::Scenario s = scenario_with_traffic(10);
  s.traffic.reset();
  sim::world::ServedTraffic traffic(s);
  CHECK_FALSE(traffic.enabled());
  traffic.route(seconds(1), {TrafficRoute{0, 0, 3}});
  CHECK(traffic.advance(seconds(2)).revisions.empty());
}

TEST_CASE("a route failing open serves its answering targets' share and the load balancer fails the rest") {
  // Given 10 requests/s for 10 s to deployment 1 failing open with 2500 basis points unreachable
  // (ecs-rules §6), when read, then 25 are the load balancer's own 5xx and 75 reach the app, whose
  // 20 % fail (15).
  const auto s = scenario_with_traffic(10);
  sim::world::ServedTraffic traffic(s);
  TrafficRoute open{1, 1, 4};
  open.failing_open = true;
  open.unreachable_basis_points = 2500;
  traffic.route(Millis{0}, {TrafficRoute{0, 0, 0}, open});
  const sim::ecs::TrafficReport& r = traffic.advance(seconds(10));
  CHECK(r.elb_5xx == 25);
  CHECK(r.revision(1).requests == 75);
  CHECK(r.revision(1).errors == 15);
}
