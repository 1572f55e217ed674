// Where each field of a scenario the readers built came from in the user's files. The readers
// write the ECS-native sections the scenario loader reads (one code path builds the model); this
// map takes a JSON pointer of that generated scenario back to the user's file, the line and
// column, and the resource that holds it (a Terraform address such as
// module.api.aws_ecs_service.this, a template's logical id), so load errors and lint findings
// point where the user has to edit.
#pragma once

#include <map>
#include <string>

#include "harness/readers/source_text.h"
#include "harness/scenario/scenario_error.h"

namespace harness::readers {

struct Origin {
  SourcePtr source;      // the user's file
  std::string pointer;   // inside it: "/resource_changes/2/change/after/desired_count"
  std::string resource;  // "module.api.aws_ecs_service.this", "OrdersServiceD066556E"; may be empty
};

// "plan.json:57:11 (module.api.aws_ecs_service.this)": file, line:column, the resource.
struct PlacedOrigin {
  std::string file;
  int line = 0;
  int column = 0;
  std::string resource;
  std::string source_pointer;
  std::string describe() const;
};

class OriginMap {
 public:
  // Records that the generated value at `scenario_pointer` came from `origin`.
  void add(const std::string& scenario_pointer, Origin origin);

  // Copies the origins `other` has at `from` and below, moved to `to` ("/deployed/family" ->
  // "/taskDefinitions/1/family").
  void add_moved(const OriginMap& other, const std::string& from, const std::string& to);

  // The origin of `scenario_pointer`, or of its nearest enclosing pointer that has one; nullopt
  // when nothing above it came from a user's file (our own defaults, derived app profiles).
  std::optional<PlacedOrigin> place(std::string scenario_pointer) const;

  // `error` (about the generated scenario) said about the user's file when its pointer has an
  // origin: "plan.json:57:11: at module.api.aws_ecs_service.this /…/desired_count: expected …".
  scenario::ScenarioError translate(const scenario::ScenarioError& error) const;

 private:
  std::map<std::string, Origin> origins_;
};

}  // namespace harness::readers
