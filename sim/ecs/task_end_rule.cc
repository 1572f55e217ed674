// ServiceController: a task leaves the live set — the rule for which task ends the circuit breaker
// counts as failures (ecs-rules §1.3, open question 2). Kept alone in its file because it is the
// rule the property tests plant a bug in (tests/properties/mutants/), to show the properties
// catch a wrong count.
#include "sim/ecs/service_controller.h"

namespace sim::ecs {

void ServiceController::on_left_live(TaskId id, const TaskStopInfo* stop) {
  set_counted_healthy(id, false);
  ledger_.leave_live(id);
  ledger_.settle_own_replacement(id);
  const TaskRecord& r = ledger_[id];
  if (r.stop_requested || stop == nullptr) return;
  Deployment& d = deployment_of(id);
  note_lost_task(d);
  // A task lost with its Availability Zone did not fail: neither the breaker nor the launch
  // throttle hears of it (ecs-rules §12.6).
  if (stop->code == StopCode::infrastructure_health) return;
  // The task ended by itself. Which of these the breaker counts is ecs-rules §1.3 and §1.5.
  if (!r.reached_running) {
    note_start_failure(id, r.deployment);
    record_failure(d, "task failed to start", true);
  } else if (!r.ever_healthy && rules_.count_exit_before_healthy) {
    record_failure(d, "task exited before it was healthy", false);
  }
}

}  // namespace sim::ecs
