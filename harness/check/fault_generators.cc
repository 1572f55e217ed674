#include "harness/check/fault_generators.h"

namespace harness::check {

namespace gen = rc::gen;
using sim::Millis;
using sim::model::DeployClass;

rc::Gen<FaultSet> gen_fault_set(const sim::model::FaultEnvelope& envelope,
                                const std::vector<sim::model::BreakingFault>& breaking, DeployClass deploys) {
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
    return f;
  });
}

rc::Gen<CheckCase> gen_check_case(const sim::model::FaultEnvelope& envelope,
                                  const std::vector<sim::model::BreakingFault>& breaking, DeployClass deploys) {
  return gen::exec([=] {
    CheckCase c;
    c.faults = *gen_fault_set(envelope, breaking, deploys);
    c.seed = *gen::inRange<std::uint64_t>(0, 1ULL << 32);
    return c;
  });
}

}  // namespace harness::check
