// harness/report/timeline_model: the trace regrouped into lanes and series for the HTML report,
// and the page itself (self-contained, deterministic).
#include <catch2/catch.hpp>

#include <sstream>

#include "harness/explain/causal_chain.h"
#include "harness/report/html_report.h"
#include "harness/report/timeline_model.h"
#include "sim/simulation.h"
#include "tests/support/run_helpers.h"

using harness::report::MarkKind;
using harness::report::TimelineModel;

namespace {

struct Built {
  sim::model::Scenario scenario;
  TimelineModel model;
  std::string html;
};

Built build(const std::string& file) {
  Built b{testsupport::library_scenario(file), {}, {}};
  sim::Simulation simulation(b.scenario);
  const auto result = simulation.run();
  const harness::report::RunReportInput in{b.scenario, result, simulation.trace(), simulation.breaker_threshold()};
  b.model = harness::report::build_timeline(in);
  const auto chain = harness::explain::causal_chain(b.scenario, result, simulation.trace(), simulation.breaker_threshold());
  const harness::explain::WhatIf no_what_if;
  std::ostringstream html;
  harness::report::write_html_report(html, {in, chain, no_what_if});
  b.html = html.str();
  return b;
}

int count_marks(const TimelineModel& m, MarkKind kind) {
  int n = 0;
  for (const auto& lane : m.lanes)
    for (const auto& mark : lane.marks) n += mark.kind == kind;
  return n;
}

}  // namespace

TEST_CASE("seed 000's timeline has a lane per task, three OOM kills on the new revision and the breaker at 3") {
  // Given seed 000 (one warm task, three OOM-killed new tasks, one rollback task), when built,
  // then each task has its lane, the kills are marked, and the breaker series steps 0 -> 3.
  const Built b = build("scenarios/incidents/000-oom-128mb.json");
  REQUIRE(b.model.lanes.size() == 5);
  CHECK_FALSE(b.model.lanes[0].deployed_revision);  // the warm task of alia-bot:26
  CHECK(b.model.lanes[1].deployed_revision);
  CHECK_FALSE(b.model.lanes[4].deployed_revision);  // the rollback's task
  CHECK(count_marks(b.model, MarkKind::oom_killed) == 3);
  CHECK(b.model.breaker.points.front().value == 0);
  CHECK(b.model.breaker.points.back().value == 3);
  CHECK(b.model.breaker_threshold == 3);
  CHECK(b.model.lanes[1].segments.back().state == sim::ecs::TaskState::stopped);
  CHECK(b.model.lanes[1].stop_summary.find("EssentialContainerExited") != std::string::npos);
}

TEST_CASE("memory tracks follow the app's curve from the container's start and end at the 128 MiB limit") {
  // Given seed 000's new revision (60 MiB at start, 110 at 10 s, 253 at 40 s; limit 128), when
  // built, then each new task's track starts at 60 MiB and ends at the limit at its OOM kill.
  const Built b = build("scenarios/incidents/000-oom-128mb.json");
  int new_tracks = 0;
  for (const auto& t : b.model.memory) {
    if (!t.deployed_revision) continue;
    ++new_tracks;
    CHECK(t.limit_mib == 128);
    REQUIRE(t.points.size() >= 3);
    CHECK(t.points.front().value == Approx(60));
    CHECK(t.points[1].value == Approx(110));
    CHECK(t.points.back().value == Approx(128));
  }
  CHECK(new_tracks == 3);
}

TEST_CASE("with a load balancer the traffic share moves from the old revision to the new one") {
  // Given seed 000's 512 MiB fix has no load balancer and 101's shallow check has one, when built,
  // then only the latter has traffic series, ending with the deployed revision at 100 %.
  CHECK(build("scenarios/incidents/000-fixed-512mb.json").model.traffic_share.empty());
  const Built b = build("scenarios/incidents/101-redis-blip-shallow-check.json");
  REQUIRE(b.model.traffic_share.size() == 2);
  CHECK(b.model.traffic_share[0].points.front().value == Approx(100));
  CHECK(b.model.traffic_share[0].points.back().value == Approx(0));
  CHECK(b.model.traffic_share[1].points.back().value == Approx(100));
}

TEST_CASE("the HTML report is self-contained and the same bytes for the same scenario") {
  // Given the same scenario built twice, when written, then the pages are identical and fetch
  // nothing (no external script, style sheet, image or font).
  const Built a = build("scenarios/incidents/004-wget-loop-breaker-off.json");
  const Built b = build("scenarios/incidents/004-wget-loop-breaker-off.json");
  CHECK(a.html == b.html);
  for (const char* fetch : {"src=", "href=", "<link", "@import", "url(", "@font-face"})
    CHECK(a.html.find(fetch) == std::string::npos);
  CHECK(a.html.find("id=\"timeline\" class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" data-lanes=\"38\"") !=
        std::string::npos);
  CHECK(a.html.find("Circuit breaker: disabled") != std::string::npos);
}

TEST_CASE("tasks ECS could not place are marked on their own row, not as lanes") {
  // Given an EC2 cluster without room for the new tasks (the breaker counts three placement
  // failures), when built, then only the two warm tasks have lanes and three failures are marked.
  const Built b = build("scenarios/incidents/102-cluster-short-of-capacity.json");
  CHECK(b.model.lanes.size() == 2);
  CHECK(b.model.placement_failures.size() == 3);
  CHECK(b.html.find("not placed (3)") != std::string::npos);
}

TEST_CASE("a timeline's report groups the lanes per deployment, each named by the call that started it") {
  // Given the fix-during-rollback timeline, when its report is built, then there is a group per
  // deployment with a lane, the fix's marked as under test, and the page draws a header row each.
  const Built b = build("scenarios/examples/timeline-fix-during-rollback.json");
  REQUIRE(b.model.deployments.size() >= 3);
  CHECK(b.model.deployments[0].label.rfind("ecs-svc/0 · alia-bot:26 · running at the start", 0) == 0);
  CHECK(b.model.deployments[1].label.rfind("ecs-svc/1 · alia-bot:27 · started by timeline[0] at 0 s · last FAILED", 0) ==
        0);
  const auto& last = b.model.deployments.back();
  CHECK(last.under_test);
  CHECK(last.label.find("alia-bot:28") != std::string::npos);
  for (const auto& lane : b.model.lanes) CHECK(lane.deployed_revision == (lane.deployment == last.deployment));
  std::size_t rows = 0;
  for (std::size_t at = b.html.find("class=\"deployment-row"); at != std::string::npos;
       at = b.html.find("class=\"deployment-row", at + 1))
    ++rows;
  CHECK(rows == b.model.deployments.size());
}

TEST_CASE("a steady-state report has no deployment under test") {
  const Built b = build("scenarios/examples/steady-state-az-lost.json");
  REQUIRE(b.model.deployments.size() == 1);
  CHECK_FALSE(b.model.deployments[0].under_test);
  for (const auto& lane : b.model.lanes) CHECK_FALSE(lane.deployed_revision);
}
