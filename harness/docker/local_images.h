// The images real mode runs as they are (apps with runImage) must already be in the local engine:
// deploysim never pulls (no registry at run time), so a missing one is the user's to bring.
#pragma once

#include <string>

#include "harness/docker/docker_client.h"
#include "harness/docker/own_image.h"

namespace harness::docker {

// Throws scenario::ScenarioError at the app's runImage in `scenario_path` (file:line:column) for
// the first image of `own` that the engine does not have, saying to `docker pull` or `docker
// load` it.
void require_local_images(const OwnImages& own, const std::string& scenario_path, const DockerClient& docker);

}  // namespace harness::docker
