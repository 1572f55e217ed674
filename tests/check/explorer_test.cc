// harness/check/explorer.h: the search finds a failing case and shrinks it to the smallest one.
#include <catch2/catch.hpp>

#include "harness/check/explorer.h"

using harness::check::explore;

TEST_CASE("a failing property is shrunk to the smallest failing value") {
  // Given integers 0-999 and a property that fails from 137 on, when explored, then the failure
  // is found and shrunk to exactly 137, with the first failure's reason kept apart.
  const auto e = explore(rc::gen::inRange(0, 1000),
                         [](int x) { return x >= 137 ? "too big: " + std::to_string(x) : std::string(); }, 100, 7);
  REQUIRE_FALSE(e.holds());
  CHECK(*e.counterexample == 137);
  CHECK(e.failure == "too big: 137");
  CHECK(e.first_failure.rfind("too big: ", 0) == 0);
  CHECK(e.shrink_steps > 0);
}

TEST_CASE("a property that holds runs every case, and the same seed draws the same cases") {
  // Given a property that records what it sees, when explored twice from one seed, then both see
  // the same 50 values, and another seed sees others.
  const auto seen = [](std::uint64_t seed) {
    std::vector<int> values;
    const auto e = explore(rc::gen::inRange(0, 1'000'000), [&](int x) { values.push_back(x); return std::string(); },
                           50, seed);
    CHECK(e.holds());
    CHECK(e.runs == 50);
    return values;
  };
  CHECK(seen(1) == seen(1));
  CHECK(seen(1) != seen(2));
}

TEST_CASE("an exception in the property is a failure that names it") {
  // Given a property that throws from 50 on, then the shrunk case is 50 and says why.
  const auto e = explore(rc::gen::inRange(0, 100),
                         [](int x) -> std::string { if (x >= 50) throw std::runtime_error("too big"); return ""; },
                         100, 3);
  REQUIRE_FALSE(e.holds());
  CHECK(*e.counterexample == 50);
  CHECK(e.failure == "exception: too big");
}
