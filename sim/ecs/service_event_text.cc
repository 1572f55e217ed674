#include "sim/ecs/service_event_text.h"

namespace sim::ecs::event_text {
namespace {

std::string of(const std::string& service, const std::string& deployment) {
  return service + " (deployment " + deployment + ")";
}

// "12.5 %" from 1250 basis points.
std::string percent_text(int basis_points) {
  std::string text = std::to_string(basis_points / 100);
  if (basis_points % 100 != 0) {
    const int hundredths = basis_points % 100;
    text += "." + std::to_string(hundredths / 10) + (hundredths % 10 ? std::to_string(hundredths % 10) : "");
  }
  return text + " %";
}

}  // namespace

std::string started_deployment(const std::string& service, const std::string& deployment,
                               const std::string& task_definition) {
  return service + " has started deployment " + deployment + " with task definition " + task_definition + ".";
}

std::string started_tasks(const std::string& service, int count, const std::string& task_list) {
  return service + " has started " + std::to_string(count) + " tasks:" + task_list + ".";
}

std::string stopped_tasks(const std::string& service, int count, const std::string& task_list) {
  return service + " has stopped " + std::to_string(count) + " running tasks:" + task_list + ".";
}

std::string placement_failed(const std::string& service, const std::string& reason) { return service + " " + reason; }

std::string unable_to_start_tasks(const std::string& service) {
  return service + " is unable to consistently start tasks successfully.";
}

std::string deadlock(const std::string& service) {
  return service +
         " was unable to stop or start tasks during a deployment because of the service deployment configuration. "
         "Update the minimumHealthyPercent or maximumPercent value and try again.";
}

std::string deployment_failed(const std::string& service, const std::string& deployment, const std::string& why) {
  return of(service, deployment) + " deployment failed: " + why + ".";
}

std::string cannot_roll_back(const std::string& service, const std::string& deployment) {
  return of(service, deployment) +
         " cannot roll back: no deployment is in the COMPLETED state. No tasks will be launched.";
}

std::string rolling_back(const std::string& service, const std::string& failed, const std::string& detector,
                         const std::string& target) {
  return of(service, failed) + " " + detector + ": rolling back to deployment " + target + ".";
}

std::string deployment_completed(const std::string& service, const std::string& deployment) {
  return of(service, deployment) + " deployment completed.";
}

std::string steady_state(const std::string& service) { return service + " has reached a steady state."; }

std::string rolling_bake_started(const std::string& service, const std::string& deployment, Millis window) {
  return of(service, deployment) + " reached steady state; bake time of " + format_seconds(window) +
         " started: alarms are still watched.";
}

std::string blue_green_bake_started(const std::string& service, const std::string& deployment, Millis bake) {
  return of(service, deployment) + " bake time of " + format_seconds(bake) + " started: blue keeps running.";
}

std::string shift_wait_started(const std::string& service, const std::string& deployment, Millis wait) {
  return of(service, deployment) + " wait of " + format_seconds(wait) + " started.";
}

std::string traffic_shifted(const std::string& service, int green_basis_points, const std::string& green,
                            const std::string& blue, const std::string& why) {
  return service + " shifted production traffic: " + percent_text(green_basis_points) + " to (deployment " + green +
         "), " + percent_text(10'000 - green_basis_points) + " to (deployment " + blue + ") (" + why + ").";
}

std::string alarm_ignored(const std::string& service, const std::string& deployment, const std::string& alarm) {
  return of(service, deployment) + " alarm " + alarm +
         " was already in ALARM at the start: alarms are ignored for this deployment.";
}

}  // namespace sim::ecs::event_text
