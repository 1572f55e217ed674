#include "sim/ecs/timeline_player.h"

#include <algorithm>

namespace sim::ecs {

TimelinePlayer::TimelinePlayer(const model::Scenario& scenario, ServiceController& controller)
    : scenario_(scenario), controller_(controller), calls_(scenario.timeline) {
  std::stable_sort(calls_.begin(), calls_.end(),
                   [](const model::ServiceUpdate& a, const model::ServiceUpdate& b) { return a.at < b.at; });
  if (scenario.deploy.none) {
    controller.observe_from_start();
    return;
  }
  model::ServiceUpdate deploy;
  deploy.at = scenario.deploy.at;
  deploy.task_definition = scenario.deploy.to_task_definition;
  deploy.origin = "deploy";
  const auto after = std::upper_bound(calls_.begin(), calls_.end(), deploy.at,
                                      [](Millis at, const model::ServiceUpdate& u) { return at < u.at; });
  calls_.insert(after, deploy);
}

void TimelinePlayer::play(std::size_t index) {
  controller_.apply(calls_.at(index));
  ++played_;
}

observe::Outcome TimelinePlayer::outcome() const {
  if (const auto reached = controller_.outcome()) return *reached;
  return scenario_.deploy.none && !controller_.deployment_under_test() ? observe::Outcome::steady_state
                                                                        : observe::Outcome::stuck;
}

}  // namespace sim::ecs
