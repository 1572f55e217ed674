// Where a task goes among the service's Availability Zones (sim/ecs/az_spread.h; ecs-rules §12.6).
#include <catch2/catch.hpp>

#include "sim/ecs/az_spread.h"

using sim::ecs::choose_availability_zone;

TEST_CASE("a task goes to the zone with the fewest of the service's tasks") {
  // Given 2, 1 and 2 tasks in three zones, when a task is placed, then it goes to the second.
  CHECK(choose_availability_zone({2, 1, 2}, {true, true, true}) == 1);
}

TEST_CASE("among zones with as few tasks, the first listed wins, so placement is deterministic") {
  CHECK(choose_availability_zone({0, 0, 0}, {true, true, true}) == 0);
  CHECK(choose_availability_zone({1, 0, 0}, {true, true, true}) == 1);
}

TEST_CASE("six tasks placed one by one over three zones end two per zone") {
  // Given three empty zones, when six tasks are placed in turn, then the spread is 2+2+2.
  std::vector<int> tasks{0, 0, 0};
  for (int i = 0; i < 6; ++i) ++tasks[static_cast<std::size_t>(choose_availability_zone(tasks, {true, true, true}))];
  CHECK(tasks == std::vector<int>{2, 2, 2});
}

TEST_CASE("a lost zone takes no task even when it has the fewest") {
  // Given zone a lost (0 tasks) and b, c with 2 and 1, when a task is placed, then it goes to c.
  CHECK(choose_availability_zone({0, 2, 1}, {false, true, true}) == 2);
}

TEST_CASE("no usable zone means no placement") {
  CHECK(choose_availability_zone({0, 0}, {false, false}) == -1);
  CHECK(choose_availability_zone({}, {}) == -1);
}
