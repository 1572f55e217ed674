// `lint` on the user's configuration: the findings about the scenario the readers built, placed
// back where the user edits — the plan's or template's file, line and column, and the resource
// (a Terraform address such as module.api.aws_ecs_service.this, a template's logical id).
#pragma once

#include <optional>
#include <string>

#include "harness/cli/scenario_input.h"
#include "harness/lint/finding_report.h"
#include "harness/readers/config_input.h"

namespace harness::cli {

// The configuration at `path` read and loaded; nullopt when `path` is a deploysim scenario.
std::optional<readers::ConfigInput> read_config_input(const std::string& path, const ScenarioInputFlags& flags);

// Each finding's pointer becomes "<file>:<line>:<column> (<resource>) <pointer in that file>", and
// its file, file_pointer, line and column name that place, so SARIF, JUnit and GitHub
// annotations point into the user's file (JSON or YAML) too.
void place_in_user_files(lint::LintedFile& linted, const readers::OriginMap& origins);

}  // namespace harness::cli
