// The task definitions the server knows, by family and revision: what RegisterTaskDefinition,
// DescribeTaskDefinition, ListTaskDefinitions and DeregisterTaskDefinition read and change.
//
// A registration is read by harness/scenario's task definition reader, so the JSON of the
// scenario library (and of `aws ecs describe-task-definition`) is accepted with the same checks and
// messages. Each container's image selects the app profile the simulation plays: the scenario's
// `apps`, or — for an image the scenario does not describe — a well-behaved default app (starts in
// 5 s, answers its health paths), so any task definition can be registered and deployed.
//
// Invariants: revisions of a family count up from 1 (or from the highest a scenario brought) and
// are never reused; a deregistered revision stays describable (status INACTIVE) and can no longer
// be deployed.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/serve/request_body.h"
#include "sim/model/app_profile.h"
#include "sim/model/task_definition.h"

namespace harness::serve {

struct RegisteredTaskDefinition {
  sim::model::TaskDefinition definition;
  nlohmann::json registered;  // the members as registered, echoed back by DescribeTaskDefinition
  bool active = true;
  double registered_at = 0;   // epoch seconds
  double deregistered_at = 0;
};

class TaskDefinitionRegistry {
 public:
  // `apps`: the scenario's app profiles, by image.
  explicit TaskDefinitionRegistry(std::map<std::string, sim::model::AppProfile> apps);

  // Adds a scenario's task definition with its own revision (the server's start).
  // `registered` is its JSON (scenario_writer.h writes it from the model).
  void preload(const sim::model::TaskDefinition& definition, nlohmann::json registered, double now_epoch);

  // RegisterTaskDefinition: reads `body` and gives it the family's next revision. Throws EcsError
  // ClientException naming the field for a definition the reader rejects.
  const RegisteredTaskDefinition& register_definition(RequestBody& body, double now_epoch);

  // The definition `reference` names: "family:revision", a task definition ARN, or "family" alone
  // (its latest ACTIVE revision). Throws ClientException "Unable to describe task definition.".
  const RegisteredTaskDefinition& find(const std::string& reference) const;
  // The same, for a deployment: an INACTIVE revision is refused (InvalidParameterException).
  const RegisteredTaskDefinition& find_active(const std::string& reference) const;

  // DeregisterTaskDefinition: `reference` must carry a revision. Returns the now INACTIVE entry.
  const RegisteredTaskDefinition& deregister(const std::string& reference, double now_epoch);

  // ListTaskDefinitions: ARNs in family then revision order (reversed when `descending`), of
  // `status` ("ACTIVE" or "INACTIVE"; anything else lists none), whose family starts with
  // `family_prefix`.
  std::vector<std::string> list(const std::string& family_prefix, const std::string& status, bool descending) const;

  // The app profiles by image: the scenario's and the defaults given to other images.
  const std::map<std::string, sim::model::AppProfile>& apps() const { return apps_; }

 private:
  std::optional<std::size_t> index_of(const std::string& reference) const;
  // apps_ plus the default app for each image of `definition` that has no profile.
  std::map<std::string, sim::model::AppProfile> with_default_apps(const scenario::Node& definition) const;

  std::map<std::string, sim::model::AppProfile> apps_;
  std::vector<RegisteredTaskDefinition> entries_;  // registration order
};

// DescribeTaskDefinition's taskDefinition object: what was registered, plus taskDefinitionArn,
// family, revision, status, registeredAt and compatibilities.
nlohmann::json describe(const RegisteredTaskDefinition& entry);

}  // namespace harness::serve
