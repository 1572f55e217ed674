// harness/report/percentile.h: nearest-rank percentiles, and runs that never reached the event.
#include "harness/report/percentile.h"

#include <catch2/catch.hpp>

namespace harness::report {
namespace {

using Times = std::vector<std::optional<sim::Millis>>;

// Runs that took 1, 2 ... `reached` seconds, then `never` runs that did not get there.
TimesToEvent seconds_then_never(int reached, int never) {
  Times times;
  for (int s = 1; s <= reached; ++s) times.push_back(sim::seconds(s));
  times.insert(times.end(), static_cast<std::size_t>(never), std::nullopt);
  return TimesToEvent(times);
}

}  // namespace

TEST_CASE("percentile is the nearest rank: p50 of 1..10 s is 5 s, p95 is 10 s, p10 is 1 s") {
  // Given ten runs of 1..10 s, then rank ceil(p * 10 / 100) picks the value.
  const TimesToEvent t = seconds_then_never(10, 0);
  CHECK(t.percentile(50) == sim::seconds(5));
  CHECK(t.percentile(95) == sim::seconds(10));
  CHECK(t.percentile(10) == sim::seconds(1));
  CHECK(t.percentile(11) == sim::seconds(2));
  CHECK(t.max() == sim::seconds(10));
}

TEST_CASE("percentile does not depend on the order of the runs") {
  // Given the same times shuffled, with a never among them, then the percentiles are the same.
  const TimesToEvent t(Times{sim::seconds(3), std::nullopt, sim::seconds(1), sim::seconds(2)});
  CHECK(t.percentile(50) == sim::seconds(2));
  CHECK(t.percentile(75) == sim::seconds(3));
  CHECK(t.percentile(76) == std::nullopt);
}

TEST_CASE("percentile of one run is that run's time at every percent") {
  const TimesToEvent t(Times{sim::seconds(7)});
  CHECK(t.percentile(1) == sim::seconds(7));
  CHECK(t.percentile(50) == sim::seconds(7));
  CHECK(t.max() == sim::seconds(7));
}

TEST_CASE("p95 is reached when 1 run in 20 never gets there, and never when 2 do") {
  // Given 19 reached and 1 never, then rank 19 of 20 is a reached run; given 18 and 2, rank 19
  // falls on a never: a setting that misses more than 5 % of bad deploys has no p95.
  CHECK(seconds_then_never(19, 1).percentile(95) == sim::seconds(19));
  CHECK(seconds_then_never(18, 2).percentile(95) == std::nullopt);
  CHECK(seconds_then_never(18, 2).percentile(50) == sim::seconds(10));
}

TEST_CASE("max is never as soon as one run never reached the event") {
  CHECK(seconds_then_never(99, 1).max() == std::nullopt);
  CHECK(seconds_then_never(99, 1).percentile(99) == sim::seconds(99));
}

TEST_CASE("a sample where no run reached the event has no percentile and counts its nevers") {
  const TimesToEvent t = seconds_then_never(0, 3);
  CHECK(t.percentile(50) == std::nullopt);
  CHECK(t.runs() == 3);
  CHECK(t.never() == 3);
}

TEST_CASE("an empty sample has no percentile and no runs") {
  // Given no run at all, then every percentile is nullopt and runs() tells it from all-never.
  const TimesToEvent t(Times{});
  CHECK(t.percentile(50) == std::nullopt);
  CHECK(t.max() == std::nullopt);
  CHECK(t.runs() == 0);
  CHECK(t.never() == 0);
}

TEST_CASE("a percent outside 1-100 is clamped into it") {
  const TimesToEvent t = seconds_then_never(10, 0);
  CHECK(t.percentile(0) == sim::seconds(1));
  CHECK(t.percentile(150) == sim::seconds(10));
}

}  // namespace harness::report
