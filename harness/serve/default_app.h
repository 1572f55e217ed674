// The app profile given to an image the scenario says nothing about: a well-behaved service that
// starts in 5 s, listens on its first containerPort and answers 200 on the usual health paths.
// Registering a task definition for such an image therefore deploys cleanly; the scenario's
// `apps` is where a team describes an image that does not (scenarios/README.md).
#pragma once

#include <string>

#include "sim/model/app_profile.h"

namespace harness::serve {

// `port`: the container's first containerPort, or 0 for none (then 8080, the profile default).
sim::model::AppProfile default_app(const std::string& image, int port);

}  // namespace harness::serve
