#include "harness/docker/local_images.h"

#include "harness/scenario/document.h"
#include "harness/scenario/position_index.h"

namespace harness::docker {

void require_local_images(const OwnImages& own, const std::string& scenario_path, const DockerClient& docker) {
  for (const std::string& image : own.images) {
    if (docker.image_exists(image)) continue;
    const std::string pointer = "/apps/" + scenario::pointer_token(image) + "/runImage";
    scenario::Document::from_file(scenario_path)
        .fail(pointer,
              "an image in the local Docker engine (deploysim never pulls one: `docker pull " + image +
                  "` or `docker load -i FILE.tar` first)",
              "no image " + image + " on the engine", pointer);
  }
}

}  // namespace harness::docker
