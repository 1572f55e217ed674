// Reads an ecspresso project (kayac/ecspresso): its config (ecspresso.yml, or .json) names the
// cluster, the service and the two files that hold what it deploys — `service_definition`
// (CreateService's input, camelCase) and `task_definition` (RegisterTaskDefinition's input,
// or describe-task-definition's answer). Those are the ECS API's own shapes, so they are read
// as the scenario loader reads them. Jsonnet files and {{ template }} functions are rendered by
// `ecspresso render servicedef` / `render taskdef`: give deploysim the rendered JSON.
// ecspresso's files name no target group: a service with loadBalancers needs a live export of
// describe-target-groups beside it (or the load balancer is left out, said so).
#pragma once

#include "harness/readers/config_sections.h"
#include "harness/readers/read_options.h"

namespace harness::readers {

bool looks_like_ecspresso_config(const nlohmann::json& root);

ConfigSections read_ecspresso(const SourcePtr& config, const ReadOptions& options);

}  // namespace harness::readers
