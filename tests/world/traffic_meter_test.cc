#include "sim/world/traffic_meter.h"

#include <catch2/catch.hpp>

namespace sim::world {
namespace {

TEST_CASE("the load balancer spreads requests evenly over healthy targets") {
  // Given 100 requests/s over 3 old and 1 new healthy target, when 60 s pass, then the old
  // revision answers 4500 and the new one 1500 (round robin). Source: ALB routing, ecs-rules §3.2.
  TrafficMeter meter(100);
  meter.advance(seconds(60), {{0, 3, 0}, {1, 1, 0}});
  CHECK(meter.revision(0).requests == 4500);
  CHECK(meter.revision(1).requests == 1500);
  CHECK(meter.all_targets().requests == 6000);
  CHECK(meter.elb_5xx() == 0);
}

TEST_CASE("a revision failing 20 % of requests serves exactly a fifth of its requests as 5xx") {
  // Given the new revision fails 2000 basis points, when it serves 10 s at 100 requests/s alone,
  // then 200 of its 1000 requests are 5xx: exact expectations, no random draw.
  TrafficMeter meter(100);
  meter.advance(seconds(10), {{0, 0, 0}, {1, 2, 2000}});
  CHECK(meter.revision(1).requests == 1000);
  CHECK(meter.revision(1).errors == 200);
  CHECK(meter.revision(0).requests == 0);
}

TEST_CASE("with no healthy target every request is a 503 from the load balancer") {
  // Given no target is healthy for 5 s, then the 500 requests are HTTPCode_ELB_5XX and no
  // target answered any. Source: ALB CloudWatch metrics (HTTPCode_ELB_5XX_Count).
  TrafficMeter meter(100);
  meter.advance(seconds(5), {{0, 0, 0}});
  CHECK(meter.elb_5xx() == 500);
  CHECK(meter.all_targets().requests == 0);
}

TEST_CASE("fractions of a request carry over between short stretches") {
  // Given 1 request/s split 2:1 over two revisions, when time advances in 1 ms steps for 3 s,
  // then the thousandths of a request each step brings add up instead of rounding to 0 each time.
  // The meter is exact to a millionth per step, not to the request: each 1 ms step is 1000
  // millionths, split 1000 / 3 = 333 per share (the integer division drops 1 millionth a step),
  // so after 3000 steps revision 0 holds 1.998 requests, revision 1 holds 0.999 and the total
  // 2.997; whole counts round down, giving 1, 0 and 2. Four steps later the total passes 3.
  TrafficMeter meter(1);
  for (int ms = 1; ms <= 3000; ++ms) meter.advance(Millis{ms}, {{0, 2, 0}, {1, 1, 0}});
  CHECK(meter.revision(0).requests == 1);
  CHECK(meter.revision(1).requests == 0);
  CHECK(meter.all_targets().requests == 2);
  for (int ms = 3001; ms <= 3004; ++ms) meter.advance(Millis{ms}, {{0, 2, 0}, {1, 1, 0}});
  CHECK(meter.all_targets().requests == 3);
}

TEST_CASE("a rise of traffic counts from its instant, also inside one stretch") {
  // Given 100 requests/s rising to 400 at 30 s, when one stretch runs from 0 to 60 s over one
  // target, then it served 30 x 100 + 30 x 400 = 15000 requests, not 60 x 100 or 60 x 400.
  model::TrafficConfig config;
  config.requests_per_second = 100;
  config.changes = {{seconds(30), 400}};
  TrafficMeter meter(config);
  meter.advance(seconds(60), {{0, 1, 0}});
  CHECK(meter.revision(0).requests == 15000);
  CHECK(meter.rate_at(seconds(29)) == 100);
  CHECK(meter.rate_at(seconds(30)) == 400);
}

}  // namespace
}  // namespace sim::world
