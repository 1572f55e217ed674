// harness/docker/scaled_clock: run time from the wall clock, scaled; timers in order; cancel.
#include <catch2/catch.hpp>
#include <vector>

#include "harness/docker/scaled_clock.h"

TEST_CASE("the scaled clock calls timers in time order, never early, and not once cancelled") {
  // Given a clock at 0.001 (a run second is a real millisecond) and timers at 2 s, 1 s and a
  // cancelled one at 1.5 s, when the io_context runs, then 1 s fires before 2 s, each at or after
  // its time, and the cancelled one never.
  harness::docker::asio::io_context io;
  harness::docker::ScaledClock clock(io, 0.001);
  std::vector<std::int64_t> fired;
  std::vector<std::int64_t> fired_at;
  clock.deliver_to([&](std::uint16_t kind, std::uint32_t, std::uint64_t) {
    fired.push_back(kind);
    fired_at.push_back(clock.now().count());
  });
  clock.start();
  clock.call_at(sim::Millis{2000}, 2, 0, 0);
  clock.call_at(sim::Millis{1000}, 1, 0, 0);
  const sim::TimerId cancelled = clock.call_at(sim::Millis{1500}, 9, 0, 0);
  clock.cancel(cancelled);
  io.run();
  REQUIRE(fired == std::vector<std::int64_t>{1, 2});
  CHECK(fired_at[0] >= 1000);
  CHECK(fired_at[1] >= 2000);
  CHECK(clock.real(sim::seconds(30)) == std::chrono::milliseconds(30));
}

TEST_CASE("as_of reads a past run time while a report of that instant is delivered, then the clock again") {
  // Given a clock that has run past 5 s (at 0.001), when a report is delivered as of 5 s, then
  // now() reads 5 s inside it and at least that afterwards; a future instant is never read.
  harness::docker::asio::io_context io;
  harness::docker::ScaledClock clock(io, 0.001);
  clock.start();
  clock.at(sim::Millis{6000}, [] {});
  io.run();
  std::int64_t inside = -1;
  clock.as_of(sim::Millis{5000}, [&] { inside = clock.now().count(); });
  CHECK(inside == 5000);
  CHECK(clock.now().count() >= 6000);
  clock.as_of(sim::Millis{1'000'000}, [&] { inside = clock.now().count(); });
  CHECK(inside < 1'000'000);
}
