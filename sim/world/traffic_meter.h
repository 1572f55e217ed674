// The request traffic a load balancer spreads over a service's healthy targets, counted without
// one event per request: between two changes of the serving set the world knows exactly how
// many requests each revision got and what share of them failed, so it accumulates exact
// expectations in fixed point (millionths of a request) and hands out whole counts. Nothing is
// random, so the counts depend only on when targets came and went.
//
// Invariants: cumulative counts never decrease; requests = served + ELB 5xx; the rounding
// carried between calls is below one request per revision.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/traffic.h"

namespace sim::world {

// One revision (deployment) as the load balancer sees it for a stretch of time.
struct ServingRevision {
  int deployment = 0;               // index; counts are kept per index
  // Its share of the requests relative to the others: its healthy registered targets under round
  // robin over one target group, or its listener rule weight when a traffic shift splits them
  // (blue/green, canary, linear). 0: it gets no request.
  int weight = 0;
  int error_basis_points = 0;       // share of its requests that fail with a 5xx (x 10000)
  // Share of its requests (x 10000) that reach no target that answers, when its target group
  // fails open onto unhealthy targets (ecs-rules §6): the load balancer's own 5xx.
  int unreachable_basis_points = 0;
};

struct RevisionCounts {
  std::int64_t requests = 0;  // requests a target of this revision answered
  std::int64_t errors = 0;    // of which with a 5xx (HTTPCode_Target_5XX)
};

class TrafficMeter {
 public:
  // A steady rate, or the scenario's rate with its changes over time.
  explicit TrafficMeter(int requests_per_second) { schedule_.requests_per_second = requests_per_second; }
  explicit TrafficMeter(model::TrafficConfig schedule) : schedule_(std::move(schedule)) {}

  // Accounts the traffic from the last call up to `now`, spread over `serving` as it was during
  // that stretch, in proportion to the weights; with no weight at all (no target to send to),
  // every request is a 503 from the load balancer itself. A change of rate inside the stretch is
  // honoured at its instant.
  void advance(Millis now, const std::vector<ServingRevision>& serving);

  // Requests per second the load balancer receives at `t`.
  int rate_at(Millis t) const { return schedule_.rate_at(t); }

  // Whole counts since time 0.
  RevisionCounts revision(int deployment) const;
  RevisionCounts all_targets() const;  // summed over every revision
  std::int64_t elb_5xx() const { return elb_5xx_micro_ / kMicro; }
  int revisions() const { return static_cast<int>(served_.size()); }

 private:
  static constexpr std::int64_t kMicro = 1'000'000;
  struct Accumulated {
    std::int64_t requests_micro = 0;
    std::int64_t errors_micro = 0;
  };

  // Accounts [from, to) at one rate.
  void account(std::int64_t requests_per_second, std::int64_t dt_ms, const std::vector<ServingRevision>& serving);

  model::TrafficConfig schedule_;
  Millis last_{0};
  std::vector<Accumulated> served_;
  std::int64_t elb_5xx_micro_ = 0;
};

}  // namespace sim::world
