#include "sim/ecs/circuit_breaker.h"

#include <algorithm>

namespace sim::ecs {

int breaker_threshold(const model::CircuitBreakerConfig& config, int desired_count,
                      const RuleSet& rules) {
  const long long n = std::max(desired_count, 0);
  model::ThresholdType type = config.threshold_type;
  long long value = config.threshold_value;
  if (!rules.threshold_configuration_supported) {
    // Before July 2026 the threshold was fixed: half the desired count, bounded.
    type = model::ThresholdType::bounded_percent;
    value = 50;
  }
  switch (type) {
    case model::ThresholdType::count:
      // COUNT: `value` is the threshold, independent of N (API_ThresholdConfiguration).
      return static_cast<int>(std::max(value, 1LL));
    case model::ThresholdType::unbounded_percent:
      // UNBOUNDED_PERCENT: value% of N rounded up, no clamp (N=800, 50 -> 400).
      return static_cast<int>(std::max((n * value + 99) / 100, 1LL));
    case model::ThresholdType::bounded_percent:
      break;
  }
  // BOUNDED_PERCENT: value% of N rounded up, clamped to [floor, 200] (ecs-rules §1.1, §1.2).
  const long long raw = (n * value + 99) / 100;
  return static_cast<int>(std::clamp<long long>(raw, rules.breaker_min_threshold,
                                                rules.breaker_max_threshold));
}

CircuitBreaker::CircuitBreaker(const model::CircuitBreakerConfig& config, const RuleSet& rules)
    : config_(config),
      rules_(&rules),
      enabled_(config.enable),
      reset_on_healthy_(rules.threshold_configuration_supported ? config.reset_on_healthy_task
                                                                : true) {}

void CircuitBreaker::on_task_running() { stage_ = BreakerStage::health_checks; }

void CircuitBreaker::on_task_healthy() {
  if (reset_on_healthy_ && !tripped_) failures_ = 0;
}

bool CircuitBreaker::on_task_failed(int desired_count) {
  if (!enabled_ || tripped_) return false;
  ++failures_;
  if (failures_ >= threshold(desired_count)) tripped_ = true;
  return tripped_;
}

}  // namespace sim::ecs
