#include "harness/serve/real_scenario_file.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "harness/scenario/scenario_writer.h"
#include "harness/serve/real_mode_members.h"

namespace harness::serve {

RealScenarioFile::RealScenarioFile(const std::string& cluster, const std::string& service,
                                   std::set<std::string> own_images)
    : own_images_(std::move(own_images)) {
  std::string pattern = (std::filesystem::temp_directory_path() / "deploysim-serve-real-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a directory for the served service's scenario under " +
                             std::filesystem::temp_directory_path().string());
  directory_ = pattern;
  path_ = directory_ + "/" + cluster + "-" + service + ".json";
}

RealScenarioFile::~RealScenarioFile() {
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

void RealScenarioFile::remember(const std::string& arn_name, const nlohmann::json& registered) {
  registered_[arn_name] = nlohmann::ordered_json::parse(registered.dump());
}

void RealScenarioFile::write(const sim::model::Scenario& scenario) const {
  // The API's calls are the served service's timeline: the file carries none (a served
  // scenario's deploy may name a task definition it does not hold).
  sim::model::Scenario served = scenario;
  served.deploy = sim::model::Deploy{.to_task_definition = served.initial_task_definition, .none = true};
  served.timeline.clear();
  nlohmann::ordered_json json = scenario::scenario_to_json(served);
  for (auto& [image, app] : json["apps"].items())
    if (own_images_.count(image) > 0) app["runImage"] = true;
  for (std::size_t i = 0; i < served.task_definitions.size(); ++i)
    if (const auto registered = registered_.find(served.task_definitions[i].arn_name()); registered != registered_.end())
      copy_real_mode_members(registered->second, json["taskDefinitions"][i]);
  std::ofstream out(path_, std::ios::trunc);
  out << json.dump(2) << "\n";
  if (!out) throw std::runtime_error("cannot write the served service's scenario to " + path_);
}

}  // namespace harness::serve
