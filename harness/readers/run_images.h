// `deploysim init --run-image IMAGE`: the user's own image, run as it is in real mode. The app of
// IMAGE gets "runImage": true (harness/docker/own_image.h): `deploysim real` then runs the task
// definition's image from the local engine with its own entry point, command and health check,
// while the simulator keeps playing the derived profile (refined by `deploysim profile IMAGE`).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace harness::readers {

// Marks each of `images` in `scenario`'s apps and says so in `story`. An image no app profiles is
// a ScenarioError at `file` naming the images there are.
void mark_run_images(nlohmann::json& scenario, const std::vector<std::string>& images, const std::string& file,
                     std::vector<std::string>& story);

}  // namespace harness::readers
