// PLANTED BUG, tests only: a copy of sim/ecs/task_end_rule.cc whose breaker also counts a healthy
// task the scheduler replaced (an old task the rolling update retires) as a failure of the new
// deployment. Linked ahead of the simulator library into planted_bug_tests only, where it
// replaces the real rule; the properties must catch it (tests/properties/planted_bug_test.cc).
#include "sim/ecs/service_controller.h"

namespace sim::ecs {

void ServiceController::on_left_live(TaskId id, const TaskStopInfo* stop) {
  set_counted_healthy(id, false);
  ledger_.leave_live(id);
  ledger_.settle_own_replacement(id);
  const TaskRecord& r = ledger_[id];
  if (r.stop_requested && r.ever_healthy) record_failure(primary(), "task was replaced", false);  // the bug
  if (r.stop_requested || stop == nullptr) return;
  Deployment& d = deployment_of(id);
  note_lost_task(d);
  if (stop->code == StopCode::infrastructure_health) return;
  if (!r.reached_running) {
    note_start_failure(id, r.deployment);
    record_failure(d, "task failed to start", true);
  } else if (!r.ever_healthy && rules_.count_exit_before_healthy) {
    record_failure(d, "task exited before it was healthy", false);
  }
}

}  // namespace sim::ecs
