#include "harness/readers/run_images.h"

#include "harness/scenario/scenario_error.h"

namespace harness::readers {

void mark_run_images(nlohmann::json& scenario, const std::vector<std::string>& images, const std::string& file,
                     std::vector<std::string>& story) {
  if (images.empty()) return;
  nlohmann::json& apps = scenario["apps"];
  for (const std::string& image : images) {
    if (!apps.is_object() || !apps.contains(image)) {
      std::string known;
      if (apps.is_object())
        for (const auto& [name, app] : apps.items()) known += (known.empty() ? "" : ", ") + name;
      throw scenario::ScenarioError(file, "", "--run-image naming an image with an app profile (" + known + ")",
                                    "\"" + image + "\"");
    }
    if (!apps[image].is_object()) continue;  // not an app profile: the scenario loader says so
    apps[image]["runImage"] = true;
    story.push_back("real mode runs " + image + " as it is (--run-image): it must be in the local engine "
                    "(docker pull or docker load; deploysim never pulls); the simulator plays its app profile, "
                    "which `deploysim profile " + image + "` measures");
  }
}

}  // namespace harness::readers
