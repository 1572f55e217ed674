#include "harness/readers/config_reader.h"

#include <filesystem>

#include "harness/readers/cloudformation_template.h"
#include "harness/readers/ecspresso.h"
#include "harness/readers/live_export.h"
#include "harness/readers/terraform_plan.h"
#include "harness/scenario/scenario_error.h"

namespace harness::readers {

ConfigFormat detect_format(const std::string& path, const ReadOptions& options) {
  const std::pair<const char*, ConfigFormat> names[] = {{"scenario", ConfigFormat::scenario},
                                                        {"terraform", ConfigFormat::terraform},
                                                        {"cloudformation", ConfigFormat::cloudformation},
                                                        {"ecspresso", ConfigFormat::ecspresso},
                                                        {"live", ConfigFormat::live_export}};
  if (!options.format.empty()) {
    for (const auto& [name, format] : names)
      if (options.format == name) return format;
    throw scenario::ScenarioError(path, "", "--format scenario, terraform, cloudformation, ecspresso or live",
                                  "\"" + options.format + "\"");
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return ConfigFormat::live_export;
  const SourcePtr source = SourceText::from_file(path);
  const nlohmann::json& root = source->root();
  if (looks_like_terraform(root)) return ConfigFormat::terraform;
  if (looks_like_cloudformation(root)) return ConfigFormat::cloudformation;
  if (looks_like_ecspresso_config(root)) return ConfigFormat::ecspresso;
  if (root.is_object() && (root.contains("service") || root.contains("taskDefinitions"))) return ConfigFormat::scenario;
  source->fail("", "", "a deploysim scenario, a Terraform JSON plan or state, a CloudFormation template, an ecspresso "
                       "config or a directory of live exports (or --format)",
               "none of them");
}

ConfigSections read_config(const std::string& path, ConfigFormat format, const ReadOptions& options) {
  switch (format) {
    case ConfigFormat::terraform: return read_terraform(SourceText::from_file(path), options);
    case ConfigFormat::cloudformation: return read_cloudformation(SourceText::from_file(path), options);
    case ConfigFormat::ecspresso: return read_ecspresso(SourceText::from_file(path), options);
    case ConfigFormat::live_export: return read_live_export(path, options);
    case ConfigFormat::scenario: break;
  }
  throw scenario::ScenarioError(path, "", "a configuration to read (not a scenario)", "a scenario");
}

}  // namespace harness::readers
