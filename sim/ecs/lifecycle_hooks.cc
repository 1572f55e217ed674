#include "sim/ecs/lifecycle_hooks.h"

#include <algorithm>

namespace sim::ecs {

int stage_position(model::LifecycleStage stage, std::size_t step) {
  using model::LifecycleStage;
  const int ordinal = static_cast<int>(stage);
  const int first_repeated = static_cast<int>(LifecycleStage::pre_production_traffic_shift);
  if (stage < LifecycleStage::pre_production_traffic_shift) return ordinal;
  if (stage > LifecycleStage::production_traffic_shift) return ordinal + 1'000'000;
  // PRE_PRODUCTION and PRODUCTION of step 0, then of step 1, and so on.
  return first_repeated + 2 * static_cast<int>(std::min<std::size_t>(step, 400'000)) + (ordinal - first_repeated);
}

HookVerdict hook_verdict(const model::LifecycleHook& hook, const model::SimulatedHookResult& result) {
  const Millis deadline = std::min(hook.timeout, kStageCap);
  if (result.hook_status != model::HookStatus::in_progress && result.after < deadline) {
    const bool failed = result.hook_status == model::HookStatus::failed;
    return {failed ? HookVerdictStatus::failed : HookVerdictStatus::succeeded, result.after, failed};
  }
  // Still IN_PROGRESS at the deadline. The reference does not say which wins when
  // timeoutInMinutes (up to 20160) exceeds the 24-hour stage cap; we let the cap win, since it is
  // documented for every stage and PAUSE hooks are the only ones said to wait longer (§3.3).
  if (hook.timeout > kStageCap) return {HookVerdictStatus::timed_out, kStageCap, true};
  return {HookVerdictStatus::timed_out, hook.timeout,
          hook.timeout_action == model::HookTimeoutAction::rollback};
}

std::string_view to_string(HookVerdictStatus s) {
  switch (s) {
    case HookVerdictStatus::succeeded: return "SUCCEEDED";
    case HookVerdictStatus::failed: return "FAILED";
    case HookVerdictStatus::timed_out: return "TIMED_OUT";
  }
  return "?";
}

}  // namespace sim::ecs
