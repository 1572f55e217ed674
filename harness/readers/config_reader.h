// The front door of the readers: which format a file is (from its content, or `--format`), and
// its sections read by the reader for that format.
//   - a Terraform JSON plan or state (`terraform show -json`): "format_version" with
//     "planned_values", "resource_changes" or "values";
//   - a CloudFormation template, JSON or YAML: a "Resources" object;
//   - ecspresso: its config YAML (with "service_definition" / "task_definition"), or a task
//     definition ("containerDefinitions" at the top) or a service definition file;
//   - a directory: a bundle of live exports (live_export.h);
//   - anything else with a "service" and "taskDefinitions": a deploysim scenario.
#pragma once

#include <string>

#include "harness/readers/config_sections.h"
#include "harness/readers/read_options.h"

namespace harness::readers {

enum class ConfigFormat { scenario, terraform, cloudformation, ecspresso, live_export };

// The format of the file or directory at `path`: `options.format` when given (an unknown name
// is a ScenarioError listing the names), else detected from the content.
ConfigFormat detect_format(const std::string& path, const ReadOptions& options);

// Reads `path` (not a scenario) into sections. Throws ScenarioError placed in the user's file.
ConfigSections read_config(const std::string& path, ConfigFormat format, const ReadOptions& options);

}  // namespace harness::readers
