#include "harness/check/fault_generators.h"

namespace harness::check {

namespace gen = rc::gen;
using sim::Millis;
using sim::model::DeployClass;

namespace {

// A signed change of at most `max`, shrinking toward 0: a magnitude and a sign drawn apart.
std::int64_t signed_up_to(std::int64_t max) {
  const std::int64_t magnitude = *gen::inRange<std::int64_t>(0, max + 1);
  return *gen::arbitrary<bool>() ? -magnitude : magnitude;
}

}  // namespace

rc::Gen<FaultSet> gen_fault_set(const sim::model::FaultEnvelope& envelope,
                                const std::vector<sim::model::BreakingFault>& breaking, DeployClass deploys,
                                std::size_t timeline_calls) {
  return gen::exec([=] {
    FaultSet f;
    const auto max_slow_s = static_cast<int>(envelope.max_slow_start.count() / 1000);
    if (max_slow_s > 0) f.slow_start = sim::seconds(*gen::inRange(0, max_slow_s + 1));
    if (!envelope.blip_targets.empty() && envelope.max_blip > Millis{0} && *gen::arbitrary<bool>()) {
      Blip blip;
      blip.target = *gen::elementOf(envelope.blip_targets);
      blip.after_deploy = sim::seconds(*gen::inRange(0, 181));
      blip.duration = Millis{*gen::inRange<std::int64_t>(1, envelope.max_blip.count() + 1)};
      f.blip = blip;
    }
    const bool bad = deploys == DeployClass::bad || (deploys == DeployClass::any && *gen::arbitrary<bool>());
    if (bad) {
      f.breaking = *gen::elementOf(breaking);
      if (*f.breaking == sim::model::BreakingFault::crash_loop) f.crash_after = sim::seconds(*gen::inRange(0, 61));
    }
    // The timeline's earlier calls (ecs-rules §12), drawn last so the draws above stay as they were.
    const std::int64_t max_shift_s = envelope.max_timeline_shift.count() / 1000;
    for (std::size_t i = 0; max_shift_s > 0 && i < timeline_calls; ++i)
      f.timeline_shifts.push_back(sim::seconds(signed_up_to(max_shift_s)));
    for (std::size_t i = 0; envelope.max_desired_count_change > 0 && i < timeline_calls; ++i)
      f.desired_count_changes.push_back(static_cast<int>(signed_up_to(envelope.max_desired_count_change)));
    return f;
  });
}

rc::Gen<CheckCase> gen_check_case(const sim::model::FaultEnvelope& envelope,
                                  const std::vector<sim::model::BreakingFault>& breaking, DeployClass deploys,
                                  std::size_t timeline_calls) {
  return gen::exec([=] {
    CheckCase c;
    c.faults = *gen_fault_set(envelope, breaking, deploys, timeline_calls);
    c.seed = *gen::inRange<std::uint64_t>(0, 1ULL << 32);
    return c;
  });
}

}  // namespace harness::check
