// ServiceController: the load balancer's fail-open rule, applied to the routes it is given. When
// a target group has no healthy target, an ALB routes its requests to all its registered targets
// (ecs-rules §6); before, deploysim had the load balancer answer every one of them with a 503.
// Under ROLLING every deployment's targets share the service's one target group; during a
// traffic shift (BLUE_GREEN, LINEAR, CANARY) blue and green each have their own.
#include <vector>

#include "sim/ecs/service_controller.h"

namespace sim::ecs {
namespace {

// One deployment's targets the load balancer may send to: registered and not draining.
struct RegisteredTargets {
  int answering = 0;    // an app answers there (as its profile says, 5xx included)
  int unreachable = 0;  // the last check found nothing listening, or no answer in time
  int all() const { return answering + unreachable; }
};

bool registered(TargetState state) {
  return state == TargetState::initial || state == TargetState::healthy || state == TargetState::unhealthy;
}

// Our choice where AWS says nothing of what an unhealthy target answers: what its last check
// met. A refused connection or a timeout is the load balancer's own 502 or 504; an app that
// answered (a 503 from a deep check, a 404 from a wrong path) serves requests as its profile says.
bool unreachable(ProbeFailure failure) {
  return failure == ProbeFailure::connection_refused || failure == ProbeFailure::timeout;
}

// Per deployment id; one pass over the tasks, taken only while some target group has no
// healthy target.
std::vector<RegisteredTargets> registered_targets(const TaskLedger& ledger, std::size_t deployments) {
  std::vector<RegisteredTargets> targets(deployments);
  for (const TaskRecord& r : ledger.records()) {
    if (!registered(r.target)) continue;
    RegisteredTargets& t = targets[r.deployment];
    (unreachable(r.target_failure) ? t.unreachable : t.answering) += 1;
  }
  return targets;
}

void open(TrafficRoute& route, int weight, const RegisteredTargets& targets) {
  route.weight = weight;
  route.failing_open = true;
  route.unreachable_basis_points = targets.unreachable * 10'000 / targets.all();
}

}  // namespace

void ServiceController::fail_open_empty_target_groups() {
  if (!may_fail_open()) return;
  const std::vector<RegisteredTargets> targets = registered_targets(ledger_, deployments_.size());
  for (TrafficRoute& r : routes_) {
    const RegisteredTargets& t = targets[r.deployment];
    if (r.weight > 0 || t.all() == 0) continue;
    // A traffic shift's target group keeps its listener weight and fails open on its own.
    const int weight = split_ ? listener_weight(r.deployment) : t.all();
    if (weight > 0) open(r, weight, t);
  }
}

bool ServiceController::may_fail_open() const {
  bool any_healthy = false;
  bool without_healthy = false;
  for (const TrafficRoute& r : routes_) {
    if (r.failing_open) return true;
    any_healthy = any_healthy || r.weight > 0;
    without_healthy = without_healthy || (r.weight == 0 && (!split_ || listener_weight(r.deployment) > 0));
  }
  // ROLLING: one target group, which fails open only when no deployment has a healthy target.
  return without_healthy && (split_ || !any_healthy);
}

}  // namespace sim::ecs
