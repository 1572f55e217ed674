// One ECS service deployment: a task definition the service is moving to (or has reached), with
// its rollout state, its circuit breaker and its lifecycle stage. Its tasks are counted by the
// TaskLedger (task_ledger.h).
#pragma once

#include <string>

#include "sim/ecs/circuit_breaker.h"
#include "sim/ecs/task_state.h"
#include "sim/engine/time.h"
#include "sim/model/lifecycle_hook.h"

namespace sim::ecs {

// Deployment.status (API_Deployment): the newest is PRIMARY; older ones with tasks left ACTIVE.
enum class DeploymentStatus : std::uint8_t { primary, active, inactive };

// Deployment.rolloutState.
enum class RolloutState : std::uint8_t { in_progress, completed, failed };

struct Deployment {
  Deployment(DeploymentId id_, int task_definition_, Millis created, const model::CircuitBreakerConfig& cb,
             const RuleSet& rules)
      : id(id_),
        task_definition(task_definition_),
        created_at(created),
        breaker(cb, rules),
        name_("ecs-svc/" + std::to_string(id_)) {}

  DeploymentId id;
  int task_definition;
  Millis created_at;
  DeploymentStatus status = DeploymentStatus::primary;
  RolloutState rollout = RolloutState::in_progress;
  std::string rollout_reason;
  bool is_rollback = false;  // a COMPLETED deployment brought back by the breaker
  CircuitBreaker breaker;
  int failed_tasks = 0;    // Deployment.failedTasks
  // An older revision's tasks lost during a rolling deployment (exited, or replaced after failing
  // a health check) and owed a replacement from this same revision (Nov 2025, ecs-rules §3.1, §9).
  // Its tasks and their counts are the TaskLedger's.
  int own_replacements_owed = 0;
  bool reported_blocked = false;
  bool has_running_task = false;  // alarm monitoring starts once one task runs (ecs-rules §2)
  bool alarms_ignored = false;    // an alarm was already in ALARM when it started (ecs-rules §2)
  Millis bake_until = kNever;     // steady state reached: COMPLETED no earlier than this
  std::size_t shift_step = 0;     // traffic shifts done (blue/green, canary, linear)
  Millis next_shift_at{0};        // the next shift (blue/green, canary, linear)
  // Lifecycle stages (ecs-rules §3.3), followed by the deployment under test only.
  bool reconcile_service = false;  // more than one revision was ACTIVE at the start
  model::LifecycleStage stage = model::LifecycleStage::reconcile_service;
  int stage_position = -1;         // stage_position() of `stage`; -1 before the first
  int hooks_running = 0;           // hooks of the current stage ECS still waits for

  const std::string& name() const { return name_; }  // "ecs-svc/1"

 private:
  std::string name_;
};

std::string_view to_string(DeploymentStatus s);
std::string_view to_string(RolloutState s);

}  // namespace sim::ecs
