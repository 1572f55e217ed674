// The scenario file a served service is played from for real (deploysim serve --real). Real mode
// reads each app's profile, as JSON text, and the runImage marks from a scenario file
// (harness/docker/docker_world.h), while a served service's scenario is built from API calls:
// this writes that scenario as a file (scenario_writer.h), with the runImage marks of the file
// the server was started with and the members real mode runs by from what was registered
// (real_mode_members.h), and rewrites it when a registration brings an image it lacks.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "sim/model/scenario.h"

namespace harness::serve {

class RealScenarioFile {
 public:
  // A file named after `cluster` and `service` in a directory of its own under the system's
  // temporary directory; `own_images`: the images to run as they are (runImage). Removed (with
  // its directory) by the destructor.
  RealScenarioFile(const std::string& cluster, const std::string& service, std::set<std::string> own_images);
  ~RealScenarioFile();
  RealScenarioFile(const RealScenarioFile&) = delete;
  RealScenarioFile& operator=(const RealScenarioFile&) = delete;

  // The task definition "family:revision" as registered (or as the server's scenario file holds
  // it): write() takes its real-mode members from it.
  void remember(const std::string& arn_name, const nlohmann::json& registered);

  // Writes `scenario` to the file, replacing what it held. Throws std::runtime_error if it cannot.
  void write(const sim::model::Scenario& scenario) const;
  const std::string& path() const { return path_; }

 private:
  std::string directory_;
  std::string path_;
  std::set<std::string> own_images_;
  std::map<std::string, nlohmann::ordered_json> registered_;  // by "family:revision"
};

}  // namespace harness::serve
