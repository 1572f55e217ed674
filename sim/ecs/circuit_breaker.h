// The deployment circuit breaker (rolling updates), as the ECS guide describes it
// (deployment-circuit-breaker.html; ecs-rules §1).
//
// It counts failed tasks of one deployment. Stage 1 watches whether tasks reach RUNNING; once any
// task of the deployment is RUNNING it moves to stage 2, where tasks replaced because a health
// check failed count. With resetOnHealthyTask (the default) a task reaching a healthy state
// resets the count ("consecutive" model); without it failures accumulate ("cumulative").
// The deployment fails when the count reaches the threshold.
#pragma once

#include "sim/ecs/rule_set.h"
#include "sim/model/service_config.h"

namespace sim::ecs {

// The failure threshold in force for `desired_count` tasks. Default BOUNDED_PERCENT 50:
// max(3, min(200, ceil(0.5 x N))) (ecs-rules §1.1 table; the floor is the rule set's).
int breaker_threshold(const model::CircuitBreakerConfig& config, int desired_count,
                      const RuleSet& rules);

enum class BreakerStage { tasks_reaching_running = 1, health_checks = 2 };

class CircuitBreaker {
 public:
  CircuitBreaker(const model::CircuitBreakerConfig& config, const RuleSet& rules);

  // A task of the deployment reached RUNNING: stage 1 is over (ecs-rules §1.3).
  void on_task_running();

  // A task of the deployment reached a healthy state: resets the count in the consecutive model.
  void on_task_healthy();

  // A task of the deployment failed. Returns true exactly when this failure trips the breaker.
  // `desired_count` is read now because ECS re-reads the latest desired count (ecs-rules §1.1).
  bool on_task_failed(int desired_count);

  bool enabled() const { return enabled_; }
  bool tripped() const { return tripped_; }
  int failures() const { return failures_; }
  BreakerStage stage() const { return stage_; }
  int threshold(int desired_count) const { return breaker_threshold(config_, desired_count, *rules_); }

 private:
  model::CircuitBreakerConfig config_;
  const RuleSet* rules_;
  bool enabled_;
  bool reset_on_healthy_;
  bool tripped_ = false;
  int failures_ = 0;
  BreakerStage stage_ = BreakerStage::tasks_reaching_running;
};

}  // namespace sim::ecs
