#include "harness/readers/source_text.h"

#include "harness/readers/yaml_text.h"
#include "harness/scenario/scenario_error.h"

namespace harness::readers {

SourceText::SourceText(std::string name, nlohmann::json root, std::string text,
                       std::map<std::string, scenario::TextPosition> yaml_positions, bool is_yaml)
    : name_(std::move(name)),
      root_(std::move(root)),
      text_(std::move(text)),
      yaml_positions_(std::move(yaml_positions)),
      is_yaml_(is_yaml) {}

std::shared_ptr<const SourceText> SourceText::json(std::string name, std::string text) {
  // The scenario loader's Document brings the size and nesting limits and the parse errors.
  const scenario::Document document(name, text, "");
  return std::make_shared<const SourceText>(std::move(name), document.root(), std::move(text),
                                            std::map<std::string, scenario::TextPosition>{}, false);
}

std::shared_ptr<const SourceText> SourceText::yaml(std::string name, const std::string& text) {
  YamlTree tree = parse_yaml(name, text);
  return std::make_shared<const SourceText>(std::move(name), std::move(tree.root), text,
                                            std::move(tree.positions), true);
}

std::shared_ptr<const SourceText> SourceText::from_file(const std::string& path) {
  scenario::ReadFailure failure;
  std::optional<std::string> text = scenario::read_text_file(path, failure);
  if (!text) throw scenario::ScenarioError(path, "", failure.expected, failure.found);
  const std::size_t first = text->find_first_not_of(" \t\r\n");
  const bool json_like = first != std::string::npos && ((*text)[first] == '{' || (*text)[first] == '[');
  return json_like ? json(path, std::move(*text)) : yaml(path, *text);
}

scenario::TextPosition SourceText::position(std::string pointer) const {
  if (is_yaml_) {
    for (;;) {
      if (const auto it = yaml_positions_.find(pointer); it != yaml_positions_.end()) return it->second;
      if (pointer.empty()) return {};
      pointer.erase(pointer.rfind('/'));
    }
  }
  if (!json_index_) json_index_ = std::make_unique<scenario::PositionIndex>(text_);
  while (!pointer.empty() && !json_index_->value_offset(pointer)) pointer.erase(pointer.rfind('/'));
  return scenario::text_position(text_, json_index_->value_offset(pointer).value_or(0));
}

void SourceText::fail(const std::string& pointer, const std::string& what, const std::string& expected,
                      const std::string& found) const {
  const scenario::TextPosition at = position(pointer);
  throw scenario::ScenarioError(name_, what, expected, found, at.line, at.column);
}

}  // namespace harness::readers
