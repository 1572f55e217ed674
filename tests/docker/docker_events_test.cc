// harness/docker/docker_events: an event is delivered once, and only a replay is dropped.
#include <catch2/catch.hpp>

#include "harness/docker/docker_events.h"

using harness::docker::ContainerEvent;
using harness::docker::EventReplayFilter;

TEST_CASE("two containers' events out of time order are both delivered") {
  // Given task 1's die stamped at 200 ns delivered before task 0's die stamped at 100 ns (two tasks
  // stopped together), then both are new: task 0's die is not taken for a replay.
  EventReplayFilter filter;
  filter.start_at(50);
  CHECK(filter.first_time({"die", "task1", 0, 200}));
  CHECK(filter.first_time({"die", "task0", 0, 100}));
  CHECK(filter.latest_nano() == 200);
}

TEST_CASE("a replay after reopening drops what was delivered at the latest nanosecond, and only that") {
  // Given a start and a die of one container delivered at 300 ns, when the reopened stream
  // (since 300, inclusive) brings the die again and another container's start at 300 and a kill
  // at 301, then the die is dropped and the other two are delivered.
  EventReplayFilter filter;
  CHECK(filter.first_time({"start", "a", -1, 300}));
  CHECK(filter.first_time({"die", "a", 137, 300}));
  CHECK_FALSE(filter.first_time({"die", "a", 137, 300}));
  CHECK(filter.first_time({"start", "b", -1, 300}));
  CHECK(filter.first_time({"kill", "a", -1, 301}));
}
