#include "sim/world/traffic_meter.h"

namespace sim::world {

void TrafficMeter::advance(Millis now, const std::vector<ServingRevision>& serving) {
  // Split the stretch at every change of rate inside it, so a rise is counted from its instant.
  for (const model::TrafficChange& change : schedule_.changes) {
    if (change.at <= last_ || change.at >= now) continue;
    account(rate_at(last_), (change.at - last_).count(), serving);
    last_ = change.at;
  }
  const std::int64_t dt_ms = (now - last_).count();
  if (dt_ms <= 0) return;
  account(rate_at(last_), dt_ms, serving);
  last_ = now;
}

void TrafficMeter::account(std::int64_t requests_per_second, std::int64_t dt_ms,
                           const std::vector<ServingRevision>& serving) {
  // rps x ms x 1000 = millionths of a request; 10^5 rps over 10^9 s stays far inside int64.
  const std::int64_t total_micro = requests_per_second * dt_ms * 1000;
  std::int64_t total_weight = 0;
  for (const ServingRevision& s : serving) total_weight += s.weight;
  // No target at all: the ALB answers 503 itself (HTTPCode_ELB_5XX_Count, ALB CloudWatch metrics).
  if (total_weight == 0) {
    elb_5xx_micro_ += total_micro;
    return;
  }
  for (const ServingRevision& s : serving) {
    if (s.weight == 0) continue;
    if (static_cast<std::size_t>(s.deployment) >= served_.size())
      served_.resize(static_cast<std::size_t>(s.deployment) + 1);
    Accumulated& a = served_[static_cast<std::size_t>(s.deployment)];
    // In proportion to its weight (round robin over targets: one share per healthy target).
    const std::int64_t share = total_micro / total_weight * s.weight;
    const std::int64_t unreachable = share / 10'000 * s.unreachable_basis_points;
    elb_5xx_micro_ += unreachable;
    a.requests_micro += share - unreachable;
    a.errors_micro += (share - unreachable) / 10'000 * s.error_basis_points;
  }
}

RevisionCounts TrafficMeter::revision(int deployment) const {
  if (deployment < 0 || static_cast<std::size_t>(deployment) >= served_.size()) return {};
  const Accumulated& a = served_[static_cast<std::size_t>(deployment)];
  return {a.requests_micro / kMicro, a.errors_micro / kMicro};
}

RevisionCounts TrafficMeter::all_targets() const {
  Accumulated sum;
  for (const Accumulated& a : served_) {
    sum.requests_micro += a.requests_micro;
    sum.errors_micro += a.errors_micro;
  }
  return {sum.requests_micro / kMicro, sum.errors_micro / kMicro};
}

}  // namespace sim::world
