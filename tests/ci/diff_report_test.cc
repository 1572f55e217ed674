#include "harness/ci/diff_report.h"

#include <catch2/catch.hpp>
#include <stdexcept>

using harness::ci::Better;
using harness::ci::MeasureRow;
using harness::ci::Unit;

TEST_CASE("a --fail-on list is measure ids with optional tolerances") {
  // Given a list with and without tolerances, when parsed, then each id keeps its own.
  const auto fail_on = harness::ci::parse_fail_on("false-rollback,detect-p95:30,,5xx:0.5");
  REQUIRE(fail_on.size() == 3);
  CHECK(fail_on[0].id == "false-rollback");
  CHECK(fail_on[0].tolerance == 0);
  CHECK(fail_on[1].id == "detect-p95");
  CHECK(fail_on[1].tolerance == 30);
  CHECK(fail_on[2].tolerance == 0.5);
}

TEST_CASE("a --fail-on list rejects an unknown measure and a bad tolerance, saying what it expected") {
  CHECK_THROWS_WITH(harness::ci::parse_fail_on("speed"),
                    Catch::Contains("--fail-on \"speed\": expected one of completed, false-rollback"));
  CHECK_THROWS_WITH(harness::ci::parse_fail_on("stuck:-1"),
                    "--fail-on \"stuck:-1\": expected a tolerance >= 0 after ':', found \"-1\"");
  CHECK_THROWS_AS(harness::ci::parse_fail_on("stuck:x"), std::invalid_argument);
}

TEST_CASE("a measure is worse only beyond its tolerance and in its own direction") {
  const MeasureRow false_rollback{"false-rollback", "ROLLED_BACK", Unit::percent, Better::lower, 0.8, 6.0};
  CHECK(false_rollback.worse_by_more_than(0));
  CHECK(false_rollback.worse_by_more_than(5));
  CHECK_FALSE(false_rollback.worse_by_more_than(5.2));
  const MeasureRow caught{"rollback", "ROLLED_BACK (caught)", Unit::percent, Better::higher, 90.0, 95.0};
  CHECK_FALSE(caught.worse_by_more_than(0));
  const MeasureRow neutral{"failed", "FAILED", Unit::percent, Better::neither, 0.0, 50.0};
  CHECK_FALSE(neutral.worse_by_more_than(0));
}

TEST_CASE("a time that becomes never is worse than any tolerance, and never to never is no change") {
  // Given p95 times where nullopt is "never", when compared, then never counts as later than any time.
  const MeasureRow lost{"detect-p95", "p95", Unit::seconds, Better::lower, 95.0, std::nullopt};
  CHECK(lost.worse_by_more_than(1e9));
  CHECK(harness::ci::format_change(lost) == "95 s → never");
  const MeasureRow found{"complete-p95", "p95", Unit::seconds, Better::lower, std::nullopt, 69.0};
  CHECK_FALSE(found.worse_by_more_than(0));
  const MeasureRow still{"detect-p95", "p95", Unit::seconds, Better::lower, std::nullopt, std::nullopt};
  CHECK_FALSE(still.changed());
  CHECK(harness::ci::format_change(still).empty());
}

TEST_CASE("values and changes are printed in their units") {
  const MeasureRow share{"false-rollback", "x", Unit::percent, Better::lower, 0.8, 6.0};
  CHECK(harness::ci::format_value(share, share.head) == "6.0 %");
  CHECK(harness::ci::format_change(share) == "+5.2 pp");
  const MeasureRow errors{"5xx", "x", Unit::count, Better::lower, 1232.07, 978.17};
  CHECK(harness::ci::format_value(errors, errors.base) == "1232");
  CHECK(harness::ci::format_change(errors) == "-254");
  const MeasureRow hours{"task-hours", "x", Unit::hours, Better::lower, 0.056, 0.02};
  CHECK(harness::ci::format_change(hours) == "-0.036 h");
}
