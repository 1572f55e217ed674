#include "sim/world/served_traffic.h"

#include <algorithm>

namespace sim::world {

const model::AppProfile* served_app(const model::TaskDefinition& td, const model::Scenario& s) {
  if (td.containers.empty()) return nullptr;
  const model::ContainerDefinition* served = &td.containers.front();
  for (const model::ContainerDefinition& c : td.containers)
    if (c.name == s.service.container_name_for_lb) served = &c;
  const auto app = s.apps.find(served->image);
  return app == s.apps.end() ? nullptr : &app->second;
}

ServedTraffic::ServedTraffic(const model::Scenario& scenario) {
  if (!scenario.traffic) return;
  meter_.emplace(*scenario.traffic);
  task_definitions_added(scenario);
}

void ServedTraffic::task_definitions_added(const model::Scenario& scenario) {
  if (!meter_) return;
  for (std::size_t i = td_error_basis_points_.size(); i < scenario.task_definitions.size(); ++i) {
    const model::AppProfile* app = served_app(scenario.task_definitions[i], scenario);
    td_error_basis_points_.push_back(app ? app->request_error_basis_points : 0);
    td_latency_.push_back(app && app->request_latency ? *app->request_latency : model::RequestLatency{});
  }
}

void ServedTraffic::route(Millis now, const std::vector<ecs::TrafficRoute>& routes) {
  if (!meter_) return;
  meter_->advance(now, serving_);
  serving_.clear();
  for (const ecs::TrafficRoute& r : routes) {
    const std::size_t td = static_cast<std::size_t>(r.task_definition);
    serving_.push_back({static_cast<int>(r.deployment), r.weight, td_error_basis_points_.at(td),
                        r.unreachable_basis_points});
    if (r.deployment >= deployment_td_.size()) deployment_td_.resize(r.deployment + 1, 0);
    deployment_td_[r.deployment] = r.task_definition;
  }
}

const ecs::TrafficReport& ServedTraffic::advance(Millis now) {
  if (!meter_) return report_;
  meter_->advance(now, serving_);
  // Every deployment routed so far has a row, also one that never served.
  report_.revisions.resize(std::max(static_cast<std::size_t>(meter_->revisions()), deployment_td_.size()));
  for (std::size_t i = 0; i < report_.revisions.size(); ++i) {
    const RevisionCounts counts = meter_->revision(static_cast<int>(i));
    const int td = i < deployment_td_.size() ? deployment_td_[i] : 0;
    report_.revisions[i] = {static_cast<ecs::DeploymentId>(i), counts.requests, counts.errors,
                            td_latency_.at(static_cast<std::size_t>(td))};
  }
  const RevisionCounts all = meter_->all_targets();
  report_.target_requests = all.requests;
  report_.target_5xx = all.errors;
  report_.elb_5xx = meter_->elb_5xx();
  return report_;
}

}  // namespace sim::world
