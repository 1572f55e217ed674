#include "harness/serve/request_body.h"

#include <filesystem>

namespace harness::serve {
namespace {

std::unique_ptr<scenario::Document> parse(const std::string& text) {
  try {
    // The base directory is never used: "$file" references are refused before anything reads them.
    return std::make_unique<scenario::Document>("request", text.empty() ? "{}" : text, std::filesystem::path("/nonexistent"));
  } catch (const scenario::ScenarioError& e) {
    std::string where;
    if (e.line > 0) where = " at line " + std::to_string(e.line) + ", column " + std::to_string(e.column);
    throw EcsError("SerializationException", "the request body is not valid JSON" + where + ": expected " +
                                                  e.expected + ", found " + e.found);
  }
}

}  // namespace

RequestBody::RequestBody(const std::string& text)
    : document_(parse(text)), root_(*document_, document_->root(), "", ignored_) {
  if (!root_.json().is_object()) {
    throw EcsError("SerializationException", "the request body must be a JSON object, found " +
                                                  std::string(root_.json().type_name()));
  }
  if (root_.json().contains("$file")) {
    throw invalid_parameter("\"$file\" references are for scenario files, not API requests");
  }
}

scenario::ObjectReader RequestBody::object() { return root_.as_object(scenario::UnknownKeys::ignore); }

std::string ecs_message(const scenario::ScenarioError& e) {
  std::string message = e.json_pointer.empty() ? "" : "at " + e.json_pointer + ": ";
  return message + "expected " + e.expected + ", found " + e.found;
}

}  // namespace harness::serve
