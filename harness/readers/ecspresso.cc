#include "harness/readers/ecspresso.h"

#include <filesystem>

#include "harness/scenario/position_index.h"

namespace harness::readers {
namespace {

using nlohmann::json;

// The file `key` of the config names, read as JSON; templates and Jsonnet must be rendered first.
SourcePtr definition_file(const SourcePtr& config, const std::string& key) {
  const json& root = config->root();
  if (!root.contains(key) || !root[key].is_string())
    config->fail("", key, "the path of ecspresso's " + key + " file", "none");
  const std::string name = root[key].get<std::string>();
  const std::filesystem::path path = std::filesystem::path(config->name()).parent_path() / name;
  if (path.extension() == ".jsonnet" || path.extension() == ".libsonnet")
    config->fail("/" + key, key, "a rendered JSON file (run `ecspresso render " +
                                     std::string(key == "service_definition" ? "servicedef" : "taskdef") +
                                     "` and point " + key + " at its output)",
                 "Jsonnet " + name);
  SourcePtr source = SourceText::from_file(path.string());
  if (source->is_yaml())
    config->fail("/" + key, key, "a JSON file (render templates with `ecspresso render`)", name);
  if (!source->root().is_object()) source->fail("", "", "a JSON object (ECS's own definition)", source->root().dump());
  return source;
}

// ecspresso fills {{ must_env `X` }}, {{ tfstate `...` }} and the like when it renders; a file
// that still holds one was not rendered.
void reject_templates(const SourceText& file, const json& value, const std::string& pointer) {
  if (value.is_string() && value.get<std::string>().find("{{") != std::string::npos)
    file.fail(pointer, pointer, "a rendered file (run `ecspresso render` and read its output)",
              "a template: " + value.dump());
  if (value.is_array())
    for (std::size_t i = 0; i < value.size(); ++i) reject_templates(file, value[i], pointer + "/" + std::to_string(i));
  if (value.is_object())
    for (const auto& [key, member] : value.items()) reject_templates(file, member, pointer + "/" + scenario::pointer_token(key));
}

}  // namespace

bool looks_like_ecspresso_config(const json& root) {
  return root.is_object() && (root.contains("service_definition") || root.contains("task_definition"));
}

ConfigSections read_ecspresso(const SourcePtr& config, const ReadOptions& options) {
  ConfigSections sections;
  sections.format = "ecspresso";
  sections.file = config->name();
  const SourcePtr service_file = definition_file(config, "service_definition");
  const SourcePtr task_file = definition_file(config, "task_definition");
  reject_templates(*service_file, service_file->root(), "");
  reject_templates(*task_file, task_file->root(), "");
  SectionWriter service_writer(sections, service_file, "service_definition");
  sections.service = service_writer.as_is(service_file->root(), "/service", "");
  SectionWriter config_writer(sections, config, "ecspresso config");
  for (const auto& [key, field] : {std::pair{"service", "serviceName"}, std::pair{"cluster", "cluster"}})
    if (config->root().contains(key)) {
      sections.service[field] = config->root()[key];
      config_writer.origin(std::string("/service/") + field, std::string("/") + key);
    }
  const json& task_root = task_file->root();
  const bool wrapped = task_root.contains("taskDefinition");
  SectionWriter task_writer(sections, task_file, "task_definition");
  json definition = task_writer.as_is(wrapped ? task_root["taskDefinition"] : task_root, "/deployed",
                                      wrapped ? "/taskDefinition" : "");
  if (!definition.contains("revision")) definition["revision"] = options.revision;
  sections.deployed_task_definition = definition;
  if (sections.service.contains("loadBalancers")) {
    sections.notes.push_back("ecspresso's files name no target group: the load balancer is left out (its health "
                             "check decides a lot; add it with a live export of describe-target-groups)");
    sections.service.erase("loadBalancers");
  }
  return sections;
}

}  // namespace harness::readers
