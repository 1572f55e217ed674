#include "sim/model/lifecycle_hook.h"

#include <array>

namespace sim::model {
namespace {

constexpr std::array<std::string_view, 11> kStageNames = {
    "RECONCILE_SERVICE",        "PRE_SCALE_UP",
    "SCALE_UP",                 "POST_SCALE_UP",
    "TEST_TRAFFIC_SHIFT",       "POST_TEST_TRAFFIC_SHIFT",
    "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
    "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME",
    "CLEAN_UP"};

}  // namespace

std::string_view to_string(LifecycleStage s) { return kStageNames.at(static_cast<std::size_t>(s)); }

std::optional<LifecycleStage> lifecycle_stage_named(std::string_view name) {
  for (std::size_t i = 0; i < kStageNames.size(); ++i)
    if (kStageNames[i] == name) return static_cast<LifecycleStage>(i);
  return std::nullopt;
}

bool hookable(LifecycleStage s) {
  return s != LifecycleStage::scale_up && s != LifecycleStage::bake_time && s != LifecycleStage::clean_up;
}

std::string_view to_string(HookStatus s) {
  switch (s) {
    case HookStatus::succeeded: return "SUCCEEDED";
    case HookStatus::failed: return "FAILED";
    case HookStatus::in_progress: return "IN_PROGRESS";
  }
  return "?";
}

}  // namespace sim::model
