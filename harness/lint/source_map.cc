#include "harness/lint/source_map.h"

#include "harness/scenario/position_index.h"

namespace harness::lint {
namespace {

// The wrappers the loader accepts around an AWS object (harness/scenario's readers unwrap the
// same keys): describe-services, describe-target-groups and describe-task-definition answers.
bool has_member(const nlohmann::json& value, const char* key) {
  return value.is_object() && value.contains(key);
}

}  // namespace

SourceMap::SourceMap(const scenario::Document& document) {
  const nlohmann::json& root = document.root();
  if (has_member(root, "service") && has_member(root["service"], "services"))
    service_ = "/service/services/0";
  if (has_member(root, "targetGroup") && has_member(root["targetGroup"], "TargetGroups"))
    target_group_ = "/targetGroup/TargetGroups/0";
  if (!has_member(root, "taskDefinitions") || !root["taskDefinitions"].is_array()) return;
  const nlohmann::json& definitions = root["taskDefinitions"];
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    TaskDefinitionSource source{"/taskDefinitions/" + std::to_string(i), "", ""};
    const nlohmann::json& element = definitions[i];
    if (has_member(element, "$file") && element["$file"].is_string()) {
      source.file = element["$file"].get<std::string>();
      const scenario::Document included =
          scenario::Document::from_file(document.base_dir() / source.file);
      if (has_member(included.root(), "taskDefinition")) source.file_prefix = "/taskDefinition";
    } else if (has_member(element, "taskDefinition")) {
      source.pointer += "/taskDefinition";
    }
    task_definitions_.push_back(std::move(source));
  }
}

Location SourceMap::task_definition(int index, std::string_view field) const {
  const auto i = static_cast<std::size_t>(index);
  if (i >= task_definitions_.size())
    return {"/taskDefinitions/" + std::to_string(index) + std::string(field), "", "", ""};
  const TaskDefinitionSource& source = task_definitions_[i];
  if (source.file.empty()) return {source.pointer + std::string(field), "", "", ""};
  const std::string inside = source.file_prefix + std::string(field);
  return {source.pointer, " (in $file " + source.file + " at " + inside + ")", source.file, inside};
}

Location SourceMap::container(int task_definition, int container, std::string_view field) const {
  return this->task_definition(
      task_definition, "/containerDefinitions/" + std::to_string(container) + std::string(field));
}

Location SourceMap::service(std::string_view field) const {
  return {service_ + std::string(field), "", "", ""};
}

Location SourceMap::target_group(std::string_view field) const {
  return {target_group_ + std::string(field), "", "", ""};
}

Location SourceMap::app(const std::string& image, std::string_view field) const {
  return {"/apps/" + scenario::pointer_token(image) + std::string(field), "", "", ""};
}

Location SourceMap::secret_value(const std::string& value_from) const {
  return {"/secretValues/" + scenario::pointer_token(value_from), "", "", ""};
}

Location SourceMap::platform(std::string_view field) const {
  return {"/platform" + std::string(field), "", "", ""};
}

}  // namespace harness::lint
