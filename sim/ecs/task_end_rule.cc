// ServiceController: a task leaves the live set — the rule for which task ends the circuit breaker
// counts as failures. Kept alone in its file because it is the rule the property tests plant a
// bug in (tests/properties/mutants/), to show the properties catch a wrong count.
#include "sim/ecs/service_controller.h"
#include "sim/ecs/task_record.h"

namespace sim::ecs {

void ServiceController::on_left_live(TaskId id, const TaskStopInfo* stop) {
  TaskRecord& r = tasks_[id];
  set_counted_healthy(id, false);
  r.live = false;
  Deployment& d = deployment_of(r);
  --d.live;
  --d.live_unhealthy;
  --live_total_;
  --live_unhealthy_total_;
  own_replacement_settled(r);
  if (r.stop_requested || stop == nullptr) return;
  note_lost_task(d);
  // The task ended by itself. Which of these the breaker counts is reference §1.3 and open q. 2.
  if (!r.reached_running) {
    note_start_failure(id, r.deployment);
    record_failure(d, "task failed to start", true);
  } else if (!r.ever_healthy && rules_.count_exit_before_healthy) {
    record_failure(d, "task exited before it was healthy", false);
  }
}

}  // namespace sim::ecs
