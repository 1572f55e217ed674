// The sweep's determinism promises: the same records for any thread count and any shard split,
// and a merge of shards that reports exactly what an unsharded run reports.
#include <catch2/catch.hpp>
#include <sstream>

#include "harness/scenario/scenario_error.h"
#include "harness/sweep/sweep_report.h"
#include "harness/sweep/sweep_runner.h"
#include "tests/sweep/sweep_fixture.h"

using namespace harness::sweep;

namespace {

SweepResult shard_result(const SweepSpec& spec, int index, int count, int threads) {
  SweepResult r;
  r.header = sweep_header(spec);
  r.shard_index = index;
  r.shard_count = count;
  const RunSlice slice = shard_slice(spec.run_count(), index, count);
  r.first_run = slice.begin;
  r.records = run_slice(spec, slice, threads);
  return r;
}

std::string csv_of(const SweepResult& complete) {
  std::ostringstream out;
  write_csv(out, build_report(complete));
  return out.str();
}

}  // namespace

TEST_CASE("the records are the same for 1, 2 and 5 threads") {
  // Given the small sweep (160 deploys), when it runs on 1, 2 and 5 threads, then every run's
  // record is identical, and the sweep holds both outcomes (a meaningful comparison).
  const SweepSpec spec = sweeptest::small_sweep();
  const RunSlice all{0, spec.run_count()};
  const std::vector<RunRecord> one = run_slice(spec, all, 1);
  CHECK(run_slice(spec, all, 2) == one);
  CHECK(run_slice(spec, all, 5) == one);
  const auto rolled_back = std::count_if(one.begin(), one.end(), [](const RunRecord& r) { return r.outcome == 1; });
  CHECK(rolled_back > 0);
  CHECK(rolled_back < static_cast<long>(one.size()));
}

TEST_CASE("four shards through their partial files merge into the unsharded result") {
  // Given the small sweep run whole and as 4 shards on different thread counts, when each shard's
  // partial goes through its JSON text and the four are merged (out of order), then the records
  // and the CSV equal the unsharded run's.
  const SweepSpec spec = sweeptest::small_sweep();
  const SweepResult whole = shard_result(spec, 0, 1, 2);
  std::vector<NamedPartial> parts;
  for (int k : {2, 0, 3, 1}) {
    const std::string text = partial_json(shard_result(spec, k, 4, 1 + k % 3)).dump();
    parts.push_back({"part" + std::to_string(k), partial_from_json(nlohmann::json::parse(text), "part")});
  }
  const SweepResult merged = merge_partials(parts);
  CHECK(merged.records == whole.records);
  CHECK(csv_of(merged) == csv_of(merge_partials({{"whole", whole}})));
}

TEST_CASE("merge refuses a missing shard, a shard given twice and another sweep's partial") {
  const SweepSpec spec = sweeptest::small_sweep();
  const SweepResult p0 = shard_result(spec, 0, 2, 1), p1 = shard_result(spec, 1, 2, 1);
  using harness::scenario::ScenarioError;
  CHECK_THROWS_WITH(merge_partials({{"a.json", p0}}),
                    "merge: expected a partial file for each of the 2 shards, found none for shard 1/2 (it "
                    "failed, was cancelled or is still running; run it again with --shard 1/2, or re-submit that job "
                    "array task)");
  CHECK_THROWS_WITH(merge_partials({{"b.json", p1}}),
                    "merge: expected a partial file for each of the 2 shards, found none for shard 0/2 (it "
                    "failed, was cancelled or is still running; run it again with --shard 0/2, or re-submit that job "
                    "array task)");
  CHECK_THROWS_WITH(merge_partials({{"a.json", p0}, {"b.json", p0}}),
                    "b.json: at /shard: expected shard 1 of 2 (each shard exactly once), found shard 0");
  SweepResult other = p1;
  other.header["seed"] = 8;
  CHECK_THROWS_WITH(merge_partials({{"a.json", p0}, {"c.json", other}}),
                    "c.json: at /header: expected the same sweep as a.json, found another sweep or other settings");
}

TEST_CASE("a broken partial file is reported with the spot") {
  CHECK_THROWS_WITH(partial_from_json(nlohmann::json::parse(R"({"deploysimSweepPartial": 2, "shard": [0, 1],
    "firstRun": 0, "header": {}, "records": [[1, 2, 3]]})"), "p.json"),
                    "p.json: at /records/0: expected an array of 9 integers, found [1,2,3]");
  CHECK_THROWS_WITH(partial_from_json(nlohmann::json::parse(R"({"results": []})"), "p.json"),
                    "p.json: expected a partial sweep result written by this version of deploysim sweep --shard "
                    "(version 2), found another document");
  // A partial of the format before records carried the 5xx served is refused, not misread.
  CHECK_THROWS_WITH(partial_from_json(nlohmann::json::parse(R"({"deploysimSweepPartial": 1})"), "old.json"),
                    "old.json: expected a partial sweep result written by this version of deploysim sweep --shard "
                    "(version 2), found version 1");
}

TEST_CASE("a bake lets the 5xx alarm roll back a revision that passes its health checks but fails requests") {
  // Given the shipped base (traffic, a 5xx alarm in deploymentConfiguration.alarms) and deploys
  // whose new revision answers /health but fails 20 % of requests, when bake time is 0 or 5
  // minutes (minimumHealthyPercent 100, so no 503s while tasks are replaced), then without a bake
  // the deployment completes before the alarm's second bad minute and the bad revision serves 5xx
  // to the end of the run; with 5 minutes every one is rolled back and users get a fraction of
  // the 5xx.
  const SweepSpec spec = harness::sweep::read_sweep_file(sweeptest::write_sweep("bake.sweep.json", R"({
    "scenario": "base.json", "runsPerCell": 12,
    "axes": [{"name": "bake", "pointer": "/service/deploymentConfiguration/bakeTimeInMinutes", "values": [0, 5]},
             {"pointer": "/service/deploymentConfiguration/minimumHealthyPercent", "values": [100]}],
    "population": {"badPercent": 100, "faults": [{"name": "serves-5xx", "set": {"/apps/alia-bot:cc44307/requestErrorPercent": 20}}],
                   "startupScale": {"distribution": "lognormal", "median": 1.0, "p95": 2.5}}
  })"));
  const SweepReport report = build_report(merge_partials({{"bake", shard_result(spec, 0, 1, 2)}}));
  REQUIRE(report.cells.size() == 2);
  const CellMetrics& no_bake = report.cells[0];
  const CellMetrics& bake = report.cells[1];
  CHECK(no_bake.by_fault[0].p_rollback.value() <= 0.1);
  CHECK(bake.by_fault[0].p_rollback.value() == 1.0);
  CHECK(bake.errors_bad_mean > 0);
  CHECK(no_bake.errors_bad_mean > 4 * bake.errors_bad_mean);
  // The bake is what good deploys pay: they complete 5 minutes later.
  CHECK(report.recommendation.cell == 1);
}
