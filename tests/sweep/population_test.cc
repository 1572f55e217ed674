// The population of deploys: drawn from (sweep seed, run index) alone.
#include <catch2/catch.hpp>
#include <cmath>

#include "harness/scenario/scenario_loader.h"
#include "harness/sweep/population.h"
#include "harness/sweep/sweep_runner.h"
#include "sim/simulation.h"
#include "sim/world/task_definition_specs.h"
#include "tests/sweep/sweep_fixture.h"

using namespace harness::sweep;

TEST_CASE("deploy r is the same draw however often and in whatever order it is drawn") {
  // Given the small sweep's population, when run 17 is drawn before and after others, then the
  // fault, start-up factor, blips and seed are the same; another run index differs.
  const SweepSpec spec = sweeptest::small_sweep();
  const Deploy first = draw_deploy(spec.population, spec.seed, 17);
  for (int r = 0; r < 50; ++r) draw_deploy(spec.population, spec.seed, r);
  const Deploy again = draw_deploy(spec.population, spec.seed, 17);
  CHECK(first.fault == again.fault);
  CHECK(first.startup_permille == again.startup_permille);
  CHECK(first.blips.size() == again.blips.size());
  CHECK(first.run_seed == again.run_seed);
  CHECK(first.run_seed != draw_deploy(spec.population, spec.seed, 18).run_seed);
}

TEST_CASE("the population's shares come out as the sweep file says") {
  // Given badPercent 35, fault weights 1:2, a lognormal start-up with median 1 and p95 2.5 and a
  // 30 % blip, when 20,000 deploys are drawn, then each share is within a few points of its target.
  const SweepSpec spec = sweeptest::small_sweep();
  const int n = 20'000;
  int bad = 0, hang = 0, blips = 0, above_median = 0, above_p95 = 0;
  for (int r = 0; r < n; ++r) {
    const Deploy d = draw_deploy(spec.population, spec.seed, r);
    bad += d.fault >= 0;
    hang += d.fault == 1;
    blips += !d.blips.empty();
    above_median += d.startup_permille > 1000;
    above_p95 += d.startup_permille > 2500;
    for (const auto& blip : d.blips) {
      CHECK(blip.at <= sim::seconds(120));
      CHECK(blip.duration >= sim::seconds(10));
    }
  }
  CHECK(std::abs(bad / double(n) - 0.35) < 0.02);
  CHECK(std::abs(hang / double(bad) - 2.0 / 3) < 0.03);
  CHECK(std::abs(blips / double(n) - 0.30) < 0.02);
  CHECK(std::abs(above_median / double(n) - 0.5) < 0.02);
  CHECK(std::abs(above_p95 / double(n) - 0.05) < 0.01);
}

TEST_CASE("apply_deploy scales the deployed revision's start-up and adds blips after the deploy") {
  // Given the base with a deploy at 0 s, when a deploy with factor 2000 and one blip is applied,
  // then each phase of the new image takes twice as long, the old image is untouched, and the
  // fault is a dependency outage at the blip's time.
  const SweepSpec spec = sweeptest::small_sweep();
  sim::model::Scenario scenario = harness::scenario::load_scenario_file(spec.scenario_path.string()).scenario;
  const auto old_phase = scenario.apps.at("alia-bot:84766e81").phases[0].duration;
  const auto new_phase = scenario.apps.at("alia-bot:cc44307").phases[1].duration;
  Deploy deploy;
  deploy.startup_permille = 2000;
  deploy.run_seed = 99;
  deploy.blips.push_back({sim::seconds(30), sim::model::FaultKind::dependency_outage, "discord", sim::seconds(20)});
  apply_deploy(deploy, scenario);
  CHECK(scenario.apps.at("alia-bot:cc44307").phases[1].duration == new_phase * 2);
  CHECK(scenario.apps.at("alia-bot:84766e81").phases[0].duration == old_phase);
  CHECK(scenario.seed == 99);
  REQUIRE(scenario.faults.size() == 1);
  CHECK(scenario.faults[0].at == sim::seconds(30));
  CHECK(scenario.faults[0].target == "discord");
}

TEST_CASE("reapply_deploy on a reused copy gives what apply_deploy gives on a fresh copy") {
  // Given the small sweep's base and its deploys 0..39 (scaled start-ups, some with blips), when
  // one copy is reused through reapply_deploy for each in turn, then after each it has the
  // fresh copy's phase durations, faults and seed, and its run ends the same way, also with the
  // reused copy's task definitions prepared once for all its runs (as a sweep thread does).
  const SweepSpec spec = sweeptest::small_sweep();
  const sim::model::Scenario base = harness::scenario::load_scenario_file(spec.scenario_path.string()).scenario;
  sim::model::Scenario reused = base;
  const sim::world::TaskDefinitionSpecs reused_specs(reused);
  int with_blips = 0, without_blips = 0;
  for (std::int64_t run = 0; run < 40; ++run) {
    const Deploy deploy = draw_deploy(spec.population, spec.seed, run);
    (deploy.blips.empty() ? without_blips : with_blips) += 1;
    sim::model::Scenario fresh = base;
    apply_deploy(deploy, fresh);
    reapply_deploy(deploy, base, reused);
    CHECK(reused.seed == fresh.seed);
    for (const auto& [image, app] : fresh.apps) {
      REQUIRE(reused.apps.at(image).phases.size() == app.phases.size());
      for (std::size_t i = 0; i < app.phases.size(); ++i)
        CHECK(reused.apps.at(image).phases[i].duration == app.phases[i].duration);
    }
    REQUIRE(reused.faults.size() == fresh.faults.size());
    for (std::size_t i = 0; i < fresh.faults.size(); ++i) {
      CHECK(reused.faults[i].at == fresh.faults[i].at);
      CHECK(reused.faults[i].target == fresh.faults[i].target);
      CHECK(reused.faults[i].duration == fresh.faults[i].duration);
    }
    const RunRecord expected = run_record(sim::Simulation(fresh, {.trace = false}).run());
    CHECK(run_record(sim::Simulation(reused, {.trace = false}).run()) == expected);
    CHECK(run_record(sim::Simulation(reused, {.trace = false, .task_specs = &reused_specs}).run()) == expected);
  }
  // Both kinds came up, so a blip left behind by an earlier deploy would have been seen.
  CHECK(with_blips > 0);
  CHECK(without_blips > 0);
}

TEST_CASE("task definitions prepared for another scenario object are refused") {
  // Given specs prepared from one copy of a scenario, when a run of another copy is handed them,
  // then it refuses them: their pointers lead into the first copy.
  const SweepSpec spec = sweeptest::small_sweep();
  const sim::model::Scenario one = harness::scenario::load_scenario_file(spec.scenario_path.string()).scenario;
  const sim::model::Scenario other = one;
  const sim::world::TaskDefinitionSpecs specs(one);
  CHECK_THROWS_AS(sim::Simulation(other, {.task_specs = &specs}), std::invalid_argument);
  CHECK_NOTHROW(sim::Simulation(one, {.task_specs = &specs}));
}

TEST_CASE("normal_quantile matches the standard normal's known quantiles") {
  CHECK(normal_quantile(0.5) == Approx(0.0).margin(1e-9));
  CHECK(normal_quantile(0.975) == Approx(1.959964).epsilon(1e-6));
  CHECK(normal_quantile(0.05) == Approx(-1.644854).epsilon(1e-6));
  CHECK(normal_quantile(0.001) == Approx(-3.090232).epsilon(1e-6));
}
