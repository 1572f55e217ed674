#include "harness/cli/lint_origins.h"

#include <filesystem>

namespace harness::cli {

std::optional<readers::ConfigInput> read_config_input(const std::string& path, const ScenarioInputFlags& flags) {
  const readers::ReadOptions options = flags.read_options();
  if (!reads_as_config(path, options)) return std::nullopt;
  return readers::load_config_input({path}, options);
}

void place_in_user_files(lint::LintedFile& linted, const readers::OriginMap& origins) {
  for (lint::Finding& finding : linted.findings) {
    const std::optional<readers::PlacedOrigin> at = origins.place(finding.pointer);
    if (!at) continue;
    finding.pointer = at->describe() + " " + at->source_pointer;
    // The locator joins `file` to the directory of the linted path (a live export's directory,
    // an ecspresso config's).
    finding.file = std::filesystem::path(at->file)
                       .lexically_relative(std::filesystem::path(linted.path).parent_path())
                       .generic_string();
    finding.file_pointer = at->source_pointer;
    finding.line = at->line;
    finding.column = at->column;
  }
}

}  // namespace harness::cli
