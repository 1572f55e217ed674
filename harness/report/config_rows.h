// The configuration that decides a deployment, as rows of "setting: before -> after": the
// service settings, the target group's check, and per container of the deployed revision its
// image, memory limit, health check and the variables it gets. A row is marked when the deploy
// changed it, and when the smallest change `explain` found touches it (the config that mattered).
#pragma once

#include <string>
#include <vector>

#include "harness/explain/counterfactuals.h"
#include "sim/model/scenario.h"

namespace harness::report {

struct ConfigRow {
  std::string setting;  // "alia-bot memory (MiB)"
  std::string before;   // in the running revision; equal to `after` for service settings
  std::string after;    // in the deployed revision
  bool changed_by_deploy = false;
  bool decisive = false;  // named by a change that alters the outcome
};

// `breaker_threshold` is the threshold in force (Simulation::breaker_threshold()).
std::vector<ConfigRow> config_rows(const sim::model::Scenario& scenario, int breaker_threshold,
                                   const harness::explain::WhatIf& what_if);

}  // namespace harness::report
