// The body of one ECS API request, parsed with the scenario reader's Document, so a request is
// checked by the same typed getters (and worded by the same "expected …, found …" messages) as a
// scenario file, and the task definition JSON the library uses reads the same way over the API.
#pragma once

#include <memory>
#include <string>

#include "harness/scenario/document.h"
#include "harness/scenario/json_reader.h"
#include "harness/scenario/scenario_error.h"
#include "harness/serve/ecs_error.h"

namespace harness::serve {

class RequestBody {
 public:
  // Parses `text` ("" reads as {}). Broken JSON, nesting deeper than the reader allows, or a body
  // that is not an object throws EcsError SerializationException with the line and column.
  explicit RequestBody(const std::string& text);

  // The whole body as an object reader; AWS request members we do not model are let through.
  scenario::ObjectReader object();
  const scenario::Node& root() const { return root_; }

 private:
  std::unique_ptr<scenario::Document> document_;
  scenario::IgnoredFields ignored_;
  scenario::Node root_;
};

// The ECS message for a reader's error: "at /containerDefinitions/0/memory: expected an integer
// >= 6, found 2" (the "file" is always the request, so it is left out).
std::string ecs_message(const scenario::ScenarioError& e);

}  // namespace harness::serve
