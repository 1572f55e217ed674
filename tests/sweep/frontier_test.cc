// Cell metrics, the Pareto frontier and the recommendation.
#include <catch2/catch.hpp>

#include "harness/sweep/frontier.h"

using namespace harness::sweep;

namespace {

RunRecord bad(int outcome, std::int64_t outcome_ms, int fault = 0, std::int64_t errors = 0) {
  return {fault, outcome, 1000, outcome_ms, 0, 0, 0, 3, errors};
}
RunRecord good(int outcome, std::int64_t outcome_ms, std::int64_t below_ms = 0) {
  return {-1, outcome, -1, outcome_ms, below_ms, 0, 3'600'000, 0};
}

CellMetrics cell(double p_false, std::optional<std::int64_t> p95_ms, double below_s, double p_catch = 1.0,
                 double errors_per_bad = 0, std::optional<std::int64_t> complete_ms = std::nullopt) {
  CellMetrics m;
  m.errors_bad_mean = errors_per_bad;
  if (complete_ms) m.complete_good.p50 = sim::Millis{*complete_ms};
  m.bad_runs = m.good_runs = 100;
  m.p_rollback_bad = p_catch;
  m.p_false_rollback_good = p_false;
  if (p95_ms) m.rollback_bad.p95 = sim::Millis{*p95_ms};
  m.below_desired_mean_s = below_s;
  return m;
}

}  // namespace

TEST_CASE("cell metrics count rollbacks by kind and take nearest-rank percentiles, never last") {
  // Given 4 bad deploys (3 rolled back at 10, 20, 30 s, one stuck) and 2 good ones (one
  // completed at 50 s, one rolled back), then P(rollback|bad) is 3/4, the false rollback rate
  // 1/2, the p50 rollback 20 s and p95 "never"; task-hours and time below desired are averaged.
  const std::vector<RunRecord> runs = {bad(1, 10'000), bad(1, 30'000), bad(3, -1), bad(1, 20'000),
                                       good(0, 50'000, 4'000), good(1, 90'000)};
  const CellMetrics m = cell_metrics(runs);
  CHECK(m.bad_runs == 4);
  CHECK(*m.p_rollback_bad == 0.75);
  CHECK(*m.p_false_rollback_good == 0.5);
  CHECK(m.rollback_bad.p50 == sim::seconds(20));
  CHECK_FALSE(m.rollback_bad.p95);
  CHECK(m.complete_good.p50 == sim::seconds(50));
  CHECK(m.detect_bad.p99 == sim::seconds(1));
  CHECK(m.below_desired_mean_s == Approx(4.0 / 6));
  CHECK(m.task_hours_mean == Approx(2.0 / 6));
}

TEST_CASE("the frontier keeps the cells no other cell beats everywhere") {
  // Given a fast-but-jumpy, a slow-but-safe, a dominated and a never-rolling-back cell, then the
  // first two are the frontier.
  const std::vector<CellMetrics> cells = {cell(0.10, 100'000, 0), cell(0.0, 400'000, 0), cell(0.10, 200'000, 5),
                                          cell(0.0, std::nullopt, 0)};
  CHECK(pareto_frontier(cells) == std::vector<int>{0, 1});
}

TEST_CASE("the recommendation is the fastest frontier cell within the false-rollback budget") {
  // Given frontier cells at 15 %, 4 %, 0.8 % and 0 % false rollbacks, getting slower, and a 1 %
  // budget, then the 0.8 % cell is recommended, with the 4 % one as faster and the 0 % as safer.
  const std::vector<CellMetrics> cells = {cell(0.15, 264'000, 0), cell(0.04, 354'000, 0), cell(0.008, 444'000, 0),
                                          cell(0.0, 624'000, 0)};
  const std::vector<std::string> labels = {"r=1", "r=2", "r=3", "r=5"};
  const Recommendation rec = recommend(cells, pareto_frontier(cells), labels, 0.01);
  CHECK(rec.cell == 2);
  CHECK(rec.summary.rfind("r=3: rolls back 100.0 % of bad deploys (p95 7 min 24 s", 0) == 0);
  CHECK(rec.trade_off ==
        "Faster: r=2 rolls bad deploys back by p95 5 min 54 s instead of 7 min 24 s, but rolls back 4.0 % of good "
        "deploys (vs 0.8 %). Safer: r=5 rolls back 0.0 % of good deploys, but bad ones only by p95 10 min 24 s.");
  CHECK(recommend(cells, pareto_frontier(cells), labels, 0.0).cell == 3);
}

TEST_CASE("cell metrics give the 5xx served per bad and good deploy and each fault class's rollback share") {
  // Given fault class 0 rolled back twice (10 and 30 5xx), class 1 never rolled back (5,000 5xx
  // served to the horizon) and class 2 not drawn, and a good deploy with 4 503s, then class 0
  // rolls back 100 %, class 1 0 %, class 2 has no share, and the means are per deploy.
  const std::vector<RunRecord> runs = {bad(1, 10'000, 0, 10), bad(1, 20'000, 0, 30), bad(0, 60'000, 1, 5'000),
                                       {-1, 0, -1, 50'000, 0, 0, 0, 0, 4}};
  const CellMetrics m = cell_metrics(runs, 3);
  REQUIRE(m.by_fault.size() == 3);
  CHECK(m.by_fault[0].p_rollback == 1.0);
  CHECK(m.by_fault[0].errors_mean == 20.0);
  CHECK(m.by_fault[1].p_rollback == 0.0);
  CHECK(m.by_fault[1].errors_mean == 5000.0);
  CHECK_FALSE(m.by_fault[2].p_rollback);
  CHECK(m.errors_bad_mean == Approx(5040.0 / 3));
  CHECK(m.errors_good_mean == 4.0);
}

TEST_CASE("a cell that serves users fewer 5xx stays on the frontier though it is slower") {
  // Given two cells alike but for a slower p95 rollback that serves 100 5xx per bad deploy
  // against 3,000, then both are on the frontier; with equal 5xx the slower one is dominated.
  CHECK(pareto_frontier({cell(0.01, 300'000, 0, 1.0, 3000), cell(0.01, 400'000, 0, 1.0, 100)}) ==
        std::vector<int>{0, 1});
  CHECK(pareto_frontier({cell(0.01, 300'000, 0, 1.0, 100), cell(0.01, 400'000, 0, 1.0, 100)}) == std::vector<int>{0});
}

TEST_CASE("the trade-off names the quicker-deploying cell and what it costs in missed deploys and 5xx") {
  // Given a 3-minute bake that catches everything (113 5xx per bad deploy, good deploys done in
  // 4 min 30 s) and no bake (done in 1 min 30 s, catches 69 %, 1,080 5xx), then the bake is
  // recommended and the trade-off says what skipping it costs.
  const std::vector<CellMetrics> cells = {cell(0.008, std::nullopt, 0, 0.69, 1080, 90'000),
                                          cell(0.008, 444'000, 0, 1.0, 113, 270'000)};
  const std::vector<std::string> labels = {"bake=0", "bake=3"};
  const Recommendation rec = recommend(cells, pareto_frontier(cells), labels, 0.01);
  CHECK(rec.cell == 1);
  CHECK(rec.summary.find("(p95 7 min 24 s after the deploy starts; 113 5xx served to users per bad deploy)") !=
        std::string::npos);
  CHECK(rec.trade_off ==
        "Quicker deploys: bake=0 completes good deploys in 1 min 30 s (p50) instead of 4 min 30 s, but rolls back "
        "69.0 % of bad deploys (vs 100.0 %) and serves 1080 5xx per bad deploy (vs 113 5xx).");
}
