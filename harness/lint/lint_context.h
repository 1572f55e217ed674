// What every lint rule looks at: the scenario, the task definition being deployed (the one the
// rules check; the initial one only serves as the comparison for a stale image) and the map from
// model indices to pointers in the scenario file.
#pragma once

#include "harness/lint/source_map.h"
#include "sim/model/scenario.h"

namespace harness::lint {

struct LintContext {
  const sim::model::Scenario& scenario;
  const SourceMap& source;

  int deployed_index() const { return scenario.deploy.to_task_definition; }
  const sim::model::TaskDefinition& deployed() const {
    return scenario.task_definitions.at(static_cast<std::size_t>(deployed_index()));
  }
  const sim::model::TaskDefinition& initial() const {
    return scenario.task_definitions.at(static_cast<std::size_t>(scenario.initial_task_definition));
  }

  // The app profile a container plays, or nullptr when there is none (the loader requires one;
  // a scenario built in code may leave it out, and rules then skip the container).
  const sim::model::AppProfile* profile(const sim::model::ContainerDefinition& container) const {
    const auto it = scenario.apps.find(container.image);
    return it == scenario.apps.end() ? nullptr : &it->second;
  }

  // Where field `field` of container `index` of the deployed definition is.
  Location container(std::size_t index, std::string_view field) const {
    return source.container(deployed_index(), static_cast<int>(index), field);
  }
};

}  // namespace harness::lint
