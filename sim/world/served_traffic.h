// The request traffic a world's load balancer serves, as the app profiles say their apps answer:
// the listener routes requests by the control plane's TrafficRoutes, the TrafficMeter counts
// them without one event per request, and each revision's 5xx share and latency come from the
// app that answers its requests. The simulated world uses it; real mode uses it too until it
// measures real answers (its load generator), so alarms judge the same modelled traffic there.
//
// The served app of a task definition is the load balancer's container's app, or the first
// container's without a load balancer (the "served container" rule, written once here).
#pragma once

#include <optional>
#include <vector>

#include "sim/ecs/runtime.h"
#include "sim/model/scenario.h"
#include "sim/world/traffic_meter.h"

namespace sim::world {

// The app whose answers a task of `td` serves, or null when its image has no profile.
const model::AppProfile* served_app(const model::TaskDefinition& td, const model::Scenario& scenario);

class ServedTraffic {
 public:
  // Requests per second from the scenario's traffic section; without one, nothing is served.
  explicit ServedTraffic(const model::Scenario& scenario);

  bool enabled() const { return meter_.has_value(); }

  // Task definitions appended to the scenario since (RegisterTaskDefinition in deploysim serve).
  void task_definitions_added(const model::Scenario& scenario);

  // Accounts up to `now` under the routes in force, then routes by `routes`.
  void route(Millis now, const std::vector<ecs::TrafficRoute>& routes);

  // Accounts up to `now` under the routes in force; returns what was served so far.
  const ecs::TrafficReport& advance(Millis now);
  // The same, for a period whose report no one reads: the meter's stretches still end at every
  // period, as its rounding (and so every count) depends on where they end.
  void count_up_to(Millis now) {
    if (meter_) meter_->advance(now, serving_);
  }

  // The routes in force and the rate at `now`, for the utilisation sampler; 0 without traffic.
  const std::vector<ServingRevision>& serving() const { return serving_; }
  int rate_at(Millis now) const { return meter_ ? meter_->rate_at(now) : 0; }
  // Reports `totals` with the traffic from now on (utilization_sampler.h).
  void record_utilization(const ecs::UtilizationSamples& totals) { report_.utilization = totals; }

 private:
  std::optional<TrafficMeter> meter_;
  std::vector<int> td_error_basis_points_;  // per task definition: its served app's 5xx share
  std::vector<model::RequestLatency> td_latency_;
  std::vector<ServingRevision> serving_;    // the routes in force
  std::vector<int> deployment_td_;          // task definition of each routed deployment
  ecs::TrafficReport report_;
};

}  // namespace sim::world
