#include "sim/ecs/rule_set.h"

namespace sim::ecs {
namespace {

RuleSet make_current() {
  RuleSet r;
  r.name = "current";
  return r;
}

// Before January 2024: threshold floor 10; before July 2026 no thresholdConfiguration;
// throttle cap documented as 15 minutes; before Nov 2025 replacements used the primary revision;
// the grace period applied only with a load balancer (the API text of the day).
RuleSet make_pre_2024() {
  RuleSet r;
  r.name = "pre-2024";
  r.breaker_min_threshold = 10;
  r.threshold_configuration_supported = false;
  r.throttle_cap = minutes(15);
  r.replace_with_own_revision = false;
  r.grace_period_needs_load_balancer = true;
  return r;
}

// January 2024 to November 2025: today's breaker floor, but the rolling update filled the gap an
// older revision's lost task left with new-revision tasks (whats-new 2025/11, ecs-rules §3.1);
// thresholdConfiguration (July 2026) did not exist yet.
RuleSet make_pre_2025_11() {
  RuleSet r;
  r.name = "pre-2025-11";
  r.threshold_configuration_supported = false;
  r.replace_with_own_revision = false;
  return r;
}

// The eras, then each era's variant that counts only the failures Deployment.failedTasks lists
// (ecs-rules §1.5).
std::vector<RuleSet> make_all() {
  std::vector<RuleSet> sets = {make_current(), make_pre_2025_11(), make_pre_2024()};
  const std::size_t eras = sets.size();
  for (std::size_t i = 0; i < eras; ++i) {
    RuleSet variant = sets[i];
    variant.name += kExitBeforeHealthyNotCounted;
    variant.count_exit_before_healthy = false;
    sets.push_back(std::move(variant));
  }
  return sets;
}

const std::vector<RuleSet>& all() {
  static const std::vector<RuleSet> sets = make_all();
  return sets;
}

}  // namespace

const RuleSet* find_rule_set(std::string_view name) {
  for (const RuleSet& r : all())
    if (r.name == name) return &r;
  return nullptr;
}

std::vector<std::string> rule_set_names() {
  std::vector<std::string> names;
  for (const RuleSet& r : all()) names.push_back(r.name);
  return names;
}

}  // namespace sim::ecs
