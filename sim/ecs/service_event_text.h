// The ECS service events, worded as the console shows them, so engineers recognise what they see
// ("(service web) has reached a steady state."). Wording only: when an event happens is the
// controller's business. The deadlock and placement messages are AWS's verbatim
// (deployment-type-ecs.html, service-event-messages-list.html); the bake, wait and traffic-shift
// messages are ours, in the same voice, where ECS reports the state only in the API.
#pragma once

#include <string>

#include "sim/engine/time.h"

namespace sim::ecs::event_text {

// `service` is "(service NAME)", `deployment` a deployment's name ("ecs-svc/1").
std::string started_deployment(const std::string& service, const std::string& deployment,
                               const std::string& task_definition);
std::string started_tasks(const std::string& service, int count, const std::string& task_list);
std::string stopped_tasks(const std::string& service, int count, const std::string& task_list);
std::string placement_failed(const std::string& service, const std::string& reason);
std::string unable_to_start_tasks(const std::string& service);
std::string deadlock(const std::string& service);
std::string deployment_failed(const std::string& service, const std::string& deployment, const std::string& why);
std::string cannot_roll_back(const std::string& service, const std::string& deployment);
std::string rolling_back(const std::string& service, const std::string& failed, const std::string& detector,
                         const std::string& target);
std::string deployment_completed(const std::string& service, const std::string& deployment);
std::string steady_state(const std::string& service);
std::string rolling_bake_started(const std::string& service, const std::string& deployment, Millis window);
std::string blue_green_bake_started(const std::string& service, const std::string& deployment, Millis bake);
std::string shift_wait_started(const std::string& service, const std::string& deployment, Millis wait);
// `green_basis_points` of production traffic to `green`, the rest to `blue`.
std::string traffic_shifted(const std::string& service, int green_basis_points, const std::string& green,
                            const std::string& blue, const std::string& why);
std::string alarm_ignored(const std::string& service, const std::string& deployment, const std::string& alarm);

}  // namespace sim::ecs::event_text
