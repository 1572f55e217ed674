#include "harness/sweep/population.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/engine/rng.h"

namespace harness::sweep {
namespace {

constexpr std::uint64_t kMillion = 1'000'000;
constexpr double kZ95 = 1.6448536269514722;  // the standard normal's 95th percentile

int draw_fault(const Population& population, sim::Rng& rng) {
  if (population.faults.empty() || !rng.chance(static_cast<std::uint64_t>(population.bad_ppm), kMillion))
    return -1;
  std::int64_t total = 0;
  for (const FaultClass& fault : population.faults) total += fault.weight;
  std::int64_t pick = rng.uniform_int(0, total - 1);
  for (std::size_t i = 0; i < population.faults.size(); ++i) {
    if (pick < population.faults[i].weight) return static_cast<int>(i);
    pick -= population.faults[i].weight;
  }
  return static_cast<int>(population.faults.size()) - 1;
}

// The factor in whole permille: the log and exp of the lognormal are rounded away there, so a
// last-bit difference between maths libraries cannot change a run.
int draw_startup_permille(const StartupScale& scale, sim::Rng& rng) {
  using Kind = StartupScale::Kind;
  switch (scale.kind) {
    case Kind::fixed: return 1000;
    case Kind::uniform: return static_cast<int>(rng.uniform_int(scale.low_permille, scale.high_permille));
    case Kind::lognormal: {
      const double u = static_cast<double>(rng.uniform_int(1, (1LL << 53) - 1)) / static_cast<double>(1LL << 53);
      const double sigma = std::log(static_cast<double>(scale.p95_permille) / scale.median_permille) / kZ95;
      const double factor = scale.median_permille * std::exp(sigma * normal_quantile(u));
      return static_cast<int>(std::clamp<double>(std::round(factor), 1, 1'000'000));
    }
  }
  return 1000;
}

}  // namespace

Deploy draw_deploy(const Population& population, std::uint64_t sweep_seed, std::int64_t run) {
  const sim::RngStreams streams(sweep_seed);
  const auto index = static_cast<std::uint64_t>(run);
  Deploy deploy;
  deploy.run_seed = streams.stream("sweep.run_seed", index).next_u64();
  sim::Rng fault = streams.stream("sweep.fault", index);
  deploy.fault = draw_fault(population, fault);
  sim::Rng startup = streams.stream("sweep.startup", index);
  deploy.startup_permille = draw_startup_permille(population.startup, startup);
  for (std::size_t i = 0; i < population.blips.size(); ++i) {
    const DependencyBlip& blip = population.blips[i];
    sim::Rng rng = streams.stream("sweep.blip", index * 64 + i);
    if (!rng.chance(static_cast<std::uint64_t>(blip.chance_ppm), kMillion)) continue;
    const sim::Millis at{rng.uniform_int(blip.at_min.count(), blip.at_max.count())};
    const sim::Millis duration{rng.uniform_int(blip.duration_min.count(), blip.duration_max.count())};
    deploy.blips.push_back({at, sim::model::FaultKind::dependency_outage, blip.dependency, duration});
  }
  return deploy;
}

namespace {

// The images of the deployed revision, each once: the apps whose start-up a deploy scales.
std::set<std::string> deployed_images(const sim::model::Scenario& scenario) {
  std::set<std::string> images;
  for (const auto& container : scenario.task_definitions[scenario.deploy.to_task_definition].containers)
    images.insert(container.image);
  return images;
}

}  // namespace

void apply_deploy(const Deploy& deploy, sim::model::Scenario& scenario) {
  scenario.seed = deploy.run_seed;
  if (deploy.startup_permille != 1000) {
    for (const std::string& image : deployed_images(scenario)) {
      for (sim::model::StartupPhase& phase : scenario.apps.at(image).phases)
        phase.duration = sim::Millis{phase.duration.count() * deploy.startup_permille / 1000};
    }
  }
  for (sim::model::Fault blip : deploy.blips) {
    blip.at += scenario.deploy.at;
    scenario.faults.push_back(blip);
  }
}

void reapply_deploy(const Deploy& deploy, const sim::model::Scenario& base, sim::model::Scenario& scenario) {
  // apply_deploy appends blips to the faults and scales the deployed apps' phase durations;
  // everything else it sets (the seed) it sets whole.
  scenario.faults.resize(base.faults.size(), sim::model::Fault{});
  for (const std::string& image : deployed_images(base)) {
    const std::vector<sim::model::StartupPhase>& phases = base.apps.at(image).phases;
    std::vector<sim::model::StartupPhase>& scaled = scenario.apps.at(image).phases;
    for (std::size_t i = 0; i < phases.size(); ++i) scaled[i].duration = phases[i].duration;
  }
  apply_deploy(deploy, scenario);
}

double normal_quantile(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01, -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double low = 0.02425;
  if (p < low || p > 1 - low) {
    const double q = std::sqrt(-2 * std::log(p < low ? p : 1 - p));
    const double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                     ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < low ? x : -x;
  }
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

}  // namespace harness::sweep
