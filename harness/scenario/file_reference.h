// {"$file": "td-27.json"} in place of a task definition: the file as
// `aws ecs describe-task-definition > td-27.json` leaves it. The path is relative to the directory
// of the document that names it (the current directory for in-memory text) and must stay inside
// that directory, so a scenario cannot read arbitrary files when it is shared.
#pragma once

#include <memory>

#include "harness/scenario/document.h"
#include "harness/scenario/json_reader.h"

namespace harness::scenario {

// True when `node` is an object with a "$file" key.
bool is_file_reference(const Node& node);

// Reads and parses the referenced file. Throws ScenarioError at the "$file" value for a path that
// is absolute, leaves the directory or cannot be read, and in the new document for broken JSON.
std::unique_ptr<Document> load_file_reference(const Node& node);

}  // namespace harness::scenario
