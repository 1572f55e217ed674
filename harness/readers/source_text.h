// One file of the user's configuration as read: its name, its parsed value (JSON, or YAML turned
// into the same JSON tree) and where each value starts in the text, so that an error or a lint
// finding about a field the readers took from it can name the user's own file, line and column.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "harness/scenario/document.h"
#include "harness/scenario/position_index.h"

namespace harness::readers {

class SourceText {
 public:
  // Parses JSON `text` with the scenario loader's limits (8 MiB, 64 levels) and errors.
  static std::shared_ptr<const SourceText> json(std::string name, std::string text);
  // Parses YAML `text` (yaml_text.h): CloudFormation's short-form tags become their long form.
  static std::shared_ptr<const SourceText> yaml(std::string name, const std::string& text);
  // Reads the file at `path` (limits and errors of scenario::read_text_file) as JSON, or as YAML
  // when its first non-blank character opens no JSON object or array.
  static std::shared_ptr<const SourceText> from_file(const std::string& path);

  const std::string& name() const { return name_; }
  const nlohmann::json& root() const { return root_; }
  bool is_yaml() const { return is_yaml_; }

  // Where the value at `pointer` (or its nearest enclosing value the text has) starts.
  scenario::TextPosition position(std::string pointer) const;

  // Throws ScenarioError placed at `pointer`: "<file>:<line>:<column>: at <what>: expected ..."
  [[noreturn]] void fail(const std::string& pointer, const std::string& what, const std::string& expected,
                         const std::string& found) const;

  SourceText(std::string name, nlohmann::json root, std::string text,
             std::map<std::string, scenario::TextPosition> yaml_positions, bool is_yaml);

 private:
  std::string name_;
  nlohmann::json root_;
  std::string text_;
  std::map<std::string, scenario::TextPosition> yaml_positions_;
  bool is_yaml_ = false;
  mutable std::unique_ptr<scenario::PositionIndex> json_index_;  // built on the first error
};

using SourcePtr = std::shared_ptr<const SourceText>;

}  // namespace harness::readers
