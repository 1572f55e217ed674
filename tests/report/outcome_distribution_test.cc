// Outcomes over a range of seeds (harness/report/outcome_distribution.h): shares, nearest-rank
// percentiles and the seed to replay each outcome with.
#include "harness/report/outcome_distribution.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace harness::report {
namespace {

using sim::observe::Outcome;

SeededResult result(std::uint64_t seed, Outcome outcome, std::optional<int> seconds, int failed,
                    bool met = true) {
  SeededResult r;
  r.seed = seed;
  r.result.outcome = outcome;
  if (seconds) r.result.metrics.time_to_outcome = sim::seconds(*seconds);
  r.result.metrics.failed_tasks = failed;
  r.expect_met = met;
  return r;
}

}  // namespace

TEST_CASE("outcomes over seeds: shares in outcome order, nearest-rank times, a seed to replay") {
  // Given 20 runs: seeds 1-18 complete in 101..118 s (seed 3 with one failed task) and seeds
  // 19-20 stay stuck, when summarized, then COMPLETED is 18 runs with p50 109 s (rank 9 of 18),
  // p95 118 s (rank 18), and STUCK 2 runs with no time, first seen at seed 19.
  std::vector<SeededResult> runs;
  for (std::uint64_t seed = 1; seed <= 18; ++seed)
    runs.push_back(result(seed, Outcome::completed, 100 + static_cast<int>(seed), seed == 3 ? 1 : 0));
  runs.push_back(result(19, Outcome::stuck, std::nullopt, 5, false));
  runs.push_back(result(20, Outcome::stuck, std::nullopt, 7, false));
  OutcomeDistribution d = summarize(runs);
  d.has_expect = true;
  REQUIRE(d.shares.size() == 2);
  CHECK(d.shares[0].outcome == Outcome::completed);
  CHECK(d.shares[0].runs == 18);
  CHECK(d.shares[0].runs_with_failed_tasks == 1);
  CHECK(*d.shares[0].p50 == sim::seconds(109));
  CHECK(*d.shares[0].p95 == sim::seconds(118));
  CHECK(*d.shares[0].max == sim::seconds(118));
  CHECK(d.shares[1].outcome == Outcome::stuck);
  CHECK(d.shares[1].first_seed == 19);
  CHECK_FALSE(d.shares[1].p50.has_value());
  CHECK(d.shares[1].mean_failed_tasks == 6.0);
  CHECK(d.expect_met == 18);
  std::ostringstream text;
  print_distribution(text, d);
  CHECK(text.str() ==
        "outcomes over seeds 1..20 (20 runs):\n"
        "  COMPLETED: 18 (90.0%), 1 with failed tasks (mean 0.06), time to outcome p50 109 s p95 "
        "118 s max 118 s; e.g. --seed 1\n"
        "  STUCK: 2 (10.0%), 2 with failed tasks (mean 6.00); e.g. --seed 19\n"
        "expect met in 18 of 20 runs (90.0%)\n");
}

}  // namespace harness::report
