// JSON pointers into the scenario file for the model's fields. The loader turns the file into
// plain data and keeps no positions, and the same field can sit at different pointers depending
// on how the user pasted AWS's output: a service inside describe-services' {"services": [...]},
// a task definition inside describe-task-definition's {"taskDefinition": ...} or in another file
// named by {"$file": ...}. A SourceMap looks at the file's shape once and then answers by index,
// so lint findings point where the user has to edit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/lint/finding.h"
#include "harness/scenario/document.h"

namespace harness::lint {

class SourceMap {
 public:
  // The plain layout (no wrappers, no "$file"): what a scenario built in code is described as.
  SourceMap() = default;

  // The layout of a scenario document the loader has accepted. "$file" task definitions are read
  // again (relative to the document's directory) to see whether they are wrapped.
  explicit SourceMap(const scenario::Document& document);

  // `field` is a pointer relative to the object: "/memory", "/containerDefinitions/0/image".
  Location task_definition(int index, std::string_view field) const;
  Location container(int task_definition, int container, std::string_view field) const;
  Location service(std::string_view field) const;
  Location target_group(std::string_view field) const;
  // The profile of `image` in "apps" (the image is escaped as a pointer token: "/" is "~1").
  Location app(const std::string& image, std::string_view field) const;
  // Our own "secretValues" section: the value given for a secret's valueFrom.
  Location secret_value(const std::string& value_from) const;
  // Our own "platform" section: "/platform/clusterMemoryMiB".
  Location platform(std::string_view field) const;

 private:
  struct TaskDefinitionSource {
    std::string pointer;      // "/taskDefinitions/1" or "/taskDefinitions/1/taskDefinition"
    std::string file;         // the "$file" name; empty when inline
    std::string file_prefix;  // inside that file: "" or "/taskDefinition"
  };

  std::string service_ = "/service";
  std::string target_group_ = "/targetGroup";
  std::vector<TaskDefinitionSource> task_definitions_;  // empty: the plain layout
};

}  // namespace harness::lint
