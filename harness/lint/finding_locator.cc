#include "harness/lint/finding_locator.h"

#include "harness/scenario/document.h"

namespace harness::lint {

struct FindingLocator::Indexed {
  explicit Indexed(const std::filesystem::path& path)
      : document(scenario::Document::from_file(path)), index(document.text()) {}
  scenario::Document document;
  scenario::PositionIndex index;
};

FindingLocator::FindingLocator(std::filesystem::path scenario_path)
    : scenario_path_(std::move(scenario_path)) {}

FindingLocator::~FindingLocator() = default;

const FindingLocator::Indexed& FindingLocator::indexed(const std::filesystem::path& path) {
  std::unique_ptr<Indexed>& slot = files_[path.string()];
  if (!slot) slot = std::make_unique<Indexed>(path);
  return *slot;
}

FindingPosition FindingLocator::locate(const Finding& finding) {
  const std::filesystem::path path =
      finding.file.empty() ? scenario_path_
                           : (scenario_path_.parent_path() / finding.file).lexically_normal();
  if (finding.line > 0) return {path.generic_string(), finding.line, finding.column};
  return locate(path, finding.file.empty() ? finding.pointer : finding.file_pointer);
}

FindingPosition FindingLocator::locate(const std::filesystem::path& path, std::string pointer) {
  const Indexed& file = indexed(path);
  // The field may be absent: walk up to the nearest member the file has ("" is the root).
  while (!pointer.empty() && !file.index.value_offset(pointer))
    pointer.erase(pointer.rfind('/'));
  const std::size_t offset =
      file.index.key_offset(pointer).value_or(file.index.value_offset(pointer).value_or(0));
  const scenario::TextPosition position = scenario::text_position(file.document.text(), offset);
  return {path.generic_string(), position.line, position.column};
}

}  // namespace harness::lint
