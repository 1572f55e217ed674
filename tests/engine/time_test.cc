#include "sim/engine/time.h"

#include <catch2/catch.hpp>

namespace sim {
namespace {

TEST_CASE("format_clock prints hours, minutes, seconds and milliseconds") {
  // Given spans from zero to over 99 hours and negative ones, when formatted as a clock, then
  // they read HH:MM:SS.mmm with hours growing past two digits and a leading minus when negative.
  CHECK(format_clock(Millis{0}) == "00:00:00.000");
  CHECK(format_clock(hours(1) + minutes(2) + seconds(3) + Millis{4}) == "01:02:03.004");
  CHECK(format_clock(minutes(59) + seconds(59) + Millis{999}) == "00:59:59.999");
  CHECK(format_clock(hours(100)) == "100:00:00.000");
  CHECK(format_clock(hours(123) + seconds(45)) == "123:00:45.000");
  CHECK(format_clock(Millis{-1500}) == "-00:00:01.500");
  CHECK(format_clock(-hours(2) - minutes(30)) == "-02:30:00.000");
}

TEST_CASE("format_seconds shows a fraction only when the span has milliseconds") {
  // Given whole and fractional spans, positive and negative, when formatted in seconds, then
  // whole ones print as "45 s" and fractional ones with three decimals.
  CHECK(format_seconds(Millis{0}) == "0 s");
  CHECK(format_seconds(seconds(45)) == "45 s");
  CHECK(format_seconds(Millis{2500}) == "2.500 s");
  CHECK(format_seconds(Millis{7}) == "0.007 s");
  CHECK(format_seconds(seconds(-45)) == "-45 s");
  CHECK(format_seconds(Millis{-2500}) == "-2.500 s");
  CHECK(format_seconds(Millis{-500}) == "-0.500 s");
  CHECK(format_seconds(hours(100)) == "360000 s");
}

}  // namespace
}  // namespace sim
