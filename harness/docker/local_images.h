// The images real mode runs as they are (apps with runImage) must already be in the local engine:
// deploysim never pulls (no registry at run time), so a missing one is the user's to bring.
#pragma once

#include <string>

#include "harness/docker/docker_client.h"
#include "sim/model/scenario.h"

namespace harness::docker {

// Throws scenario::ScenarioError at the app's runImage in `scenario_path` (file:line:column) for
// the first image of an app with runImage that the engine does not have, saying to `docker pull`
// or `docker load` it.
void require_local_images(const sim::model::Scenario& scenario, const std::string& scenario_path,
                          const DockerClient& docker);

}  // namespace harness::docker
