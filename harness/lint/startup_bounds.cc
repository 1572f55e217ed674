#include "harness/lint/startup_bounds.h"

#include "sim/ecs/container_health.h"
#include "sim/ecs/target_health.h"

namespace harness::lint {
namespace {

// Feeds failing probes of zero duration to `machine` until `unhealthy(machine)`. ECS's ranges
// bound the answer (startPeriod <= 300 s, retries and thresholds <= 10), so the cap of probes is
// only a guard against a machine that never gives up.
template <class Machine, class Apply, class Unhealthy>
sim::Millis first_unhealthy_verdict(Machine machine, Apply apply, Unhealthy unhealthy) {
  constexpr int kMaxProbes = 1000;
  sim::Millis start = machine.first_probe_start();
  for (int probe = 0; probe < kMaxProbes; ++probe) {
    apply(machine, start);
    if (unhealthy(machine)) return start;
    start = machine.next_probe_start(start, sim::Millis{0});
  }
  return sim::kNever;
}

}  // namespace

sim::Millis longest_startup(const sim::model::AppProfile& profile) {
  sim::Millis total{0};
  for (const sim::model::StartupPhase& phase : profile.phases)
    total += sim::Millis{phase.duration.count() * profile.startup_jitter_high_permille / 1000};
  return total;
}

sim::Millis earliest_phase_start(const sim::model::AppProfile& profile, std::size_t phase,
                                 const sim::model::PlatformTiming& platform) {
  const auto low = [](sim::Millis base, int permille) {
    return sim::Millis{base.count() * permille / 1000};
  };
  sim::Millis start = low(platform.provisioning, platform.jitter_low_permille) +
                      low(platform.pull, platform.jitter_low_permille);
  for (std::size_t i = 0; i < phase && i < profile.phases.size(); ++i)
    start += low(profile.phases[i].duration, profile.startup_jitter_low_permille);
  return start;
}

sim::Millis earliest_unhealthy(const sim::model::ContainerHealthCheck& check) {
  return first_unhealthy_verdict(
      sim::ecs::ContainerHealthMachine(check, sim::Millis{0}),
      [](auto& m, sim::Millis start) { m.apply(start, false); },
      [](const auto& m) { return m.status() == sim::ecs::HealthStatus::unhealthy; });
}

sim::Millis earliest_unhealthy(const sim::model::TargetGroupHealthCheck& check) {
  return first_unhealthy_verdict(
      sim::ecs::TargetHealthMachine(check, sim::Millis{0}),
      [](auto& m, sim::Millis start) {
        m.apply(start, false, sim::ecs::ProbeFailure::connection_refused);
      },
      [](const auto& m) { return m.state() == sim::ecs::TargetState::unhealthy; });
}

}  // namespace harness::lint
