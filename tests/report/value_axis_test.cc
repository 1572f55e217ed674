// harness/report/value_axis.h: the top of every chart's value axis, on the 1-2-5 series.
#include "harness/report/value_axis.h"

#include <catch2/catch.hpp>

using harness::report::nice_max;

TEST_CASE("nice_max rounds 7 up to 10 and 0 to 1") {
  CHECK(nice_max(7) == 10);
  CHECK(nice_max(0) == 1);
}

TEST_CASE("nice_max keeps a value already on the 1-2-5 series") {
  CHECK(nice_max(1) == 1);
  CHECK(nice_max(20) == 20);
  CHECK(nice_max(50) == 50);
  CHECK(nice_max(1000) == 1000);
}

TEST_CASE("nice_max has no 2.5 step: 21 goes to 50, 2.1 to 5") {
  // Given values just above 2 x 10^n, then the next top is 5 x 10^n, whose quarters print short.
  CHECK(nice_max(21) == 50);
  CHECK(nice_max(2.1) == 5);
  CHECK(nice_max(5.5) == 10);
  CHECK(nice_max(101) == 200);
}

TEST_CASE("nice_max rounds fractions up within their decade: 0.3 to 0.5, 0.07 to 0.1") {
  CHECK(nice_max(0.3) == Approx(0.5));
  CHECK(nice_max(0.07) == Approx(0.1));
  CHECK(nice_max(0.15) == Approx(0.2));
}

TEST_CASE("nice_max of a negative largest value is 1") { CHECK(nice_max(-3) == 1); }
