// Reads the JSON of `terraform show -json PLANFILE` (or of a state: `terraform show -json`), as
// HashiCorp documents it ("JSON Output Format"): resources from `resource_changes[]` (with
// `change.before`, `change.after`, `change.after_unknown`), else from
// `planned_values.root_module` / `values.root_module` and their `child_modules`. Attributes are
// those of the AWS provider's schema (website/docs/r/*.html.markdown of
// hashicorp/terraform-provider-aws): aws_ecs_service, aws_ecs_task_definition (whose
// `container_definitions` is a JSON string holding the ECS API's camelCase), aws_lb_target_group,
// aws_cloudwatch_metric_alarm, aws_appautoscaling_target and aws_appautoscaling_policy
// (terraform_autoscaling.h).
// A value unknown until apply is reported with its address, never guessed; one the simulation
// needs (a task definition's containers) is an error at its position in the plan.
#pragma once

#include "harness/readers/config_sections.h"
#include "harness/readers/read_options.h"

namespace harness::readers {

bool looks_like_terraform(const nlohmann::json& root);

ConfigSections read_terraform(const SourcePtr& source, const ReadOptions& options);

}  // namespace harness::readers
