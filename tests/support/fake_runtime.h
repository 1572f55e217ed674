// A Runtime that only records what the control plane asked of it (ninja's FakeCommandRunner
// pattern): launches, stops and traffic routes, in order. A test then reports back to the
// controller by hand — task states, health, traffic — as a world would.
#pragma once

#include <string>
#include <vector>

#include "sim/ecs/runtime.h"

namespace testsupport {

class FakeRuntime final : public sim::ecs::Runtime {
 public:
  struct Stop {
    sim::ecs::TaskId task = 0;
    sim::ecs::StopCode code = sim::ecs::StopCode::none;
    std::string reason;
  };

  std::vector<sim::ecs::LaunchRequest> launched;
  std::vector<Stop> stops;
  std::vector<std::vector<sim::ecs::TrafficRoute>> routes;  // every route_traffic call
  sim::ecs::TrafficReport report;  // what traffic_served answers; the test sets it
  int placements_to_refuse = 0;    // the next launches fail to place
  std::string refusal = "was unable to place a task because no container instance met all of its requirements.";

  sim::ecs::Placement launch_task(const sim::ecs::LaunchRequest& request) override {
    if (placements_to_refuse > 0) {
      --placements_to_refuse;
      return {false, refusal};
    }
    launched.push_back(request);
    return {};
  }

  void stop_task(sim::ecs::TaskId task, sim::ecs::StopCode code, const std::string& reason) override {
    stops.push_back({task, code, reason});
  }

  void route_traffic(const std::vector<sim::ecs::TrafficRoute>& r) override { routes.push_back(r); }
  const sim::ecs::TrafficReport& traffic_served() override { return report; }
};

}  // namespace testsupport
